import { MINIMUM_GROUP_SIZE_CEILING } from '@swhc/disclosure';
import { type FormEvent, useRef, useState } from 'react';
import { getPlatformSettings, setMinimumGroupSize } from '../../api/staff-api';
import { ErrorSummary, SuccessBanner, TextField, usePageTitle } from '../../ui';
import { useStaffSession } from '../sign-in';
import { AdminNav } from './admin-nav';
import { useAdminData } from './use-admin-data';

export function validateMinimumGroupSize(raw: string, lowest: number): string | null {
  const text = raw.trim();
  if (text === '') return 'Enter the minimum group size';
  if (!/^\d+$/.test(text)) return 'Minimum group size must be a whole number, like 10';
  const k = Number(text);
  if (k < lowest) return `Minimum group size must be ${lowest} or more`;
  if (k > MINIMUM_GROUP_SIZE_CEILING)
    return `Minimum group size must be ${MINIMUM_GROUP_SIZE_CEILING} or less`;
  return null;
}

/** K: no statistic is shown for fewer respondents than this. */
export function SettingsPage() {
  const [settings, reload] = useAdminData(getPlatformSettings);
  const { sessionEnded } = useStaffSession();
  // null until the admin types: the field shows the saved value.
  const [typed, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const sending = useRef(false);
  usePageTitle('Minimum group size', error !== null);

  if (settings.status === 'loading') return <p className="app-body">Loading…</p>;
  if (settings.status === 'failed') return <p className="app-body">{settings.message}</p>;
  const lowest = settings.value.lowestMinimumGroupSize;
  const value = typed ?? String(settings.value.minimumGroupSize);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.current) return;
    const problem = validateMinimumGroupSize(value, lowest);
    setError(problem);
    setSaved(null);
    if (problem) return;
    sending.current = true;
    const result = await setMinimumGroupSize(Number(value.trim()));
    sending.current = false;
    if (result.kind === 'ok') {
      setSaved(result.value.minimumGroupSize);
      reload();
    } else if (result.kind === 'signed-out') {
      sessionEnded();
    } else if (result.kind === 'invalid') {
      setError(`Minimum group size ${result.errors[0]?.message ?? 'is not valid'}`);
    } else {
      setError('Sorry, there is a problem with the service. Nothing was changed. Try again later.');
    }
  };

  return (
    <>
      <AdminNav />
      <div className="app-grid-two-thirds">
        {saved !== null ? (
          <SuccessBanner>
            <p className="app-body">The minimum group size is now {saved}.</p>
          </SuccessBanner>
        ) : null}
        <ErrorSummary items={error ? [{ targetId: 'minimumGroupSize', text: error }] : []} />
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id="minimumGroupSize"
            labelAsHeading
            label="Minimum group size"
            hint={
              <>
                No result (a mean, a percentage, a count or a response rate) is shown for fewer
                respondents than this, in any report or export. The standard is 10; it can never be
                lower than {lowest}. Raising it hides more small groups.
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
        </form>
      </div>
    </>
  );
}
