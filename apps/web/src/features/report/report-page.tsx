import { isGssCode, isServiceKind, isUuid, type LaReport, SERVICE_NAMES } from '@swhc/contracts';
import {
  Link,
  type LoaderFunctionArgs,
  useLoaderData,
  useLocation,
  useNavigate,
  useParams,
} from 'react-router';
import { type ApiResult, loadReport, reportCsvUrl } from '../../api';
import { pathParam, queryParam } from '../../app/route-params';
import { usePageTitle } from '../../ui';
import { DriversSection, GroupsSection, ItemsSection, ReliabilitySection } from './detail-sections';
import { FunnelPlot } from './funnel-plot';
import { longDate } from './format';
import { ReportPickers } from './report-pickers';
import { ReportSection } from './report-section';
import { ResponsesSection, saveHeadcountAction } from './responses-section';
import { ScoresSection } from './scores-section';
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
          <Link to={`/sign-in?returnTo=${encodeURIComponent(here)}`}>Sign in</Link> with your
          principal social worker account to see your local authority’s results.
        </p>
      ) : result.kind === 'not-found' || result.kind === 'forbidden' ? (
        <p className="app-body">
          You can only see the results of the local authority your account belongs to. Check the
          address, or go back to the <Link to="/">home page</Link>.
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

function Report({ report }: { report: LaReport }) {
  const navigate = useNavigate();
  const title = `${report.organisation.name}: health check results`;
  usePageTitle(`${title} – ${report.wave.name}`);
  const query = { wave: report.wave.id, service: report.service };
  const k = report.minimumGroupSize;
  return (
    <>
      <span className="app-caption-l">
        {SERVICE_NAMES[report.service]} · {report.wave.name}
      </span>
      <h1 className="app-heading-xl">{title}</h1>
      <ReportPickers
        key={`${report.wave.id}|${report.service}`}
        report={report}
        onChoose={(wave, service) =>
          void navigate(
            `/la/${report.organisation.gssCode}?${new URLSearchParams({ wave, service }).toString()}`,
          )
        }
      />
      <div className="app-inset-text">
        <p className="app-body">{report.status}</p>
        <p className="app-body">
          To protect people’s anonymity, nothing is shown for a group of fewer than {k} people.
        </p>
      </div>
      <p className="app-actions app-no-print">
        <a className="app-link" href={reportCsvUrl(report.organisation.gssCode, query)} download>
          Download CSV
        </a>
        <button type="button" className="app-link-button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>

      <ResponsesSection report={report} />
      {report.scoresReleased ? (
        <>
          <ScoresSection report={report} />
          {report.funnel.length > 0 ? (
            <ReportSection id="funnel" title="Compared with every local authority">
              <p className="app-body">
                Each circle is a local authority with at least {k} responses; other local
                authorities are not named. Your local authority is the blue diamond. Small local
                authorities vary more by chance, so the limits widen to the left: a local authority
                outside the 95% limits is unusual, outside the 99.8% limits very unusual.
              </p>
              <p className="app-body">
                The plot tests every local authority against the same England average, while the
                comparisons above test yours against the other local authorities only. Close to the
                edge the two can disagree: treat such a result as borderline.
              </p>
              <div className="app-funnels">
                {report.funnel.map((plot) => (
                  <FunnelPlot
                    key={plot.scale}
                    plot={plot}
                    organisationName={report.organisation.name}
                    higherIsBetter={
                      report.scales.find((s) => s.key === plot.scale)?.higherIsBetter ?? true
                    }
                  />
                ))}
              </div>
            </ReportSection>
          ) : null}
          {report.drivers ? <DriversSection drivers={report.drivers} /> : null}
          <GroupsSection report={report} />
          <ItemsSection report={report} />
          <ReliabilitySection report={report} />
        </>
      ) : null}
      <p className="app-body app-secondary-text app-report-footer">
        {report.organisation.name} ({report.organisation.gssCode}), {report.organisation.region}.
        Report produced on {longDate(report.generatedAt)}.
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
