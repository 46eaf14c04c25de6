import type { ItemDistribution, LaReport } from '@swhc/contracts';
import { COLOURS } from './palette';
import { fmt, svgDocument, text, wrap, type ChartSvg } from './svg';

const WIDTH = 640;
const LINE = 15;
const BAR = 18;

/** England's % favourable: a small triangle above the bar and a hairline through it. */
const englandMark = (x: number, barTop: number, barHeight: number): string =>
  `<path d="M${fmt(x - 5)} ${fmt(barTop - 8)}L${fmt(x + 5)} ${fmt(barTop - 8)}L${fmt(x)} ${fmt(barTop - 1)}Z" fill="${COLOURS.text}"/>` +
  `<line x1="${fmt(x)}" y1="${fmt(barTop)}" x2="${fmt(x)}" y2="${fmt(barTop + barHeight)}" stroke="${COLOURS.text}" stroke-width="1"/>`;

const LABEL = 26;

/**
 * Where a segment's percentage goes: at its start, or just after England's hairline when the line
 * would cross it and there is room; nowhere when the segment is too narrow for it.
 */
export function labelStart(x: number, width: number, markX: number | null): number | null {
  const start = x + 4;
  if (start + LABEL > x + width) return null;
  const crossed = markX !== null && markX > start - 3 && markX < start + LABEL;
  return crossed && markX + 3 + LABEL <= x + width ? markX + 3 : start;
}

interface Segment {
  readonly percent: number;
  readonly fill: string;
  readonly ink: string;
}

/** Favourable first, in green; the unfavourable answer in red; "neither" or "the rest" in grey. */
export function statementSegments(
  item: Extract<ItemDistribution, { suppressed: false }>,
): Segment[] {
  const good = { fill: COLOURS.better, ink: COLOURS.white };
  const bad = { fill: COLOURS.worse, ink: COLOURS.white };
  const middle = { fill: COLOURS.neutral, ink: COLOURS.text };
  if (item.split === 'two-way') {
    return [
      { percent: item.favourablePercent, ...good },
      { percent: item.restPercent, ...middle },
    ];
  }
  const unfavourable = item.favourable === 'agree' ? item.disagree : item.agree;
  return [
    { percent: item.favourablePercent, ...good },
    { percent: item.neutral, ...middle },
    { percent: unfavourable, ...bad },
  ];
}

/** The key to the bars' colours and England's mark: one line, 20 units high. */
function legendMarkup(): string[] {
  const body: string[] = [];
  const legend: [string, string][] = [
    [COLOURS.better, 'Favourable'],
    [COLOURS.neutral, 'Neither, or the rest'],
    [COLOURS.worse, 'Not favourable'],
  ];
  let lx = 0;
  for (const [fill, label] of legend) {
    body.push(
      `<rect x="${lx}" y="4" width="12" height="12" fill="${fill}"/>`,
      text(lx + 16, 14, label, { size: 11 }),
    );
    lx += 30 + label.length * 6;
  }
  body.push(englandMark(lx + 5, 12, 8), text(lx + 14, 14, 'England’s % favourable', { size: 11 }));
  return body;
}

/** The legend's line and the space below it, before the first statement. */
const LEGEND_HEIGHT = 34;

/** One statement, its words above its bar, drawn from `top`; returns where the next one starts. */
function statementMarkup(item: ItemDistribution, top: number, body: string[]): number {
  const barWidth = WIDTH - 20;
  let y = top;
  for (const line of wrap(item.text, WIDTH, 12)) {
    body.push(text(0, y + 11, line, { size: 12 }));
    y += LINE;
  }
  y += 9;
  if (item.suppressed) {
    body.push(text(0, y + 13, item.message, { size: 12, fill: COLOURS.secondaryText }));
    return y + BAR + 14;
  }
  const england = item.benchmarks.england;
  const markX = 'suppressed' in england ? null : (england.favourablePercent / 100) * barWidth;
  let x = 0;
  for (const s of statementSegments(item)) {
    const w = (s.percent / 100) * barWidth;
    body.push(
      `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${BAR}" fill="${s.fill}"/>`,
    );
    const labelX = labelStart(x, w, markX);
    if (labelX !== null)
      body.push(
        text(labelX, y + 13, `${Math.round(s.percent)}%`, {
          size: 11,
          weight: 'bold',
          fill: s.ink,
        }),
      );
    x += w;
  }
  if (markX !== null) body.push(englandMark(markX, y, BAR));
  return y + BAR + 14;
}

const statementSentence = (i: ItemDistribution): string =>
  i.suppressed ? `${i.text} (hidden)` : `${i.text} ${Math.round(i.favourablePercent)}% favourable`;

/** The legend of the statement bars on its own, for a layout that places each bar separately. */
export function statementsLegend(): ChartSvg {
  const title = 'Key to the statement bars';
  const description =
    'Green: favourable; grey: neither, or the rest; red: not favourable; a black mark: England’s % favourable.';
  return {
    name: 'statements-legend',
    title,
    description,
    width: WIDTH,
    height: LEGEND_HEIGHT,
    svg: svgDocument(WIDTH, LEGEND_HEIGHT, title, description, legendMarkup()),
  };
}

/**
 * One statement's bar with its words, the same drawing as in `statementsChart`: a page can then
 * break between statements rather than only around a whole scale's chart.
 */
export function statementChart(item: ItemDistribution): ChartSvg {
  const body: string[] = [];
  const height = statementMarkup(item, 0, body);
  const description = statementSentence(item);
  return {
    name: `statement-${item.item}`,
    title: item.text,
    description,
    width: WIDTH,
    height,
    svg: svgDocument(WIDTH, height, item.text, description, body),
  };
}

/**
 * The answers to each statement of one scale as bars: favourable (green), neither (grey) and
 * unfavourable (red), or favourable against the rest when only a two-way split is safe; a black tick
 * marks England's % favourable.
 */
export function statementsChart(report: LaReport, scaleKey: string): ChartSvg | null {
  const scale = report.scales.find((s) => s.key === scaleKey);
  const items = report.items.filter((i) => i.scale === scaleKey);
  if (!scale || items.length === 0) return null;
  const body = legendMarkup();
  let y = LEGEND_HEIGHT;
  for (const item of items) y = statementMarkup(item, y, body);
  const height = y;
  const description = `Answers to the ${items.length} statements of ${scale.title}: ${items
    .map(statementSentence)
    .join('; ')}.`;
  return {
    name: `statements-${scaleKey}`,
    title: `${scale.title}: answers to each statement`,
    description,
    width: WIDTH,
    height,
    svg: svgDocument(WIDTH, height, `${scale.title}: answers to each statement`, description, body),
  };
}
