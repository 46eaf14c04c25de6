export const takeSurveyPage = () => import('./take-survey-page').then((m) => m.route);
// Eager: they must show even if a new release removed the old lazily loaded chunks meanwhile.
export { SurveyLoading } from './survey-loading';
export { default as ThankYouPage } from './thank-you-page';
