// Eager, unlike most pages: a respondent arrives here from a link on a phone, and every further
// file is another round trip before the first question (SurveyJS itself still loads lazily).
export { route as takeSurveyPage } from './take-survey-page';
// Eager: they must show even if a new release removed the old lazily loaded chunks meanwhile.
export { SurveyLoading } from './survey-loading';
export { default as ThankYouPage } from './thank-you-page';
