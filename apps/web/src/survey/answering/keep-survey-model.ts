import type { ShouldRevalidateFunctionArgs } from 'react-router';

/**
 * A survey or poll page's `shouldRevalidate`: only "Try again" (or following a link to this very
 * address) loads the definition again, because a new definition object would start a new survey
 * model under the person's answers.
 */
export function keepSurveyModel({
  currentUrl,
  nextUrl,
  formMethod,
}: ShouldRevalidateFunctionArgs): boolean {
  return formMethod === undefined && currentUrl.href === nextUrl.href;
}
