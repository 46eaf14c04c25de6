import type { DriversResult } from '@swhc/contracts';
import { COLOURS } from './palette';
import { fmt, svgDocument, text, wrap, type ChartSvg } from './svg';

const WIDTH = 440;
const LABEL = 150;
/** Room between a label and its bar. */
const GAP = 8;
const ROW = 30;
const LINE = 14;
const SIZE = 12;

/** Each scale's share of what the scales explain about intention to stay, largest first. */
export function driversChart(drivers: DriversResult): ChartSvg | null {
  if (!drivers.available) return null;
  const shares = [...drivers.shares].sort((a, b) => b.share - a.share);
  const barWidth = WIDTH - LABEL - 60;
  // A long scale name ("Job demands (turned round: …)") wraps within the label column, and its row
  // grows to fit, so that no label runs into its bar.
  let y = 4;
  const body = shares.flatMap((s) => {
    const lines = wrap(s.title, LABEL - GAP, SIZE);
    const rowHeight = Math.max(ROW, lines.length * LINE + 12);
    const middle = y + rowHeight / 2;
    const w = (Math.max(0, s.percentOfR2) / 100) * barWidth;
    const drawn = [
      ...lines.map((line, j) =>
        text(0, middle + 4 + (j - (lines.length - 1) / 2) * LINE, line, {
          size: SIZE,
          weight: 'bold',
        }),
      ),
      `<rect x="${LABEL}" y="${fmt(middle - 9)}" width="${fmt(w)}" height="18" fill="${COLOURS.la}"/>`,
      text(LABEL + w + 6, middle + 4, `${Math.round(s.percentOfR2)}%`, { size: SIZE }),
    ];
    y += rowHeight;
    return drawn;
  });
  const height = y + 4;
  const description = `Share of what the scales explain about intention to stay: ${shares
    .map((s) => `${s.title} ${Math.round(s.percentOfR2)}%`)
    .join(', ')}. ${drivers.message}`;
  return {
    name: 'drivers',
    title: 'What goes with intention to stay',
    description,
    width: WIDTH,
    height,
    svg: svgDocument(WIDTH, height, 'What goes with intention to stay', description, body),
  };
}
