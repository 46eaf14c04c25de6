import type { ValidationReport } from '@swhc/contracts';
import { validationDocument, type ValidationBlock, type ValidationTable } from '@swhc/report-view';
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { cell, paragraph, STYLES, table } from '../../reports/pdf/pdf-blocks';
import { printPdf } from '../../reports/pdf/pdf-printer';

/**
 * A table whose caption is its first header row, so that the caption repeats on each page the table
 * runs onto and is never left at the foot of a page without the table.
 */
function captionedTable({ caption, head, rows }: ValidationTable): Content {
  // The LA report's table, with the caption put in as the first header row.
  const drawn = table(
    head,
    rows.map((row) => row.map((text, i) => cell(text, i > 0 ? { alignment: 'right' } : {}))),
    head.map((_, i) => (i === 0 ? '*' : 'auto')),
  ) as ContentTable;
  const captionRow: TableCell[] = head.map((_, i) =>
    i === 0 ? { text: caption, style: 'caption', colSpan: head.length } : '',
  );
  return {
    ...drawn,
    table: {
      ...drawn.table,
      headerRows: 2,
      keepWithHeaderRows: 1,
      body: [captionRow, ...drawn.table.body],
    },
  };
}

/** A heading that moves to the next page rather than end one (see pageBreakBefore). */
const sectionHeading = (text: string, style: 'h2' | 'h3'): Content => ({
  text,
  style,
  headlineLevel: 1,
});

function block(b: ValidationBlock): Content[] {
  switch (b.kind) {
    case 'paragraph':
      return [paragraph(b.text)];
    case 'warnings':
      return [paragraph(b.title), { ul: [...b.items], style: 'body' }];
    case 'table':
      return [captionedTable(b.table)];
  }
}

/** The validation report as a pdfmake document: the same text and tables as the web page. */
export function validationPdfDocument(report: ValidationReport): TDocumentDefinitions {
  const document = validationDocument(report);
  const content: Content[] = [{ text: document.title, style: 'title' }, paragraph(document.lead)];
  for (const part of document.parts) {
    content.push(sectionHeading(part.heading, 'h2'), ...part.intro.map(paragraph));
    for (const section of part.subsections)
      content.push(sectionHeading(section.heading, 'h3'), ...section.blocks.flatMap(block));
  }
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 44],
    info: {
      title: document.title,
      author: 'Social Work Health Check',
      subject:
        'Validation of the instrument: reliability, factor structure, measurement invariance',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, color: '#0b0c0c' },
    styles: STYLES,
    content,
    // A heading with nothing after it on its page starts the next page instead.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    footer: (page, pages) => ({
      text: `${document.title} · computed ${report.computedAt.slice(0, 10)} · page ${page} of ${pages}`,
      style: 'small',
      margin: [40, 14, 40, 0],
    }),
  };
}

/** The validation report as a PDF file (A4, fonts embedded, nothing fetched). */
export function validationPdf(report: ValidationReport): Promise<Buffer> {
  return printPdf(validationPdfDocument(report));
}
