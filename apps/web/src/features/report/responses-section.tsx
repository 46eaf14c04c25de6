import type { LaReport } from '@swhc/contracts';
import { useState, type FormEvent } from 'react';
import { saveHeadcount } from '../../api/report-api';
import { percent } from './format';
import { ReportSection } from './report-section';

/** Response count, headcount (which the PSW can enter) and response rate. */
export function ResponsesSection({ report, onSaved }: { report: LaReport; onSaved: () => void }) {
  const { responses } = report;
  const [value, setValue] = useState(responses.headcount?.toString() ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim().replace(/,/g, '');
    const headcount = Number(trimmed);
    if (!/^\d+$/.test(trimmed) || headcount < 1 || headcount > 100000) {
      setError('Enter the number of social workers as a whole number, like 120');
      return;
    }
    setSaving(true);
    const result = await saveHeadcount(report.organisation.gssCode, {
      wave: report.wave.id,
      service: report.service,
      headcount,
    });
    setSaving(false);
    if (result.kind === 'saved') {
      setError(null);
      onSaved();
    } else if (result.kind === 'invalid') {
      setError(
        result.errors[0]?.message ? `Headcount ${result.errors[0].message}` : result.message,
      );
    } else if (result.kind === 'signed-out') {
      setError('You have been signed out. Sign in again to save the headcount.');
    } else {
      setError('The headcount could not be saved. Try again later.');
    }
  };

  return (
    <ReportSection id="responses" title="Responses">
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
            {responses.responseRate !== null
              ? `${percent(responses.responseRate)} of the headcount`
              : responses.count === null
                ? responses.message
                : 'Enter the headcount to see the response rate'}
            {responses.responseRate !== null && responses.responseRate > 100
              ? '. This is more than everyone: check the headcount.'
              : ''}
          </dd>
        </div>
      </dl>
      <form className="app-form app-no-print" onSubmit={(e) => void submit(e)} noValidate>
        <div className={`app-form-group${error ? ' app-form-group--error' : ''}`}>
          <label className="app-label" htmlFor="headcount">
            Number of social workers in your{' '}
            {report.service === 'children' ? 'children’s' : 'adults’'} service
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
      </form>
    </ReportSection>
  );
}
