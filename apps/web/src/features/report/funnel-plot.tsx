import type { FunnelScale } from '@swhc/contracts';
import {
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartData,
  type ChartDataset,
  type ChartOptions,
} from 'chart.js';
import { Scatter } from 'react-chartjs-2';
import { wholeScore } from './format';

// Only what a scatter with lines needs: keeps the report's chunk small.
ChartJS.register(ScatterController, LinearScale, PointElement, LineElement, Tooltip, Legend);

const TEXT = '#0b0c0c';
const GREY = '#505a5f';
const LIMIT_95 = '#6f777b';
const LIMIT_998 = '#0b0c0c';
const OWN = '#1d70b8';

export function positionWords(
  position: FunnelScale['ownPosition'],
  higherIsBetter: boolean,
  above: boolean,
): string {
  if (position === null) return 'Your local authority is not on this plot.';
  if (position === 'inside') {
    return 'Your local authority is within the range expected from chance alone, given how many people responded.';
  }
  const better = above === higherIsBetter;
  const how = position === 'outside998' ? 'well outside' : 'outside';
  return `Your local authority is ${how} the range expected from chance alone: ${better ? 'better' : 'worse'} than England.`;
}

/** One control limit of the funnel: a line without points, dashed for 99.8%. */
function limitLine(
  label: string,
  data: { x: number; y: number }[],
  colour: string,
  dashed: boolean,
): ChartDataset<'scatter'> {
  return {
    label,
    data,
    showLine: true,
    pointRadius: 0,
    pointStyle: 'line',
    borderColor: colour,
    borderWidth: 1.5,
    ...(dashed ? { borderDash: [6, 4] } : {}),
  };
}

function ownAbove(plot: FunnelScale): boolean {
  const own = plot.points.find((p) => p.own);
  return own ? own.score > plot.target : false;
}

export function FunnelPlot({
  plot,
  organisationName,
  higherIsBetter,
}: {
  plot: FunnelScale;
  organisationName: string;
  higherIsBetter: boolean;
}) {
  const line = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998') =>
    plot.limits.map((l) => ({ x: l.n, y: l[key] }));
  const first = plot.limits[0]?.n ?? 0;
  const last = plot.limits[plot.limits.length - 1]?.n ?? 0;
  const data: ChartData<'scatter'> = {
    datasets: [
      limitLine('99.8% limits', line('upper998'), LIMIT_998, true),
      limitLine('99.8% limits (lower)', line('lower998'), LIMIT_998, true),
      limitLine('95% limits', line('upper95'), LIMIT_95, false),
      limitLine('95% limits (lower)', line('lower95'), LIMIT_95, false),
      {
        label: 'England average',
        data: [
          { x: first, y: plot.target },
          { x: last, y: plot.target },
        ],
        showLine: true,
        pointRadius: 0,
        pointStyle: 'line',
        borderColor: TEXT,
        borderWidth: 1,
      },
      {
        label: 'Other local authorities',
        data: plot.points.filter((p) => !p.own).map((p) => ({ x: p.n, y: p.score })),
        pointRadius: 3,
        pointBackgroundColor: '#ffffff',
        pointBorderColor: GREY,
        borderColor: GREY,
      },
      {
        label: organisationName,
        data: plot.points.filter((p) => p.own).map((p) => ({ x: p.n, y: p.score })),
        pointRadius: 8,
        pointHoverRadius: 9,
        pointStyle: 'rectRot',
        pointBackgroundColor: OWN,
        pointBorderColor: TEXT,
        pointBorderWidth: 2,
        borderColor: OWN,
        backgroundColor: OWN,
      },
    ],
  };
  const options: ChartOptions<'scatter'> = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      x: {
        type: 'linear',
        title: { display: true, text: 'Number of responses', color: TEXT },
        ticks: { color: TEXT },
      },
      y: {
        grace: '5%',
        title: { display: true, text: 'Score (0 to 100)', color: TEXT },
        ticks: { color: TEXT },
      },
    },
    plugins: {
      legend: {
        labels: {
          color: TEXT,
          usePointStyle: true,
          filter: (item) => !item.text.includes('(lower)'),
        },
      },
      tooltip: {
        filter: (item) => item.datasetIndex >= 5,
        callbacks: {
          label: (item) =>
            `${item.dataset.label ?? ''}: ${wholeScore(item.parsed.y ?? 0)} from ${item.parsed.x ?? 0} responses`,
        },
      },
    },
  };
  const words = positionWords(plot.ownPosition, higherIsBetter, ownAbove(plot));
  return (
    <figure className="app-funnel">
      <figcaption className="app-funnel__caption">
        <span className="app-funnel__title">{plot.title}</span> {words}
      </figcaption>
      <div className="app-funnel__canvas">
        <Scatter
          data={data}
          options={options}
          role="img"
          aria-label={`Funnel plot of ${plot.title} scores for ${plot.points.length} local authorities against their number of responses. ${words} The same data is in the table below.`}
        />
      </div>
      <details className="app-details">
        <summary className="app-details__summary">
          Show the data for {plot.title.toLowerCase()} as a table
        </summary>
        <div
          className="app-details__text"
          tabIndex={0}
          role="region"
          aria-label={`${plot.title}: data table`}
        >
          <table className="app-table app-table--compact">
            <caption className="app-table__caption">
              {plot.title}: every local authority with at least the minimum number of responses
              (England average {wholeScore(plot.target)})
            </caption>
            <thead>
              <tr>
                <th scope="col">Local authority</th>
                <th scope="col" className="app-table__numeric">
                  Responses
                </th>
                <th scope="col" className="app-table__numeric">
                  Score
                </th>
                <th scope="col">Compared with England</th>
              </tr>
            </thead>
            <tbody>
              {plot.points.map((p, i) => (
                <tr key={i} className={p.own ? 'app-table__row--own' : undefined}>
                  <th scope="row">
                    {p.own ? `${organisationName} (you)` : 'Another local authority'}
                  </th>
                  <td className="app-table__numeric">{p.n}</td>
                  <td className="app-table__numeric">{wholeScore(p.score)}</td>
                  <td>
                    {p.outside998
                      ? 'Outside the 99.8% limits'
                      : p.outside95
                        ? 'Outside the 95% limits'
                        : 'Within the limits'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
