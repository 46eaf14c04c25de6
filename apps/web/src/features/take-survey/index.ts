import { lazy } from 'react';

export const TakeSurveyPage = lazy(() => import('./take-survey-page'));
// Eager: it must show even if a new release removed the old lazily loaded chunks meanwhile.
export { default as ThankYouPage } from './thank-you-page';
