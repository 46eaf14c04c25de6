import { lazy } from 'react';

export const TakeSurveyPage = lazy(() => import('./take-survey-page'));
export const ThankYouPage = lazy(() => import('./thank-you-page'));
