import { isServiceKind, isUuid, type LaReport, SERVICE_NAMES } from '@swhc/contracts';
import { useState } from 'react';
import { type ActionFunctionArgs, useFetcher } from 'react-router';
import { saveHeadcount } from '../../api';
import { textOf } from '../../app/form-fields';
import { percent } from './format';
import { ReportSection } from './report-section';

const HEADCOUNT_FORMAT = 'Enter the number of social workers as a whole number, like 120';

/** The report page's action: saves the headcount; the report is then loaded again. */
export async function saveHeadcountAction({
  params,
  request,
}: ActionFunctionArgs): Promise<{ error: string | null }> {
  const form = await request.formData();
  const wave = textOf(form, 'wave');
  const service = textOf(form, 'service');
  const trimmed = textOf(form, 'headcount').trim().replace(/,/g, '');
  const headcount = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || headcount < 1 || headcount > 100000)
    return { error: HEADCOUNT_FORMAT };
  if (!isUuid(wave) || !isServiceKind(service))
    return { error: 'The headcount could not be saved. Try again later.' };
  const result = await saveHeadcount(params.gssCode ?? '', { wave, service, headcount });
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

/** Response count, headcount (which the PSW can enter) and response rate. */
export function ResponsesSection({ report }: { report: LaReport }) {
  const { responses } = report;
  const [value, setValue] = useState(responses.headcount?.toString() ?? '');
  const fetcher = useFetcher<typeof saveHeadcountAction>();
  const error = fetcher.data?.error ?? null;
  const saving = fetcher.state !== 'idle';

  return (
    <ReportSection id="responses" title="Responses">
      <p className="app-body">{responses.sentence}</p>
      <dl className="app-summary-list">
        <div className="app-summary-list__row">
          <dt className="app-summary-list__key">Responses</dt>
          <dd className="app-summary-list__value">
            {responses.count !== null ? responses.count.toLocaleString('en-GB') : responses.message}
          </dd>
        </div>
        <div className="app-summary-list__row">
          <dt className="app-summary-list__key">Social workers in the service (headcount)</dt>
          <dd className="app-summary-list__value">
            {responses.headcount !== null
              ? responses.headcount.toLocaleString('en-GB')
              : 'Not entered yet'}
          </dd>
        </div>
        <div className="app-summary-list__row">
          <dt className="app-summary-list__key">Response rate</dt>
          <dd className="app-summary-list__value">
            {responses.responseRate === null
              ? responses.count === null
                ? responses.message
                : 'Enter the headcount to see the response rate'
              : responses.responseRate > 100
                ? 'More responses than the headcount: check the headcount'
                : `${percent(responses.responseRate)} of the headcount`}
          </dd>
        </div>
      </dl>
      <fetcher.Form method="post" className="app-form app-no-print" noValidate>
        <input type="hidden" name="wave" value={report.wave.id} />
        <input type="hidden" name="service" value={report.service} />
        <div className={`app-form-group${error ? ' app-form-group--error' : ''}`}>
          <label className="app-label" htmlFor="headcount">
            Number of social workers in {report.organisation.name}’s{' '}
            {SERVICE_NAMES[report.service].toLowerCase()}
          </label>
          <div id="headcount-hint" className="app-hint">
            Used only to work out the response rate for {report.wave.name}.
          </div>
          {error ? (
            <p id="headcount-error" className="app-error-message">
              <span className="app-visually-hidden">Error:</span> {error}
            </p>
          ) : null}
          <input
            className={`app-input app-input--width-5${error ? ' app-input--error' : ''}`}
            id="headcount"
            name="headcount"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-describedby={error ? 'headcount-hint headcount-error' : 'headcount-hint'}
          />
        </div>
        <button type="submit" className="app-button app-button--secondary" disabled={saving}>
          Save headcount
        </button>
      </fetcher.Form>
    </ReportSection>
  );
}
