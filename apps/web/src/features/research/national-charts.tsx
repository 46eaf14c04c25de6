import type { NationalFunnel, NationalTrend, ScaleEstimate } from '@swhc/contracts';

// Small SVG charts of the national picture. Each is one image named by its description; the table
// beside it carries every number, so screen-reader users read the table.

const WIDTH = 640;
const INK = '#0b0c0c';
const GREY = '#505a5f';
const BLUE = '#1d70b8';
const GRID = '#b1b4b6';

function scale(lo: number, hi: number, from: number, to: number) {
  return (v: number) => from + ((v - lo) / (hi - lo || 1)) * (to - from);
}

/** Bounds rounded out to 5 around the values, within 0–100. */
function bounds(values: readonly number[]): [number, number] {
  const lo = Math.max(0, Math.floor((Math.min(...values) - 1) / 5) * 5);
  const hi = Math.min(100, Math.ceil((Math.max(...values) + 1) / 5) * 5);
  return hi > lo ? [lo, hi] : [lo, lo + 5];
}

/** About five round numbers of responses from 0 to maxN. */
function nTicks(maxN: number): number[] {
  const step = [10, 20, 50, 100, 200, 500, 1000].find((s) => maxN / s <= 6) ?? 2000;
  const out: number[] = [];
  for (let n = 0; n <= maxN; n += step) out.push(n);
  return out;
}

function Chart({
  description,
  height,
  children,
}: {
  description: string;
  height: number;
  children: React.ReactNode;
}) {
  return (
    <svg
      className="app-national-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={description}
      focusable="false"
    >
      {children}
    </svg>
  );
}

function Ticks({
  lo,
  hi,
  x,
  top,
  bottom,
}: {
  lo: number;
  hi: number;
  x: (v: number) => number;
  top: number;
  bottom: number;
}) {
  const step = hi - lo > 30 ? 10 : 5;
  const ticks: number[] = [];
  for (let v = lo; v <= hi; v += step) ticks.push(v);
  return (
    <>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top} y2={bottom} stroke={GRID} strokeWidth={0.5} />
          <text x={x(v)} y={bottom + 14} fontSize={11} textAnchor="middle" fill={GREY}>
            {v}
          </text>
        </g>
      ))}
    </>
  );
}

/** Means with their 95% intervals, one row per area (raked where there are weights). */
export function IntervalChart({
  title,
  rows,
}: {
  title: string;
  rows: readonly { label: string; estimate: ScaleEstimate }[];
}) {
  if (rows.length === 0) return null;
  const left = 170;
  const rowHeight = 22;
  const top = 10;
  const bottom = top + rows.length * rowHeight;
  const [lo, hi] = bounds(rows.flatMap((r) => [r.estimate.lower, r.estimate.upper]));
  const x = scale(lo, hi, left, WIDTH - 20);
  return (
    <Chart
      description={`${title}: mean score (0 to 100) with its 95% confidence interval for ${rows.map((r) => r.label).join(', ')}. The table below gives every figure.`}
      height={bottom + 24}
    >
      <Ticks lo={lo} hi={hi} x={x} top={top} bottom={bottom} />
      {rows.map((r, i) => {
        const y = top + i * rowHeight + rowHeight / 2;
        return (
          <g key={r.label}>
            <text x={left - 8} y={y + 4} fontSize={12} textAnchor="end" fill={INK}>
              {r.label}
            </text>
            <line
              x1={x(r.estimate.lower)}
              x2={x(r.estimate.upper)}
              y1={y}
              y2={y}
              stroke={GREY}
              strokeWidth={2}
            />
            <circle cx={x(r.estimate.mean)} cy={y} r={4} fill={i === 0 ? INK : BLUE} />
          </g>
        );
      })}
    </Chart>
  );
}

/** Every named LA against the funnel's limits (the names are in the table). */
export function FunnelChart({ funnel }: { funnel: NationalFunnel }) {
  const left = 40;
  const top = 10;
  const bottom = 230;
  const maxN = Math.max(...funnel.units.map((u) => u.n), ...funnel.limits.map((l) => l.n)) * 1.05;
  const [lo, hi] = bounds([
    ...funnel.units.map((u) => u.score),
    ...funnel.limits.flatMap((l) => [l.lower998, l.upper998]),
  ]);
  const x = scale(0, maxN, left, WIDTH - 20);
  const y = scale(lo, hi, bottom, top);
  const line = (pick: (l: NationalFunnel['limits'][number]) => number) =>
    funnel.limits.map((l) => `${x(l.n).toFixed(1)},${y(pick(l)).toFixed(1)}`).join(' ');
  const outside = funnel.units.filter((u) => u.outside95).length;
  return (
    <Chart
      description={`Funnel plot of ${funnel.title} for ${funnel.units.length} local authorities: score (0 to 100) against number of responses, with England’s mean (${funnel.target.toFixed(1)}) and the 95% and 99.8% limits expected by chance; ${outside} lie outside the 95% limits. The table below names each.`}
      height={bottom + 56}
    >
      {[lo, (lo + hi) / 2, hi].map((v) => (
        <text key={v} x={left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill={GREY}>
          {Math.round(v)}
        </text>
      ))}
      <line x1={left} x2={WIDTH - 20} y1={y(funnel.target)} y2={y(funnel.target)} stroke={INK} />
      <polyline points={line((l) => l.upper95)} fill="none" stroke={GREY} />
      <polyline points={line((l) => l.lower95)} fill="none" stroke={GREY} />
      <polyline points={line((l) => l.upper998)} fill="none" stroke={INK} strokeDasharray="5 3" />
      <polyline points={line((l) => l.lower998)} fill="none" stroke={INK} strokeDasharray="5 3" />
      {funnel.units.map((u) => (
        <circle
          key={u.gssCode}
          cx={x(u.n)}
          cy={y(u.score)}
          r={3}
          fill={u.outside95 ? BLUE : '#ffffff'}
          stroke={u.outside95 ? BLUE : GREY}
        />
      ))}
      {nTicks(maxN).map((n) => (
        <text key={n} x={x(n)} y={bottom + 14} fontSize={11} textAnchor="middle" fill={GREY}>
          {n}
        </text>
      ))}
      <text x={(left + WIDTH) / 2} y={bottom + 30} fontSize={11} textAnchor="middle" fill={GREY}>
        Number of responses
      </text>
      <circle cx={left + 6} cy={bottom + 44} r={3} fill={BLUE} stroke={BLUE} />
      <text x={left + 14} y={bottom + 48} fontSize={11} fill={INK}>
        Outside the 95% limits
      </text>
      <line x1={left + 170} x2={left + 184} y1={bottom + 44} y2={bottom + 44} stroke={GREY} />
      <text x={left + 188} y={bottom + 48} fontSize={11} fill={INK}>
        95% limits
      </text>
      <line
        x1={left + 270}
        x2={left + 284}
        y1={bottom + 44}
        y2={bottom + 44}
        stroke={INK}
        strokeDasharray="5 3"
      />
      <text x={left + 288} y={bottom + 48} fontSize={11} fill={INK}>
        99.8% limits
      </text>
    </Chart>
  );
}

/** England's mean per wave; a line joins two waves only where they may be compared. */
export function TrendChart({ trend, raked }: { trend: NationalTrend; raked: boolean }) {
  const points = trend.points.map((p) => ({ ...p, e: (raked ? p.raked : p.unweighted) ?? null }));
  const shown = points.filter((p) => p.e !== null);
  if (shown.length === 0) return null;
  const left = 40;
  const top = 10;
  const bottom = 170;
  const [lo, hi] = bounds(shown.flatMap((p) => [p.e?.lower ?? 0, p.e?.upper ?? 0]));
  // Room for a wave's name centred under its point at either end.
  const step = (WIDTH - left - 160) / Math.max(1, points.length - 1);
  const x = (i: number) => left + 70 + i * step;
  const y = scale(lo, hi, bottom, top);
  return (
    <Chart
      description={`${trend.title}, England, ${raked ? 'raked' : 'unweighted'}: ${points
        .map(
          (p) =>
            `${p.waveName} ${p.e ? p.e.mean.toFixed(1) : 'not shown'}${p.comparableWithPrevious === false ? ' (not comparable with the wave before)' : ''}`,
        )
        .join('; ')}.`}
      height={bottom + 30}
    >
      {[lo, hi].map((v) => (
        <text key={v} x={left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill={GREY}>
          {v}
        </text>
      ))}
      {points.map((p, i) => {
        const before = points[i - 1];
        return (
          <g key={p.waveId}>
            {before?.e && p.e && p.comparableWithPrevious ? (
              <line
                x1={x(i - 1)}
                x2={x(i)}
                y1={y(before.e.mean)}
                y2={y(p.e.mean)}
                stroke={BLUE}
                strokeWidth={2}
              />
            ) : null}
            {p.e ? (
              <>
                <line
                  x1={x(i)}
                  x2={x(i)}
                  y1={y(p.e.lower)}
                  y2={y(p.e.upper)}
                  stroke={GREY}
                  strokeWidth={2}
                />
                <circle cx={x(i)} cy={y(p.e.mean)} r={4} fill={BLUE} />
              </>
            ) : null}
            <text x={x(i)} y={bottom + 18} fontSize={11} textAnchor="middle" fill={GREY}>
              {p.waveName}
            </text>
          </g>
        );
      })}
    </Chart>
  );
}
