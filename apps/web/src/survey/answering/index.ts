// Answering a survey and sending it until the server acknowledges it: shared by the health check
// (take-survey) and panel polls. No SurveyJS here: it stays in ../survey-form.tsx.
export * from './keep-survey-model';
export * from './saved-progress';
export * from './send-with-retry';
export * from './submission-id';
export * from './sending-panel';
export * from './submission-status';
export * from './use-submission';
