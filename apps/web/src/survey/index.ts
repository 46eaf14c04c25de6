import { lazy } from 'react';

const load = () => import('./survey-form');

// survey-core is large: it is only downloaded by pages that show a survey.
export const SurveyForm = lazy(load);
export type { SurveyFormProps } from './survey-form';

/** Start downloading SurveyJS early, e.g. while the survey definition is being fetched. */
export function preloadSurveyForm(): void {
  void load();
}
