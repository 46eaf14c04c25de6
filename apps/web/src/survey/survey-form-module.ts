import { type ComponentType, useEffect, useSyncExternalStore } from 'react';
import type { SurveyFormProps } from './survey-form';

/** SurveyJS's part of the app (survey-form.tsx), once its download has settled. */
export type SurveyFormModule =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly SurveyForm: ComponentType<SurveyFormProps> }
  | { readonly state: 'failed'; readonly error: unknown };

let current: SurveyFormModule = { state: 'loading' };
let started = false;
const listeners = new Set<() => void>();

/**
 * Starts downloading SurveyJS (once; survey-core alone is ~1.6 MB, 270 kB with brotli), e.g.
 * while the survey definition is fetched. Only pages that show a survey ask for it.
 */
export function preloadSurveyForm(): void {
  if (started) return;
  started = true;
  import('./survey-form').then(
    (module) => settle({ state: 'loaded', SurveyForm: module.default }),
    (error: unknown) => settle({ state: 'failed', error }),
  );
}

function settle(next: SurveyFormModule): void {
  current = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Where SurveyJS's download stands; the component re-renders when it settles. */
export function useSurveyFormModule(): SurveyFormModule {
  useEffect(preloadSurveyForm, []);
  return useSyncExternalStore(subscribe, () => current);
}
