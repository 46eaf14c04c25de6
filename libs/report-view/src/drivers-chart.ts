import type { DriversResult } from '@swhc/contracts';
import { COLOURS } from './palette';
import { fmt, svgDocument, text, type ChartSvg } from './svg';

const WIDTH = 440;
const LABEL = 150;
const ROW = 30;

/** Each scale's share of what the scales explain about intention to stay, largest first. */
export function driversChart(drivers: DriversResult): ChartSvg | null {
  if (!drivers.available) return null;
  const shares = [...drivers.shares].sort((a, b) => b.share - a.share);
  const height = shares.length * ROW + 8;
  const barWidth = WIDTH - LABEL - 60;
  const body = shares.flatMap((s, i) => {
    const y = 4 + i * ROW;
    const w = (Math.max(0, s.percentOfR2) / 100) * barWidth;
    return [
      text(0, y + 17, s.title, { size: 12, weight: 'bold' }),
      `<rect x="${LABEL}" y="${fmt(y + 4)}" width="${fmt(w)}" height="18" fill="${COLOURS.la}"/>`,
      text(LABEL + w + 6, y + 17, `${Math.round(s.percentOfR2)}%`, { size: 12 }),
    ];
  });
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
