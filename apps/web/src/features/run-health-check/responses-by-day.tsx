import type { DailyResponses } from '@swhc/contracts';
import { Details, TableRegion } from '../../ui';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every day from the opening to today (UTC days, as responses are stored), with 0 where none came. */
export function everyDay(
  byDay: readonly DailyResponses[],
  opensAt: string,
  today: Date,
): DailyResponses[] {
  const counts = new Map(byDay.map((d) => [d.day, d.count]));
  const first = Date.parse(`${opensAt.slice(0, 10)}T00:00:00Z`);
  const last = Math.max(first, Date.parse(`${today.toISOString().slice(0, 10)}T00:00:00Z`));
  const days: DailyResponses[] = [];
  for (let t = first; t <= last && days.length < 400; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, count: counts.get(day) ?? 0 });
  }
  return days;
}

const shortDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/**
 * Responses per day as bars, with the same numbers in a table (the chart's text alternative, and
 * what a screen reader reads). Counts only: never who or what.
 */
export function ResponsesByDay({ id, days }: { id: string; days: readonly DailyResponses[] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const width = 640;
  const height = 160;
  const bar = width / Math.max(days.length, 1);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  return (
    <figure className="app-figure">
      <figcaption className="app-body app-figure__caption" id={`${id}-caption`}>
        Responses per day since the wave opened ({total} in all)
      </figcaption>
      <svg
        className="app-bars"
        viewBox={`0 0 ${width} ${height + 20}`}
        role="img"
        aria-labelledby={`${id}-caption`}
        preserveAspectRatio="none"
      >
        <line x1="0" y1={height} x2={width} y2={height} stroke="#0b0c0c" strokeWidth="1" />
        {days.map((d, i) => {
          const h = (d.count / max) * (height - 10);
          return (
            <rect
              key={d.day}
              x={i * bar + bar * 0.15}
              y={height - h}
              width={bar * 0.7}
              height={h}
              fill="#1d70b8"
            >
              <title>{`${shortDay(d.day)}: ${d.count}`}</title>
            </rect>
          );
        })}
        <text x="0" y={height + 16} fontSize="12">
          {days[0] ? shortDay(days[0].day) : ''}
        </text>
        <text x={width} y={height + 16} fontSize="12" textAnchor="end">
          {days.at(-1) ? shortDay(days.at(-1)?.day ?? '') : ''}
        </text>
      </svg>
      <Details summary="Show the responses per day as a table">
        <TableRegion
          label="Responses per day"
          caption="Responses per day"
          columns={['Day', 'Responses']}
        >
          {days.map((d) => (
            <tr key={d.day}>
              <td>{shortDay(d.day)}</td>
              <td>{d.count}</td>
            </tr>
          ))}
        </TableRegion>
      </Details>
    </figure>
  );
}
