import { MINIMUM_GROUP_SIZE_CEILING, MINIMUM_GROUP_SIZE_FLOOR } from '@swhc/disclosure';
import { useMemo, useState } from 'react';
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
} from 'react-router';
import { getPlatformSettings, setMinimumGroupSize } from '../../api';
import { ActionForm } from '../../app/action-form';
import { textOf } from '../../app/form-fields';
import { requireStaff, sessionEnded, valueOf } from '../../app/page-data';
import { ErrorSummary, SuccessBanner, TextField, usePageTitle } from '../../ui';
import { AdminNav } from './admin-nav';

export function validateMinimumGroupSize(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return 'Enter the minimum group size';
  if (!/^\d+$/.test(text)) return 'Minimum group size must be a whole number, like 10';
  const k = Number(text);
  if (k < MINIMUM_GROUP_SIZE_FLOOR)
    return `Minimum group size must be ${MINIMUM_GROUP_SIZE_FLOOR} or more`;
  if (k > MINIMUM_GROUP_SIZE_CEILING)
    return `Minimum group size must be ${MINIMUM_GROUP_SIZE_CEILING} or less`;
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  return valueOf(await getPlatformSettings(request.signal), request);
}

type SettingsOutcome = { saved: number; error?: undefined } | { error: string; saved?: undefined };

export async function action({ request }: ActionFunctionArgs): Promise<SettingsOutcome | Response> {
  const raw = textOf(await request.formData(), 'minimumGroupSize');
  const problem = validateMinimumGroupSize(raw);
  if (problem) return { error: problem };
  const result = await setMinimumGroupSize(Number(raw.trim()));
  switch (result.kind) {
    case 'ok':
      return { saved: result.value.minimumGroupSize };
    case 'signed-out':
      return sessionEnded(request);
    case 'refused':
      return { error: `Minimum group size ${result.errors[0]?.message ?? 'is not valid'}` };
    default:
      return {
        error: 'Sorry, there is a problem with the service. Nothing was changed. Try again later.',
      };
  }
}

/** K: no statistic is shown for fewer respondents than this. */
export function SettingsPage() {
  const settings = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  // null until the admin types: the field shows the saved value.
  const [typed, setValue] = useState<string | null>(null);
  const error = outcome?.error ?? null;
  // A new list only with a new answer: the summary takes focus whenever its list changes.
  const summary = useMemo(
    () => (outcome?.error ? [{ targetId: 'minimumGroupSize', text: outcome.error }] : []),
    [outcome],
  );
  usePageTitle('Minimum group size', error !== null);
  const value = typed ?? String(settings.minimumGroupSize);

  return (
    <>
      <AdminNav />
      <div className="app-grid-two-thirds">
        {outcome?.saved !== undefined ? (
          <SuccessBanner>
            <p className="app-body">The minimum group size is now {outcome.saved}.</p>
          </SuccessBanner>
        ) : null}
        <ErrorSummary items={summary} />
        <ActionForm>
          <TextField
            id="minimumGroupSize"
            labelAsHeading
            label="Minimum group size"
            hint={
              <>
                No result (a mean, a percentage, a count or a response rate) is shown for fewer
                respondents than this, in any report or export. The standard is 10; it can never be
                lower than {settings.lowestMinimumGroupSize}. Raising it hides more small groups.
              </>
            }
            inputMode="numeric"
            spellCheck={false}
            autoComplete="off"
            value={value}
            onChange={setValue}
            error={error ?? undefined}
            width={3}
          />
          <button type="submit" className="app-button">
            Save minimum group size
          </button>
        </ActionForm>
      </div>
    </>
  );
}

export const route = { loader, action, Component: SettingsPage };
