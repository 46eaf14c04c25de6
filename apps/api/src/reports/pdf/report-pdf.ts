import type { LaReport } from '@swhc/contracts';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { keepHeadingsWithContent, STYLES } from './pdf-blocks';
import { printPdf } from './pdf-printer';
import { fullReportPages } from './full-report-pages';
import { summaryPages } from './summary-pages';

/** The document: a two-page summary, then (only when scores are released) the full report. */
export function reportDocument(report: LaReport): TDocumentDefinitions {
  const { organisation, wave } = report;
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 44],
    info: {
      title: `${organisation.name}: health check results, ${wave.name}`,
      author: 'Social Work Health Check',
      subject: 'Workforce health check results',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, color: '#0b0c0c' },
    styles: STYLES,
    content: [...summaryPages(report), ...(report.scoresReleased ? fullReportPages(report) : [])],
    pageBreakBefore: keepHeadingsWithContent,
    footer: (page, pages) => ({
      text: `${organisation.name} · ${wave.name} · page ${page} of ${pages}`,
      style: 'small',
      margin: [40, 14, 40, 0],
    }),
  };
}

/** The report as a PDF file (A4, vector charts, fonts embedded). */
export function reportPdf(report: LaReport): Promise<Buffer> {
  return printPdf(reportDocument(report));
}
