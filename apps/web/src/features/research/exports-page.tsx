import type { ResearchExportStatus } from '@swhc/contracts';
import { type ReactNode, useEffect, useMemo } from 'react';
import {
  type ActionFunctionArgs,
  Link,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
  useRevalidator,
} from 'react-router';
import { exportDownloadUrl, loadExportOptions, loadExports, requestExport } from '../../api';
import { ActionForm } from '../../app/action-form';
import { redirectWithNotice, takeNotice } from '../../app/notice';
import { requireStaff, sessionEnded, valueOf } from '../../app/page-data';
import { ErrorSummary, usePageTitle, TableRegion, NoticeBanner } from '../../ui';
import './research.css';

/** How often the page asks for progress while an export is being made. */
const POLL_MS = 2000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['researcher', 'admin']);
  const [options, exports] = await Promise.all([
    loadExportOptions(request.signal),
    loadExports(request.signal),
  ]);
  return {
    options: valueOf(options, request),
    exports: valueOf(exports, request),
    notice: takeNotice(request),
  };
}

const FIELDS = ['waves', 'polls', 'variables'] as const;
type Outcome = { readonly field: (typeof FIELDS)[number]; readonly text: string };

export async function action({ request }: ActionFunctionArgs): Promise<Outcome | Response> {
  const form = await request.formData();
  const waves = form.getAll('waves').map(String);
  const polls = form.getAll('polls').map(String);
  const variables = form.getAll('variables').map(String);
  if (waves.length === 0 && polls.length === 0)
    return { field: 'waves', text: 'Select at least one wave or poll' };
  if (waves.length > 0 && variables.length === 0)
    return { field: 'variables', text: 'Select at least one variable' };
  // Variables are the waves’: an export of polls alone has every question of each poll.
  const result = await requestExport({
    waves,
    ...(polls.length > 0 ? { polls } : {}),
    ...(waves.length > 0 ? { variables } : {}),
  });
  switch (result.kind) {
    case 'ok':
      return redirectWithNotice(
        '/research/exports',
        'Your export has been requested. Its progress is shown below.',
      );
    case 'signed-out':
      return sessionEnded(request);
    case 'refused':
      return {
        field: FIELDS.find((f) => f === result.errors[0]?.field) ?? 'waves',
        text: result.errors[0]?.message ?? result.message,
      };
    default:
      return {
        field: 'waves',
        text: 'Sorry, there is a problem with the service. Nothing was requested. Try again later.',
      };
  }
}

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  });

function StatusCell({ e }: { e: ResearchExportStatus }) {
  switch (e.state) {
    case 'queued':
      return <>Waiting to start</>;
    case 'running':
      return (
        <>
          Being made: {Math.round(e.progress * 100)}%
          {e.rowsTotal !== null
            ? ` (${e.rowsDone.toLocaleString('en-GB')} of ${e.rowsTotal.toLocaleString('en-GB')} rows)`
            : ''}
        </>
      );
    case 'ready':
      return (
        <>
          <a className="app-link" href={exportDownloadUrl(e.id)} download>
            Download ZIP
          </a>{' '}
          ({Math.max(1, Math.round((e.sizeBytes ?? 0) / 1024)).toLocaleString('en-GB')} KB,{' '}
          {e.anonymisation?.rows.toLocaleString('en-GB') ?? 0} rows,{' '}
          {e.anonymisation?.cellsChanged.toLocaleString('en-GB') ?? 0} cells changed to protect
          anonymity)
        </>
      );
    case 'refused':
      return <>Refused: {e.reason}</>;
    default:
      return <>Failed: {e.reason ?? 'try again later'}</>;
  }
}

/** One checkbox of the form, ticked or not to begin with (the form reads it when sent). */
function Checkbox({
  name,
  value,
  id,
  checked,
  children,
}: {
  name: (typeof FIELDS)[number];
  value: string;
  id: string;
  checked: boolean;
  children: ReactNode;
}) {
  return (
    <div className="app-checkboxes__item">
      <input
        className="app-checkboxes__input"
        type="checkbox"
        name={name}
        value={value}
        id={id}
        defaultChecked={checked}
      />
      <label className="app-label app-checkboxes__label" htmlFor={id}>
        {children}
      </label>
    </div>
  );
}

/** Choose waves, polls and variables, follow the export's progress, download the ZIP. */
export function ExportsPage() {
  const { options, exports, notice } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const revalidator = useRevalidator();
  usePageTitle('Anonymised data exports', outcome !== undefined);
  const busy = exports.some((e) => e.state === 'queued' || e.state === 'running');
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => void revalidator.revalidate(), POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, exports, revalidator]);
  const summary = useMemo(
    () => (outcome ? [{ targetId: outcome.field, text: outcome.text }] : []),
    [outcome],
  );
  const instrument = options.instruments[options.instruments.length - 1];
  const groups = [...new Set(instrument?.variables.map((v) => v.group) ?? [])];

  return (
    <>
      <p className="app-body">
        <Link className="app-link" to="/research">
          Research
        </Link>
      </p>
      <NoticeBanner notice={notice} />
      <ErrorSummary items={summary} />
      <h1 className="app-heading-xl">Anonymised data exports</h1>
      <p className="app-body">
        A ZIP with the survey responses and poll answers as CSV, a codebook (JSON and a web page),
        label scripts for SPSS, Stata and R, and a README saying what was changed to protect
        anonymity: every combination of the columns that could identify someone is shared by at
        least {options.minimumGroupSize} rows, and there are no names, ids or times.
      </p>

      <h2 className="app-heading-l">Your exports</h2>
      {exports.length === 0 ? (
        <p className="app-body">You have not requested an export yet.</p>
      ) : (
        <TableRegion
          label="Your exports"
          caption="Your exports, newest first"
          className="app-table__small"
          columns={['Requested', 'Data', 'Status']}
          announceChanges
        >
          {exports.map((e) => (
            <tr key={e.id}>
              <td>{when(e.requestedAt)}</td>
              <td>{[...e.waves.map((w) => w.name), ...e.polls.map((p) => p.title)].join(', ')}</td>
              <td>
                <StatusCell e={e} />
              </td>
            </tr>
          ))}
        </TableRegion>
      )}

      <h2 className="app-heading-l">Request an export</h2>
      {(!instrument || instrument.waves.length === 0) && options.polls.length === 0 ? (
        <p className="app-body">No wave or poll has closed yet, so there is nothing to export.</p>
      ) : (
        <ActionForm label="Request an export">
          {instrument && instrument.waves.length > 0 ? (
            <div
              className={`app-form-group${outcome?.field === 'waves' ? ' app-form-group--error' : ''}`}
            >
              <fieldset className="app-fieldset">
                <legend className="app-fieldset__legend">
                  Waves of {instrument.title}, version {instrument.version}
                </legend>
                {outcome?.field === 'waves' ? (
                  <p className="app-error-message">
                    <span className="app-visually-hidden">Error:</span> {outcome.text}
                  </p>
                ) : null}
                {instrument.waves.map((w, i) => (
                  <Checkbox
                    key={w.id}
                    name="waves"
                    value={w.id}
                    id={i === 0 ? 'waves' : `waves-${w.id}`}
                    checked
                  >
                    {w.name} ({w.responses.toLocaleString('en-GB')} responses)
                  </Checkbox>
                ))}
              </fieldset>
            </div>
          ) : null}
          {options.polls.length > 0 ? (
            <div
              className={`app-form-group${outcome?.field === 'polls' ? ' app-form-group--error' : ''}`}
            >
              <fieldset className="app-fieldset" aria-describedby="polls-hint">
                <legend className="app-fieldset__legend">Polling panel polls</legend>
                <p className="app-hint" id="polls-hint">
                  Closed polls only. Every question of each poll is included; a question asked in
                  several polls is one column.
                </p>
                {outcome?.field === 'polls' ? (
                  <p className="app-error-message">
                    <span className="app-visually-hidden">Error:</span> {outcome.text}
                  </p>
                ) : null}
                {options.polls.map((p, i) => (
                  <Checkbox
                    key={p.id}
                    name="polls"
                    value={p.id}
                    id={i === 0 ? 'polls' : `polls-${p.id}`}
                    checked={false}
                  >
                    {p.title} (closed {day(p.closesAt)}, {p.answers.toLocaleString('en-GB')}{' '}
                    answers)
                  </Checkbox>
                ))}
              </fieldset>
            </div>
          ) : null}
          {instrument && instrument.waves.length > 0 ? (
            <div
              className={`app-form-group${outcome?.field === 'variables' ? ' app-form-group--error' : ''}`}
            >
              <fieldset className="app-fieldset">
                <legend className="app-fieldset__legend">Variables of the waves</legend>
                {outcome?.field === 'variables' ? (
                  <p className="app-error-message">
                    <span className="app-visually-hidden">Error:</span> {outcome.text}
                  </p>
                ) : null}
                {groups.map((group, g) => (
                  <fieldset className="app-fieldset" key={group}>
                    <legend className="app-label">{group}</legend>
                    {instrument.variables
                      .filter((v) => v.group === group)
                      .map((v, i) => {
                        const id = g === 0 && i === 0 ? 'variables' : `variables-${v.name}`;
                        return (
                          <Checkbox key={v.name} name="variables" value={v.name} id={id} checked>
                            {v.label}
                            {v.quasiIdentifier ? ' (may be coarsened or blanked)' : ''}
                          </Checkbox>
                        );
                      })}
                  </fieldset>
                ))}
              </fieldset>
            </div>
          ) : null}
          <button type="submit" className="app-button">
            Request export
          </button>
        </ActionForm>
      )}
    </>
  );
}

export const route = { loader, action, Component: ExportsPage };
