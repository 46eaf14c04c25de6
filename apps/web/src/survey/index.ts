// SurveyJS (survey-form.tsx) is only ever loaded lazily, through survey-form-module.ts.
export { FastSurveyForm } from './fast-survey-form';
export { takeInlineSurvey } from './inline-survey';
export { preloadSurveyForm } from './survey-form-module';
export type { SurveyFormProps } from './survey-form';
