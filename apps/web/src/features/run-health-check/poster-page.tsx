import {
  type HealthCheckRun,
  isGssCode,
  isServiceKind,
  isUuid,
  longLondonDateTime,
  type RunEnrolment,
  type RunWave,
} from '@swhc/contracts';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { loadHealthCheckRun } from '../../api';
import { notFound, requireStaff, valueOf } from '../../app/page-data';
import { pathParam, queryParam } from '../../app/route-params';
import { surveyUrl } from '../../app/survey-url';
import { usePageTitle } from '../../ui';
import { useQrImages } from './qr-code';
import { anonymityPromise, serviceInSentence } from './run-words';
import './run-health-check.css';

export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireStaff(request, ['psw', 'admin']);
  const url = new URL(request.url);
  const gssCode = pathParam(params, 'gssCode', isGssCode);
  const waveId = queryParam(url, 'wave', isUuid);
  const service = queryParam(url, 'service', isServiceKind);
  if (gssCode === null || !waveId || !service) throw notFound();
  const run: HealthCheckRun = valueOf(await loadHealthCheckRun(gssCode, request.signal), request);
  const wave = run.waves.find((w) => w.id === waveId && w.state !== 'closed');
  const enrolment = wave?.enrolments.find((e) => e.service === service);
  if (!wave || !enrolment) throw notFound();
  return { run, wave, enrolment };
}

/** An A4 poster: the link, its QR code, the closing date and the anonymity promise. */
export function PosterPage() {
  const { run, wave, enrolment } = useLoaderData<typeof loader>();
  usePageTitle(`Poster – ${wave.name}`);
  return <Poster run={run} wave={wave} enrolment={enrolment} />;
}

function Poster({
  run,
  wave,
  enrolment,
}: {
  run: HealthCheckRun;
  wave: RunWave;
  enrolment: RunEnrolment;
}) {
  const url = surveyUrl(enrolment.code);
  const qr = useQrImages(url);
  const { organisation } = run;
  return (
    <>
      <div className="app-no-print">
        <p className="app-body">
          <Link to={`/la/${organisation.gssCode}/survey`}>Back to Run your health check</Link>
        </p>
        <p className="app-body">
          The poster below fits one A4 page. Print it, or save it as a PDF from the print dialogue.
        </p>
        <button type="button" className="app-button" onClick={() => window.print()}>
          Print this poster
        </button>
      </div>
      <article className="app-poster" aria-label="Poster">
        <p className="app-poster__kicker">
          {organisation.name}, {serviceInSentence(enrolment.service)}
        </p>
        <h1 className="app-poster__title">How is work for you?</h1>
        <p className="app-poster__lead">
          Take part in the Social Work Health Check. It takes about 10 minutes.
        </p>
        {qr ? (
          <img
            className="app-poster__qr"
            src={qr.svg}
            alt={`QR code that opens ${url}`}
            data-testid="poster-qr"
          />
        ) : null}
        <p className="app-poster__scan">Scan the code with your phone’s camera, or go to</p>
        <p className="app-poster__link">
          <code className="app-code">{url}</code>
        </p>
        <p className="app-poster__closing">
          Open until {longLondonDateTime(new Date(wave.closesAt))}
        </p>
        <p className="app-poster__promise">
          {anonymityPromise(organisation.name, run.minimumGroupSize)}
        </p>
      </article>
    </>
  );
}

export const route = { loader, Component: PosterPage };
