import { VERDICT_AGAINST_ENGLAND, type LaReport, type ServedScaleResult } from '@swhc/contracts';
import { COLOURS, verdictColour } from './palette';
import { fmt, svgDocument, text, textWidth, wrap, type ChartSvg } from './svg';

/** Wide: labels left, verdicts right (page and PDF). Narrow: both above each row (a phone). */
const LAYOUTS = {
  wide: { width: 680, plotLeft: 175, plotRight: 500, row: 48, labelAbove: false },
  narrow: { width: 340, plotLeft: 10, plotRight: 330, row: 70, labelAbove: true },
} as const;
const LABEL_WIDTH = 165;
const AXIS = 34;

const diamond = (x: number, y: number, r: number, fill: string) =>
  `<path d="M${fmt(x)} ${fmt(y - r)}L${fmt(x + r)} ${fmt(y)}L${fmt(x)} ${fmt(y + r)}L${fmt(x - r)} ${fmt(y)}Z" fill="${fill}" stroke="${COLOURS.text}" stroke-width="1"/>`;
const triangle = (x: number, y: number, r: number) =>
  `<path d="M${fmt(x)} ${fmt(y - r)}L${fmt(x + r)} ${fmt(y + r * 0.8)}L${fmt(x - r)} ${fmt(y + r * 0.8)}Z" fill="${COLOURS.white}" stroke="${COLOURS.text}" stroke-width="1.2"/>`;
const square = (x: number, y: number, r: number) =>
  `<rect x="${fmt(x - r)}" y="${fmt(y - r)}" width="${fmt(2 * r)}" height="${fmt(2 * r)}" fill="${COLOURS.grid}" stroke="${COLOURS.text}" stroke-width="1"/>`;
const dot = (x: number, y: number, r: number) =>
  `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(r)}" fill="${COLOURS.la}" stroke="${COLOURS.text}" stroke-width="1"/>`;

/** The range of the axis: every value with some room, in tens, within 0–100. */
function axisRange(values: readonly number[]): [number, number] {
  const lo = Math.max(0, Math.floor((Math.min(...values) - 4) / 10) * 10);
  const hi = Math.min(100, Math.ceil((Math.max(...values) + 4) / 10) * 10);
  return hi - lo >= 20 ? [lo, hi] : [Math.max(0, hi - 20), Math.max(20, hi)];
}

/**
 * Each scale's score with its 95% interval against England, the region and the previous wave (the
 * last only where the change is shown), and the verdict against England in words.
 */
export function scoresChart(
  report: LaReport,
  layout: keyof typeof LAYOUTS = 'wide',
): ChartSvg | null {
  const {
    width: WIDTH,
    plotLeft: PLOT_LEFT,
    plotRight: PLOT_RIGHT,
    row: ROW,
    labelAbove,
  } = LAYOUTS[layout];
  const scales = report.scales.filter((s): s is ServedScaleResult => !s.suppressed);
  if (scales.length === 0) return null;
  const values = scales.flatMap((s) => [
    s.scoreCi.lower,
    s.scoreCi.upper,
    ...('suppressed' in s.national ? [] : [s.national.score]),
    ...('suppressed' in s.regional ? [] : [s.regional.score]),
    ...(s.change.status === 'shown' ? [s.change.previousScore] : []),
  ]);
  const [lo, hi] = axisRange(values);
  const x = (v: number) => PLOT_LEFT + ((v - lo) / (hi - lo)) * (PLOT_RIGHT - PLOT_LEFT);
  const previous = scales.find((s) => s.change.status === 'shown')?.change.previousWave?.name;
  const body: string[] = [];

  // Legend: shape and colour both tell the markers apart; a second line when the names are long.
  const legend: [string, string][] = [
    [dot(8, 0, 5), `${report.organisation.name} (line: 95% interval)`],
    [diamond(8, 0, 6, COLOURS.text), 'England'],
    [triangle(8, 0, 6), report.organisation.region],
    ...(previous ? [[square(8, 0, 5), previous] as [string, string]] : []),
  ];
  let lx = 0;
  let ly = 14;
  for (const [marker, label] of legend) {
    const width = 30 + textWidth(label, 12);
    if (lx > 0 && lx + width > WIDTH) {
      lx = 0;
      ly += 20;
    }
    body.push(
      `<g transform="translate(${fmt(lx)} ${fmt(ly)})">${marker}</g>`,
      text(lx + 18, ly + 4, label, { size: 12 }),
    );
    lx += width;
  }
  const top = ly + 30;
  const bottom = top + scales.length * ROW;
  const height = bottom + AXIS;
  for (let v = lo; v <= hi; v += 10) {
    body.push(
      `<line x1="${fmt(x(v))}" y1="${top - 6}" x2="${fmt(x(v))}" y2="${bottom}" stroke="${COLOURS.grid}" stroke-width="0.6"/>`,
      text(x(v), bottom + 16, String(v), {
        size: 11,
        anchor: 'middle',
        fill: COLOURS.secondaryText,
      }),
    );
  }
  body.push(
    text((PLOT_LEFT + PLOT_RIGHT) / 2, bottom + 31, 'Score out of 100 (higher is better)', {
      size: 11,
      anchor: 'middle',
      fill: COLOURS.secondaryText,
    }),
  );

  scales.forEach((s, i) => {
    const y = top + i * ROW + (labelAbove ? ROW - 22 : ROW / 2);
    if (labelAbove) body.push(text(0, y - 30, s.title, { size: 13, weight: 'bold' }));
    else {
      wrap(s.title, LABEL_WIDTH, 13).forEach((line, j, all) =>
        body.push(
          text(0, y + 4 + (j - (all.length - 1) / 2) * 15, line, { size: 13, weight: 'bold' }),
        ),
      );
    }
    if (!('suppressed' in s.regional)) body.push(triangle(x(s.regional.score), y, 6));
    if (s.change.status === 'shown') body.push(square(x(s.change.previousScore), y, 5));
    if (!('suppressed' in s.national)) body.push(diamond(x(s.national.score), y, 7, COLOURS.text));
    body.push(
      `<line x1="${fmt(x(s.scoreCi.lower))}" y1="${fmt(y)}" x2="${fmt(x(s.scoreCi.upper))}" y2="${fmt(y)}" stroke="${COLOURS.la}" stroke-width="3"/>`,
      dot(x(s.score), y, 6),
      text(x(s.score), y - 10, String(Math.round(s.score)), {
        size: 11,
        anchor: 'middle',
        weight: 'bold',
      }),
    );
    const verdict = 'suppressed' in s.national ? null : s.national.verdict;
    body.push(
      text(
        labelAbove ? WIDTH : PLOT_RIGHT + 12,
        labelAbove ? y - 30 : y + 4,
        verdict ? VERDICT_AGAINST_ENGLAND[verdict] : 'Not compared',
        {
          size: 12,
          weight: 'bold',
          fill: verdict ? verdictColour(verdict) : COLOURS.secondaryText,
          anchor: labelAbove ? 'end' : 'start',
        },
      ),
    );
  });

  const description =
    `${report.organisation.name}’s score on each scale, out of 100 (higher is better), with its 95% interval, ` +
    `against England, ${report.organisation.region}${previous ? ` and ${previous}` : ''}. ` +
    scales
      .map((s) => {
        const verdict =
          'suppressed' in s.national
            ? 'not compared with England'
            : VERDICT_AGAINST_ENGLAND[s.national.verdict].replace(/^./, (c) => c.toLowerCase());
        return `${s.title}: ${Math.round(s.score)}, ${verdict}.`;
      })
      .join(' ');
  return {
    name: layout === 'wide' ? 'scores' : 'scores-narrow',
    title: `Scores of ${report.organisation.name} against England, the region${previous ? ` and ${previous}` : ''}`,
    description,
    width: WIDTH,
    height,
    svg: svgDocument(WIDTH, height, 'Scores by scale', description, body),
  };
}
