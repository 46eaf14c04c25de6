import type { ChartSvg } from '@swhc/report-view';
import type {
  Content,
  ContentStack,
  Node,
  NodeQueries,
  StyleDictionary,
  TableCell,
} from 'pdfmake/interfaces';

/** A4 portrait with 40 pt margins: 515 pt of width for content. */
export const CONTENT_WIDTH = 515;

export const STYLES: StyleDictionary = {
  caption: { fontSize: 11, color: '#505a5f' },
  title: { fontSize: 22, bold: true, margin: [0, 2, 0, 8] },
  // The full report's title: it may follow the summary's end on the same page, so space above it.
  part: { fontSize: 22, bold: true, margin: [0, 24, 0, 8] },
  h2: { fontSize: 15, bold: true, margin: [0, 12, 0, 6] },
  h3: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
  body: { fontSize: 10, lineHeight: 1.2, margin: [0, 0, 0, 6] },
  small: { fontSize: 8.5, color: '#505a5f', lineHeight: 1.15 },
  tableHeader: { bold: true, fontSize: 9, fillColor: '#f3f2f1' },
  cell: { fontSize: 9 },
  suppressed: { fontSize: 9, italics: true, color: '#505a5f' },
};

/** Heading levels, as pdfmake passes them to `keepHeadingsWithContent`. */
const LEVELS = { part: 1, h2: 2, h3: 3 } as const;
type Level = keyof typeof LEVELS;

/** A heading inside a block kept whole (`keepTogether`, a pair of columns): it moves with the block. */
export const heading = (text: string, level: Level = 'h2'): Content => ({ text, style: level });

/**
 * A heading in the flow of the page, with what it introduces after it as separate blocks: it carries
 * its level, so that `keepHeadingsWithContent` keeps it off the foot of a page. Never inside a block
 * kept whole: pdfmake would then break inside that block, and leave a blank page.
 */
export const flowingHeading = (text: string, level: Level = 'h2'): Content => ({
  text,
  style: level,
  headlineLevel: LEVELS[level],
});

/**
 * The least share of a page that must be left below a heading for it to start there: room for the
 * heading, an introduction and the first rows of what it introduces. The full report's title asks
 * for more, so that it only shares a page with the summary's end when there is room for a section.
 */
const ROOM_BELOW: Record<number, number> = {
  [LEVELS.part]: 0.3,
  [LEVELS.h2]: 0.22,
  [LEVELS.h3]: 0.12,
};

/**
 * pdfmake's `pageBreakBefore`: a heading moves to the next page when it would be the last thing on
 * its page or too near its foot. Blocks can then break between rows instead of being kept whole,
 * which left pages a third empty; only a heading and the start of what it introduces stay together.
 */
export function keepHeadingsWithContent(node: Node, queries: NodeQueries): boolean {
  const level = node.headlineLevel;
  if (level === undefined) return false;
  const roomBelow = ROOM_BELOW[level] ?? 0;
  // The full report starts after the two-page summary, never on its first page.
  if (level === LEVELS.part && node.startPosition.pageNumber === 1) return true;
  if (node.startPosition.verticalRatio > 1 - roomBelow) return true;
  return queries.getFollowingNodesOnPage().length === 0;
}
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
      // The header is repeated on each page and never left alone at a page's foot.
      headerRows: 1,
      keepWithHeaderRows: 1,
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
