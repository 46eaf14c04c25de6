import type { FunnelScale } from '@swhc/contracts';
import { COLOURS } from './palette';
import { fmt, svgDocument, text, type ChartSvg } from './svg';

const WIDTH = 340;
const HEIGHT = 270;
const LEFT = 44;
const RIGHT = 10;
const TOP = 56;
const BOTTOM = 40;

const polyline = (points: readonly [number, number][], stroke: string, dash?: string) =>
  `<polyline fill="none" stroke="${stroke}" stroke-width="1.4"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${points
    .map(([px, py]) => `${fmt(px)},${fmt(py)}`)
    .join(' ')}"/>`;

/**
 * A funnel plot: every LA with at least K responses (only this one named), England's average and
 * the 95% and 99.8% limits expected by chance for each size.
 */
export function funnelChart(plot: FunnelScale, organisationName: string): ChartSvg {
  const ns = [...plot.points.map((p) => p.n), ...plot.limits.map((l) => l.n)];
  const ys = [
    ...plot.points.map((p) => p.score),
    ...plot.limits.flatMap((l) => [l.lower998, l.upper998]),
  ];
  const maxN = Math.max(...ns) * 1.05;
  const lo = Math.max(0, Math.floor((Math.min(...ys) - 2) / 5) * 5);
  const hi = Math.min(100, Math.ceil((Math.max(...ys) + 2) / 5) * 5);
  const x = (n: number) => LEFT + (n / maxN) * (WIDTH - LEFT - RIGHT);
  const y = (v: number) => TOP + (1 - (v - lo) / (hi - lo)) * (HEIGHT - TOP - BOTTOM);
  const body: string[] = [];
  const step = hi - lo > 30 ? 10 : 5;
  for (let v = lo; v <= hi; v += step) {
    body.push(
      `<line x1="${LEFT}" y1="${fmt(y(v))}" x2="${WIDTH - RIGHT}" y2="${fmt(y(v))}" stroke="${COLOURS.grid}" stroke-width="0.5"/>`,
      text(LEFT - 6, y(v) + 4, String(v), { size: 10, anchor: 'end', fill: COLOURS.secondaryText }),
    );
  }
  const nStep = maxN > 400 ? 100 : maxN > 200 ? 50 : maxN > 80 ? 20 : 10;
  for (let n = 0; n <= maxN; n += nStep) {
    body.push(
      text(x(n), HEIGHT - BOTTOM + 14, String(n), {
        size: 10,
        anchor: 'middle',
        fill: COLOURS.secondaryText,
      }),
    );
  }
  body.push(
    text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, 'Number of responses', {
      size: 10,
      anchor: 'middle',
      fill: COLOURS.secondaryText,
    }),
    polyline(
      plot.limits.map((l) => [x(l.n), y(l.upper998)]),
      COLOURS.text,
      '5 3',
    ),
    polyline(
      plot.limits.map((l) => [x(l.n), y(l.lower998)]),
      COLOURS.text,
      '5 3',
    ),
    polyline(
      plot.limits.map((l) => [x(l.n), y(l.upper95)]),
      COLOURS.secondaryText,
    ),
    polyline(
      plot.limits.map((l) => [x(l.n), y(l.lower95)]),
      COLOURS.secondaryText,
    ),
    `<line x1="${LEFT}" y1="${fmt(y(plot.target))}" x2="${WIDTH - RIGHT}" y2="${fmt(y(plot.target))}" stroke="${COLOURS.text}" stroke-width="1"/>`,
  );
  for (const p of plot.points.filter((q) => !q.own)) {
    body.push(
      `<circle cx="${fmt(x(p.n))}" cy="${fmt(y(p.score))}" r="2.6" fill="${COLOURS.white}" stroke="${COLOURS.secondaryText}" stroke-width="1"/>`,
    );
  }
  for (const p of plot.points.filter((q) => q.own)) {
    const cx = x(p.n);
    const cy = y(p.score);
    body.push(
      `<path d="M${fmt(cx)} ${fmt(cy - 7)}L${fmt(cx + 7)} ${fmt(cy)}L${fmt(cx)} ${fmt(cy + 7)}L${fmt(cx - 7)} ${fmt(cy)}Z" fill="${COLOURS.la}" stroke="${COLOURS.text}" stroke-width="1.5"/>`,
    );
  }
  // Legend in two short lines above the plot.
  body.push(
    `<path d="M6 7L12 13L6 19L0 13Z" fill="${COLOURS.la}" stroke="${COLOURS.text}"/>`,
    text(16, 17, organisationName, { size: 11 }),
    `<circle cx="${fmt(WIDTH / 2 + 10)}" cy="13" r="2.6" fill="${COLOURS.white}" stroke="${COLOURS.secondaryText}"/>`,
    text(WIDTH / 2 + 18, 17, 'Another local authority', { size: 11 }),
    `<line x1="0" y1="31" x2="14" y2="31" stroke="${COLOURS.text}"/>`,
    text(18, 35, 'England', { size: 11 }),
    `<line x1="78" y1="31" x2="92" y2="31" stroke="${COLOURS.secondaryText}" stroke-width="1.4"/>`,
    text(96, 35, '95% limits', { size: 11 }),
    `<line x1="170" y1="31" x2="184" y2="31" stroke="${COLOURS.text}" stroke-width="1.4" stroke-dasharray="5 3"/>`,
    text(188, 35, '99.8% limits', { size: 11 }),
  );
  const description = `Funnel plot of ${plot.title} for ${plot.points.length} local authorities: score (0 to 100) against number of responses, with England’s average (${Math.round(plot.target)}) and the limits expected by chance. ${plot.caption}`;
  return {
    name: `funnel-${plot.scale}`,
    title: `${plot.title}: every local authority`,
    description,
    width: WIDTH,
    height: HEIGHT,
    svg: svgDocument(WIDTH, HEIGHT, `${plot.title}: funnel plot`, description, body),
  };
}
