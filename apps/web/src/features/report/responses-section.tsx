import { type LaReport, SERVICE_NAMES } from '@swhc/contracts';
import { useState } from 'react';
import { type ActionFunctionArgs, useFetcher } from 'react-router';
import { saveHeadcountFrom } from '../../app/headcount';
import { percent } from './format';
import { ReportSection } from './report-section';

/** The report page's action: saves the headcount; the report is then loaded again. */
export async function saveHeadcountAction({
  params,
  request,
}: ActionFunctionArgs): Promise<{ error: string | null }> {
  return saveHeadcountFrom(params.gssCode ?? '', await request.formData());
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
