import type { ValidationReport } from '@swhc/contracts';
import { validationDocument, type ValidationBlock } from '@swhc/report-view';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { cell, heading, paragraph, STYLES, table } from '../../reports/pdf/pdf-blocks';
import { printPdf } from '../../reports/pdf/pdf-printer';

function block(b: ValidationBlock): Content[] {
  switch (b.kind) {
    case 'paragraph':
      return [paragraph(b.text)];
    case 'warnings':
      return [paragraph(b.title), { ul: [...b.items], style: 'body' }];
    case 'table': {
      const { caption, head, rows } = b.table;
      return [
        { text: caption, style: 'caption', margin: [0, 4, 0, 2] },
        table(
          head,
          rows.map((row) => row.map((text, i) => cell(text, i > 0 ? { alignment: 'right' } : {}))),
          head.map((_, i) => (i === 0 ? '*' : 'auto')),
        ),
      ];
    }
  }
}

/** The validation report as a pdfmake document: the same text and tables as the web page. */
export function validationPdfDocument(report: ValidationReport): TDocumentDefinitions {
  const document = validationDocument(report);
  const content: Content[] = [{ text: document.title, style: 'title' }, paragraph(document.lead)];
  for (const part of document.parts) {
    content.push(heading(part.heading), ...part.intro.map(paragraph));
    for (const section of part.subsections)
      content.push(heading(section.heading, 'h3'), ...section.blocks.flatMap(block));
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
