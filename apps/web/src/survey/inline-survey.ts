import { INLINE_SURVEY_ELEMENT_ID, type SurveyDefinitionResponse } from '@swhc/contracts';

/**
 * The survey definition the app page of `/s/{code}` carried for `code`, taken once: the element is
 * removed, so a later load (a retry, "Start again") asks the api for the state of that moment.
 * Undefined when the page carried none (the api would not have answered 200) or another code's.
 */
export function takeInlineSurvey(code: string): SurveyDefinitionResponse | undefined {
  const element = document.getElementById(INLINE_SURVEY_ELEMENT_ID);
  if (!element) return undefined;
  element.remove();
  try {
    const value = JSON.parse(element.textContent ?? '') as SurveyDefinitionResponse | null;
    return value && typeof value === 'object' && value.code === code ? value : undefined;
  } catch {
    return undefined;
  }
}
