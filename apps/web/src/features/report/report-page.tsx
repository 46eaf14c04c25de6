import { isGssCode, isServiceKind, isUuid, type LaReport, SERVICE_NAMES } from '@swhc/contracts';
import {
  Link,
  type LoaderFunctionArgs,
  useLoaderData,
  useLocation,
  useNavigate,
  useParams,
} from 'react-router';
import { type ApiResult, loadReport, reportCsvUrl, reportPdfUrl } from '../../api';
import { pathParam, queryParam } from '../../app/route-params';
import { reportFileStem } from '@swhc/report-view';
import { Details, usePageTitle } from '../../ui';
import { AtAGlanceSection } from './at-a-glance-section';
import { DriversSection } from './drivers-section';
import { longDate } from './format';
import { FunnelSection } from './funnel-section';
import { HeatmapSection } from './heatmap-section';
import { MethodSection } from './method-section';
import { ReportPickers } from './report-pickers';
import { ResponsesSection, saveHeadcountAction } from './responses-section';
import { ScoresSection } from './scores-section';
import { StatementsSection } from './statements-section';
import './report.css';

/** The report, or why there is none; a malformed address is not found without asking the api. */
export async function loader({
  params,
  request,
}: LoaderFunctionArgs): Promise<ApiResult<LaReport>> {
  const url = new URL(request.url);
  const gssCode = pathParam(params, 'gssCode', isGssCode);
  const wave = queryParam(url, 'wave', isUuid);
  const service = queryParam(url, 'service', isServiceKind);
  if (gssCode === null || wave === null || service === null)
    return { kind: 'not-found', message: 'There is no report at this address' };
  return loadReport(gssCode, { wave, service }, request.signal);
}

function Problem({
  result,
  gssCode,
}: {
  result: Exclude<ApiResult<LaReport>, { kind: 'ok' }>;
  gssCode: string;
}) {
  const title =
    result.kind === 'signed-out'
      ? 'Sign in to see this report'
      : result.kind === 'not-found' || result.kind === 'forbidden'
        ? 'Report not found'
        : result.kind === 'refused'
          ? 'There is a problem with the report address'
          : 'Sorry, there is a problem with the service';
  usePageTitle(title);
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <>
      <h1 className="app-heading-xl">{title}</h1>
      {result.kind === 'signed-out' ? (
        <p className="app-body">
          <Link to={`/sign-in?returnTo=${encodeURIComponent(here)}`}>Sign in</Link> with a staff
          account to see this local authority’s results.
        </p>
      ) : result.kind === 'not-found' || result.kind === 'forbidden' ? (
        <p className="app-body">
          There is no report at this address that this account may see. Check the address, or go
          back to the <Link to="/">home page</Link>.
        </p>
      ) : result.kind === 'refused' ? (
        <>
          <ul className="app-list">
            {result.errors.map((e) => (
              <li key={e.field}>
                {e.field === 'wave' ? 'Wave' : e.field === 'service' ? 'Service' : e.field}{' '}
                {e.message}
              </li>
            ))}
          </ul>
          <p className="app-body">
            <Link to={`/la/${gssCode}`}>See the latest results instead</Link>.
          </p>
        </>
      ) : (
        <p className="app-body">Try again later.</p>
      )}
    </>
  );
}

const CONTENTS: readonly [string, string][] = [
  ['scores', 'Scores'],
  ['statements', 'Answers to each statement'],
  ['groups', 'Results by group'],
  ['drivers', 'What goes with intention to stay'],
  ['funnel', 'Compared with every local authority'],
  ['responses', 'Responses and headcount'],
  ['method', 'How we worked this out'],
];

function Report({ report }: { report: LaReport }) {
  const navigate = useNavigate();
  const title = `${report.organisation.name}: health check results`;
  usePageTitle(`${title} – ${report.wave.name}`);
  const query = { wave: report.wave.id, service: report.service };
  const k = report.minimumGroupSize;
  const stem = reportFileStem(report);
  const { gssCode } = report.organisation;
  return (
    <>
      <span className="app-caption-l">
        {SERVICE_NAMES[report.service]} · {report.wave.name}
      </span>
      <h1 className="app-heading-xl">{title}</h1>
      <p className="app-body app-report__status">{report.status}</p>
      {/* Nothing to download or print while there are no results (open wave, or under K). */}
      {report.scoresReleased ? (
        <p className="app-actions app-no-print">
          <a className="app-link" href={reportPdfUrl(gssCode, query)} download>
            Download PDF
          </a>
          <a className="app-link" href={reportCsvUrl(gssCode, query)} download>
            Download CSV
          </a>
          <button type="button" className="app-link-button" onClick={() => window.print()}>
            Print this page
          </button>
        </p>
      ) : null}
      <Details
        className="app-no-print"
        open={!report.scoresReleased}
        summary="Choose another wave or service"
      >
        <ReportPickers
          key={`${report.wave.id}|${report.service}`}
          report={report}
          onChoose={(wave, service) =>
            void navigate(`/la/${gssCode}?${new URLSearchParams({ wave, service }).toString()}`)
          }
        />
      </Details>

      {report.scoresReleased ? (
        <>
          <AtAGlanceSection report={report} fileStem={stem} />
          <nav className="app-contents app-no-print" aria-labelledby="contents-heading">
            <h2 className="app-contents__title" id="contents-heading">
              The full report
            </h2>
            <ol className="app-contents__list">
              {CONTENTS.filter(([id]) =>
                id === 'drivers'
                  ? report.drivers
                  : id === 'funnel'
                    ? report.funnel.length > 0
                    : true,
              ).map(([id, words]) => (
                <li key={id}>
                  <a className="app-link" href={`#${id}-heading`}>
                    {words}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <ScoresSection report={report} />
          <StatementsSection report={report} fileStem={stem} />
          <HeatmapSection report={report} />
          {report.drivers ? <DriversSection drivers={report.drivers} fileStem={stem} /> : null}
          {report.funnel.length > 0 ? <FunnelSection report={report} fileStem={stem} /> : null}
          <ResponsesSection report={report} />
          <MethodSection report={report} />
        </>
      ) : (
        <>
          <div className="app-inset-text">
            <p className="app-body">
              To protect people’s anonymity, nothing is shown for a group of fewer than {k} people.
            </p>
          </div>
          <ResponsesSection report={report} />
        </>
      )}
      <p className="app-body app-secondary-text app-report-footer">
        {report.organisation.name} ({gssCode}), {report.organisation.region}. Report produced on{' '}
        {longDate(report.generatedAt)}.
      </p>
    </>
  );
}

export function ReportPage() {
  const { gssCode = '' } = useParams();
  const result = useLoaderData<typeof loader>();
  return (
    <div className="app-report">
      {result.kind === 'ok' ? (
        <Report report={result.value} />
      ) : (
        <Problem result={result} gssCode={gssCode} />
      )}
    </div>
  );
}

export const route = { loader, action: saveHeadcountAction, Component: ReportPage };
