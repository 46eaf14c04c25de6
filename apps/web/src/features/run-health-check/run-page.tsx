import {
  type HealthCheckRun,
  isGssCode,
  isServiceKind,
  isUuid,
  longLondonDateTime,
  SERVICE_NAMES,
  type WaveState,
} from '@swhc/contracts';
import { useMemo } from 'react';
import {
  type ActionFunctionArgs,
  Link,
  type LoaderFunctionArgs,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
} from 'react-router';
import { enrolOwn, loadHealthCheckRun } from '../../api';
import { textOf } from '../../app/form-fields';
import { saveHeadcountFrom } from '../../app/headcount';
import { notFound, requireStaff, sessionEnded, valueOf } from '../../app/page-data';
import { pathParam } from '../../app/route-params';
import { ErrorSummary, SuccessBanner, usePageTitle } from '../../ui';
import { EnrolmentPanel } from './enrolment-panel';
import './run-health-check.css';

export async function loader({ params, request }: LoaderFunctionArgs): Promise<HealthCheckRun> {
  await requireStaff(request, ['psw', 'admin']);
  const gssCode = pathParam(params, 'gssCode', isGssCode);
  if (gssCode === null) throw notFound();
  return valueOf(await loadHealthCheckRun(gssCode, request.signal), request);
}

type Outcome = { readonly notice?: string; readonly error?: string | null };

export async function action({ params, request }: ActionFunctionArgs): Promise<Outcome | Response> {
  const gssCode = params.gssCode ?? '';
  const form = await request.formData();
  if (textOf(form, 'intent') === 'headcount') return saveHeadcountFrom(gssCode, form);
  const wave = textOf(form, 'wave');
  const service = textOf(form, 'service');
  if (!isUuid(wave) || !isServiceKind(service))
    return { error: 'Nothing was enrolled. Try again.' };
  const result = await enrolOwn(gssCode, { wave, service });
  switch (result.kind) {
    case 'ok':
      return {
        notice: `Your ${SERVICE_NAMES[service].toLowerCase()} are taking part. The link is below.`,
      };
    case 'signed-out':
      return sessionEnded(request);
    case 'refused':
      return { error: result.errors[0]?.message ?? result.message };
    default:
      return {
        error: 'Sorry, there is a problem with the service. Nothing was enrolled. Try again later.',
      };
  }
}

const STATE_WORDS: Record<WaveState, string> = {
  draft: 'Draft',
  scheduled: 'Not open yet',
  open: 'Open',
  closed: 'Closed',
};

/** /la/:gssCode/survey — a PSW runs their LA's health check. */
export function RunHealthCheckPage() {
  const run = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const submit = useSubmit();
  const busy = useNavigation().state !== 'idle';
  const problem = outcome?.error ?? null;
  const summary = useMemo(() => (outcome?.error ? [{ text: outcome.error }] : []), [outcome]);
  const { organisation } = run;
  usePageTitle(`Run your health check – ${organisation.name}`, problem !== null);
  return (
    <>
      {outcome?.notice ? (
        <SuccessBanner>
          <p className="app-body">{outcome.notice}</p>
        </SuccessBanner>
      ) : null}
      <ErrorSummary items={summary} />
      <span className="app-caption-l">{organisation.name}</span>
      <h1 className="app-heading-xl">Run your health check</h1>
      {run.waves.length === 0 ? (
        <p className="app-body">
          There is no health check to run at the moment. When the next wave is scheduled you can
          take part from this page.
        </p>
      ) : null}
      {run.waves.map((wave) => (
        <section key={wave.id} className="app-run-wave" aria-labelledby={`wave-${wave.id}`}>
          <h2 className="app-heading-l" id={`wave-${wave.id}`}>
            {wave.name} <span className="app-run-wave__state">({STATE_WORDS[wave.state]})</span>
          </h2>
          <p className="app-body">
            {wave.state === 'closed'
              ? `Closed on ${longLondonDateTime(new Date(wave.closesAt))}.`
              : `${wave.state === 'open' ? 'Opened' : 'Opens'} on ${longLondonDateTime(new Date(wave.opensAt))}; closes on ${longLondonDateTime(new Date(wave.closesAt))} (London time).`}
          </p>
          {wave.enrolable.length > 0 ? (
            <div className="app-inset-text">
              <p className="app-body">
                {wave.enrolments.length === 0
                  ? `${organisation.name} is not taking part in ${wave.name} yet.`
                  : 'You can also enrol:'}
              </p>
              <div className="app-button-group">
                {wave.enrolable.map((service) => (
                  <button
                    key={service}
                    type="button"
                    className="app-button app-button--secondary"
                    onClick={() => {
                      if (!busy)
                        void submit(
                          new URLSearchParams([
                            ['wave', wave.id],
                            ['service', service],
                          ]),
                          {
                            method: 'post',
                          },
                        );
                    }}
                  >
                    Take part with {SERVICE_NAMES[service].toLowerCase()}
                  </button>
                ))}
              </div>
            </div>
          ) : null}
          {wave.enrolments.map((enrolment) => (
            <EnrolmentPanel
              key={enrolment.service}
              gssCode={organisation.gssCode}
              organisation={organisation.name}
              wave={wave}
              enrolment={enrolment}
              k={run.minimumGroupSize}
            />
          ))}
        </section>
      ))}
      <p className="app-body">
        <Link to={`/la/${organisation.gssCode}`}>Your results</Link>
      </p>
    </>
  );
}

export const route = { loader, action, Component: RunHealthCheckPage };
