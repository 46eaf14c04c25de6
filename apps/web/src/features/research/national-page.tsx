import {
  SERVICE_NAMES,
  type AreaEstimates,
  type NationalPicture,
  type ScaleEstimate,
  type ServiceKind,
} from '@swhc/contracts';
import { Form, Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { loadNationalPicture, nationalCsvUrl } from '../../api';
import { requireStaff, valueOf } from '../../app/page-data';
import { ServiceSelect } from '../../app/service-select';
import { Details, usePageTitle } from '../../ui';
import { FunnelChart, IntervalChart, TrendChart } from './national-charts';
import './research.css';
import { StatisticsTable } from './statistics-table';

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, ['researcher', 'admin']);
  const query = new URL(request.url).searchParams;
  const wave = query.get('wave');
  const service: ServiceKind = query.get('service') === 'adults' ? 'adults' : 'children';
  const result = await loadNationalPicture(wave, service, request.signal);
  // No closed wave yet: the page says so instead of "not found".
  if (result.kind === 'not-found' && !wave) return { picture: null, role: staff.role };
  return { picture: valueOf(result, request), role: staff.role };
}

const num = (x: number, digits = 1) => x.toFixed(digits);
const interval = (e: ScaleEstimate | null) =>
  e ? `${num(e.mean)} (${num(e.lower)} to ${num(e.upper)})` : '—';

/** A GET form: the choice lives in the address (and works before the scripts have loaded). */
function Pickers({ picture }: { picture: NationalPicture }) {
  return (
    <Form
      method="get"
      action="/research/national"
      className="app-national-pickers"
      aria-label="Choose a wave and service"
      key={`${picture.wave.id}|${picture.service}`}
    >
      <div className="app-form-group">
        <label className="app-label" htmlFor="wave">
          Wave
        </label>
        <select id="wave" name="wave" className="app-select" defaultValue={picture.wave.id}>
          {picture.waves.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <ServiceSelect id="service" name="service" defaultValue={picture.service} />
      <button type="submit" className="app-button">
        Show
      </button>
    </Form>
  );
}

function AreasSection({ picture }: { picture: NationalPicture }) {
  const areas: AreaEstimates[] = [picture.england, ...picture.regions];
  const k = picture.minimumGroupSize;
  return (
    <section aria-labelledby="areas">
      <h2 className="app-heading-l" id="areas">
        England and the regions
      </h2>
      <p className="app-body">
        Mean scale scores from 0 to 100 (higher is better) with 95% confidence intervals.
        {picture.margins
          ? ' Raked figures weight the responses so that they match the workforce by ' +
            `${picture.margins.variables.join(' and ')}; the design effect says how much the weighting ` +
            'widens the interval, and the effective number of responses is the number an unweighted ' +
            'survey would need for the same precision.'
          : ''}{' '}
        Regions with fewer than {k} responses are not shown.
      </p>
      {picture.england.scales.map((scale, s) => {
        const rows = areas.flatMap((a) => {
          const e = a.scales[s];
          const estimate = e?.raked ?? e?.unweighted ?? null;
          return estimate ? [{ label: a.area, estimate }] : [];
        });
        return (
          <div key={scale.scale} className="app-national-block">
            <h3 className="app-heading-m">{scale.title}</h3>
            <IntervalChart
              title={`${scale.title}, ${picture.margins ? 'raked' : 'unweighted'}`}
              rows={rows}
            />
            <StatisticsTable
              caption={`${scale.title}: England and the regions`}
              head={[
                'Area',
                'Responses',
                'Unweighted (95% CI)',
                'Raked (95% CI)',
                'Design effect',
                'Effective n',
              ]}
              rows={areas.map((a) => {
                const e = a.scales[s];
                return {
                  key: a.area,
                  cells: [
                    a.area,
                    a.n === null ? `Fewer than ${k}` : String(a.n),
                    interval(e?.unweighted ?? null),
                    interval(e?.raked ?? null),
                    e?.raked ? num(e.raked.designEffect, 2) : '—',
                    e?.raked ? num(e.raked.effectiveN, 0) : '—',
                  ],
                };
              })}
            />
          </div>
        );
      })}
    </section>
  );
}

function FunnelSection({ picture }: { picture: NationalPicture }) {
  return (
    <section aria-labelledby="funnels">
      <h2 className="app-heading-l" id="funnels">
        Every local authority
      </h2>
      <p className="app-body">
        Each local authority with at least {picture.minimumGroupSize} responses, by name, against
        England’s mean (unweighted). Small authorities vary more by chance, so the limits widen to
        the left; a point outside the 99.8% limits is unlikely to be chance alone.
      </p>
      {picture.funnels.length === 0 ? (
        <p className="app-body">No local authority has enough responses for a funnel plot.</p>
      ) : null}
      {picture.funnels.map((f) => (
        <div key={f.scale} className="app-national-block">
          <h3 className="app-heading-m">{f.title}</h3>
          <FunnelChart funnel={f} />
          {f.unitsSuppressed > 0 ? (
            <p className="app-body">
              {f.unitsSuppressed} local authorit{f.unitsSuppressed === 1 ? 'y has' : 'ies have'}{' '}
              fewer than {picture.minimumGroupSize} responses and{' '}
              {f.unitsSuppressed === 1 ? 'is' : 'are'} not shown.
            </p>
          ) : null}
          <Details summary={`Every local authority for ${f.title.toLowerCase()} as a table`}>
            <StatisticsTable
              caption={`${f.title}: every local authority (England ${num(f.target)})`}
              head={['Local authority', 'Region', 'Responses', 'Score', 'Against the limits']}
              rows={f.units.map((u) => ({
                key: u.gssCode,
                cells: [
                  u.name,
                  u.region,
                  String(u.n),
                  num(u.score),
                  u.outside998 ? 'Outside 99.8%' : u.outside95 ? 'Outside 95%' : 'Within',
                ],
              }))}
            />
          </Details>
        </div>
      ))}
    </section>
  );
}

function TrendSection({ picture }: { picture: NationalPicture }) {
  const raked = picture.margins !== null;
  return (
    <section aria-labelledby="trends">
      <h2 className="app-heading-l" id="trends">
        Across waves
      </h2>
      <p className="app-body">
        England’s score in each closed wave. A change between two waves is shown (the line joins
        them) only where the instrument’s validation report finds that the scale measures the same
        thing in both (scalar invariance).
      </p>
      {picture.trends.map((t) => (
        <div key={t.scale} className="app-national-block">
          <h3 className="app-heading-m">{t.title}</h3>
          <TrendChart trend={t} raked={raked} />
          <StatisticsTable
            caption={`${t.title}: England across waves`}
            head={[
              'Wave',
              'Unweighted (95% CI)',
              'Raked (95% CI)',
              'Comparable with the wave before',
            ]}
            rows={t.points.map((p) => ({
              key: p.waveId,
              cells: [
                p.waveName,
                interval(p.unweighted),
                interval(p.raked),
                p.comparableWithPrevious === null
                  ? '—'
                  : p.comparableWithPrevious
                    ? 'Yes'
                    : `No: ${p.why ?? ''}`,
              ],
            }))}
          />
        </div>
      ))}
    </section>
  );
}

/** /research/national — England's and the regions' scores, every LA by name, trends. */
export function NationalPage() {
  const { picture, role } = useLoaderData<typeof loader>();
  usePageTitle('National picture');
  if (!picture) {
    return (
      <div className="app-grid-two-thirds">
        <h1 className="app-heading-xl">National picture</h1>
        <p className="app-body">No wave has closed yet, so there is no national picture.</p>
      </div>
    );
  }
  return (
    <div className="app-national">
      <p className="app-body">
        <Link className="app-link" to="/research">
          Research
        </Link>
      </p>
      <h1 className="app-heading-xl">
        National picture
        <span className="app-caption-l">
          {' '}
          {picture.wave.name}, {SERVICE_NAMES[picture.service]}
        </span>
      </h1>
      <Pickers picture={picture} />
      <div className="app-inset-text">
        {picture.margins ? (
          <p className="app-body">
            Raked to the workforce by {picture.margins.variables.join(' and ')}:{' '}
            {picture.margins.source}.
          </p>
        ) : (
          <p className="app-body">
            No workforce margins are stored for {SERVICE_NAMES[picture.service].toLowerCase()}, so
            the figures are unweighted.
            {role === 'admin' ? (
              <>
                {' '}
                <Link className="app-link" to="/admin/workforce-margins">
                  Enter the workforce margins
                </Link>
                .
              </>
            ) : null}
          </p>
        )}
        {picture.rakingNote ? <p className="app-body">{picture.rakingNote}</p> : null}
      </div>
      <p className="app-body">
        <a className="app-link" href={nationalCsvUrl(picture.wave.id, picture.service)} download>
          Download these figures as CSV
        </a>
      </p>
      <AreasSection picture={picture} />
      <FunnelSection picture={picture} />
      <TrendSection picture={picture} />
    </div>
  );
}

export const route = { loader, Component: NationalPage };
