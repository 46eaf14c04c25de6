import { isServiceKind, isUuid } from '@swhc/contracts';
import { saveHeadcount } from '../api';
import { textOf } from './form-fields';

const HEADCOUNT_FORMAT = 'Enter the number of social workers as a whole number, like 120';

/**
 * Saves the headcount (the response rate's denominator) posted by a form with fields `wave`,
 * `service` and `headcount`: the report page and the "Run your health check" page both have one.
 */
export async function saveHeadcountFrom(
  gssCode: string,
  form: FormData,
): Promise<{ error: string | null }> {
  const wave = textOf(form, 'wave');
  const service = textOf(form, 'service');
  const trimmed = textOf(form, 'headcount').trim().replace(/,/g, '');
  const headcount = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || headcount < 1 || headcount > 100000)
    return { error: HEADCOUNT_FORMAT };
  if (!isUuid(wave) || !isServiceKind(service))
    return { error: 'The headcount could not be saved. Try again later.' };
  const result = await saveHeadcount(gssCode, { wave, service, headcount });
  switch (result.kind) {
    case 'ok':
      return { error: null };
    case 'refused':
      return {
        error: result.errors[0]?.message ? `Headcount ${result.errors[0].message}` : result.message,
      };
    case 'signed-out':
      return { error: 'You have been signed out. Sign in again to save the headcount.' };
    default:
      return { error: 'The headcount could not be saved. Try again later.' };
  }
}
