import {
  isUuid,
  type QuestionTrend,
  type TrendEstimate,
  type TrendWeighting,
} from '@swhc/contracts';
import {
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { useState } from 'react';
import { Line } from 'react-chartjs-2';
import { Form, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { getQuestionTrend } from '../../../api';
import { notFound, requireStaff, valueOf } from '../../../app/page-data';
import { pathParam, queryParam } from '../../../app/route-params';
import { Details, RadioField, TableHead, usePageTitle } from '../../../ui';
import { PanelNav } from './panel-nav';

// Only what a line chart with a shaded band needs: keeps the chunk small.
ChartJS.register(
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Filler,
  Tooltip,
  Legend,
);

const WEIGHTINGS: Record<Exclude<TrendWeighting, 'unweighted'>, string> = {
  membership: 'The panel’s membership (by region and role)',
  margins: 'Population margins entered by an administrator',
};
const isWeighting = (v: string): v is 'membership' | 'margins' =>
  v === 'membership' || v === 'margins';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, ['researcher', 'admin']);
  const id = pathParam(params, 'id', isUuid);
  const weighting = queryParam(new URL(request.url), 'weighting', isWeighting);
  if (id === null || weighting === null) throw notFound();
  const chosen = weighting ?? 'membership';
  const result = await getQuestionTrend(id, chosen, request.signal);
  if (result.kind === 'refused' && result.status === 400) {
    // No margins have been entered yet: show the membership weighting and say so.
    const fallback = valueOf(await getQuestionTrend(id, 'membership', request.signal), request);
    return { trend: fallback, weighting: chosen, problem: result.message };
  }
  return { trend: valueOf(result, request), weighting: chosen, problem: null };
}

const pct = (e: TrendEstimate | null, digits = 1) => (e ? `${e.percentage.toFixed(digits)}%` : '–');
const ci = (e: TrendEstimate | null) =>
  e ? `${e.lower.toFixed(1)} to ${e.upper.toFixed(1)}` : '–';
const shortDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'Europe/London',
  });

function TrendChart({ trend }: { trend: QuestionTrend }) {
  const points = trend.points;
  const labels = points.map((p) => shortDate(p.poll.closesAt));
  const series = (pick: (p: (typeof points)[number]) => number | null | undefined) =>
    points.map((p) => pick(p) ?? null);
  const data: ChartData<'line', (number | null)[], string> = {
    labels,
    datasets: [
      {
        label: '95% interval (weighted)',
        data: series((p) => p.weighted?.upper),
        borderColor: 'transparent',
        backgroundColor: 'rgba(29, 112, 184, 0.18)',
        pointRadius: 0,
        fill: '+1',
      },
      {
        label: 'lower',
        data: series((p) => p.weighted?.lower),
        borderColor: 'transparent',
        pointRadius: 0,
        fill: false,
      },
      {
        label: 'Weighted',
        data: series((p) => p.weighted?.percentage),
        borderColor: '#1d70b8',
        backgroundColor: '#1d70b8',
        borderWidth: 3,
        pointRadius: 4,
      },
      {
        label: 'Unweighted',
        data: series((p) => p.unweighted?.percentage),
        borderColor: '#505a5f',
        backgroundColor: '#505a5f',
        borderDash: [6, 4],
        borderWidth: 2,
        pointRadius: 3,
        pointStyle: 'rectRot',
      },
    ],
  };
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    spanGaps: false,
    plugins: {
      legend: {
        labels: { filter: (item) => item.text !== 'lower', color: '#0b0c0c' },
      },
      tooltip: { enabled: true },
    },
    scales: {
      y: {
        title: {
          display: true,
          text: `% ${trend.question.twoWay.label.toLowerCase()}`,
          color: '#0b0c0c',
        },
        ticks: { color: '#0b0c0c' },
        // A share: the whole scale, so a small change does not look like a large one.
        min: 0,
        max: 100,
      },
      x: { ticks: { color: '#0b0c0c' } },
    },
  };
  const last = points[points.length - 1];
  const summary = `Line chart of the share answering “${trend.question.twoWay.label}” in ${points.length} polls; latest ${pct(last ? (last.weighted ?? last.unweighted) : null)}. The table below gives every value.`;
  return (
    <div className="app-trend-chart">
      <Line data={data} options={options} role="img" aria-label={summary} />
    </div>
  );
}

/** The chart and, below it, every value it shows. */
function TrendValues({ trend }: { trend: QuestionTrend }) {
  return (
    <>
      <TrendChart trend={trend} />
      {/* The heading stays outside the table's scrolling box, so a narrow screen shows all of it. */}
      <h2 className="app-heading-m" id="trend-values">
        Every poll that asked this question
      </h2>
      <div className="app-table-wrapper" tabIndex={0} role="region" aria-labelledby="trend-values">
        <table className="app-table" aria-labelledby="trend-values">
          <TableHead
            columns={[
              'Poll',
              { text: 'Answers', numeric: true },
              { text: 'Unweighted', numeric: true },
              { text: '95% interval', numeric: true },
              { text: 'Weighted', numeric: true },
              { text: '95% interval', numeric: true },
              { text: 'Design effect', numeric: true },
            ]}
          />
          <tbody>
            {trend.points.map((p) => (
              <tr key={p.poll.id}>
                <th scope="row">
                  {p.poll.title}
                  {p.note ? <span className="app-table__small"> {p.note}</span> : null}
                </th>
                <td className="app-table__numeric">
                  {p.n === null ? '–' : p.n.toLocaleString('en-GB')}
                </td>
                <td className="app-table__numeric">{pct(p.unweighted)}</td>
                <td className="app-table__numeric">{ci(p.unweighted)}</td>
                <td className="app-table__numeric">{pct(p.weighted)}</td>
                <td className="app-table__numeric">{ci(p.weighted)}</td>
                <td className="app-table__numeric">
                  {p.weighted ? p.weighted.designEffect.toFixed(2) : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** /research/panel/trends/:id — a repeated question over time, unweighted and raked, with 95% CIs. */
export function TrendPage() {
  const { trend, weighting, problem } = useLoaderData<typeof loader>();
  const [choice, setChoice] = useState<string>(weighting);
  usePageTitle(`Trend: ${trend.question.title}`);
  return (
    <div className="app-pollpanel">
      <PanelNav />
      <span className="app-caption-l">Trend</span>
      <h1 className="app-heading-xl">{trend.question.title}</h1>
      <p className="app-body-l">
        The share of members answering “{trend.question.twoWay.label}” in each poll that asked this
        question, with its 95% confidence interval.
      </p>
      <Form method="get" className="app-trend-form">
        <RadioField
          id="weighting"
          legend="Weight the answers to"
          choices={Object.entries(WEIGHTINGS).map(([value, label]) => ({ value, label }))}
          value={choice}
          onChange={setChoice}
        />
        <button type="submit" className="app-button app-button--secondary">
          Show
        </button>
      </Form>
      {problem ? (
        <div className="app-inset-text">
          <p className="app-body">{problem}. Shown weighted to the panel’s membership instead.</p>
        </div>
      ) : null}
      {trend.points.length === 0 ? (
        <p className="app-body">No poll that asked this question has closed yet.</p>
      ) : (
        <TrendValues trend={trend} />
      )}
      <Details summary="How we worked this out">
        <p className="app-body">
          Each interval is a Wilson score interval. Weighted figures use weights from raking
          (iterative proportional fitting) so that the answers match the chosen margins by region
          and role. Weights that vary make an estimate less precise: the design effect (Kish’s
          n·Σw²/(Σw)²) says by how much, and the weighted interval uses the effective number of
          answers, n divided by the design effect. A poll with fewer answers to the question than
          the minimum group size shows no figure.
        </p>
      </Details>
    </div>
  );
}

export const route = { loader, Component: TrendPage };
