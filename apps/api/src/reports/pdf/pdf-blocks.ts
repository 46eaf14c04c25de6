import type { ChartSvg } from '@swhc/report-view';
import type { Content, ContentStack, StyleDictionary, TableCell } from 'pdfmake/interfaces';

/** A4 portrait with 40 pt margins: 515 pt of width for content. */
export const CONTENT_WIDTH = 515;

export const STYLES: StyleDictionary = {
  caption: { fontSize: 11, color: '#505a5f' },
  title: { fontSize: 22, bold: true, margin: [0, 2, 0, 8] },
  h2: { fontSize: 15, bold: true, margin: [0, 12, 0, 6] },
  h3: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
  body: { fontSize: 10, lineHeight: 1.2, margin: [0, 0, 0, 6] },
  small: { fontSize: 8.5, color: '#505a5f', lineHeight: 1.15 },
  tableHeader: { bold: true, fontSize: 9, fillColor: '#f3f2f1' },
  cell: { fontSize: 9 },
  suppressed: { fontSize: 9, italics: true, color: '#505a5f' },
};

export const heading = (
  text: string,
  level: 'h2' | 'h3' = 'h2',
  pageBreak?: 'before',
): Content => ({ text, style: level, ...(pageBreak ? { pageBreak } : {}) });
export const paragraph = (text: string): Content => ({ text, style: 'body' });

/** A chart, drawn as vector graphics, at most the content width. */
export function chart(svg: ChartSvg, width = CONTENT_WIDTH): Content {
  return { svg: svg.svg, width: Math.min(width, svg.width) };
}

/** A heading and what follows it on one page: a heading is never left at the foot of a page. */
export function keepTogether(...parts: Content[]): ContentStack {
  return { stack: parts, unbreakable: true };
}

/** A simple table: a shaded header row repeated on each page, light horizontal rules. */
export function table(
  header: readonly string[],
  rows: readonly (readonly TableCell[])[],
  widths: readonly (number | string)[],
): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [...widths],
      body: [
        header.map((h): TableCell => ({ text: h, style: 'tableHeader' })),
        ...rows.map((r) => [...r]),
      ],
    },
    layout: {
      hLineWidth: (i) => (i === 0 ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => '#b1b4b6',
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 2, 0, 8],
  };
}

export const cell = (
  text: string,
  extra: Partial<{ fillColor: string; bold: boolean; alignment: 'left' | 'right' }> = {},
): TableCell => ({
  text,
  style: 'cell',
  ...extra,
});
export const hiddenCell = (message: string, colSpan = 1): TableCell => ({
  text: message,
  style: 'suppressed',
  ...(colSpan > 1 ? { colSpan } : {}),
});
