/**
 * `npm run bench:pdf`: how long the LA report's PDF takes to make, beside a reference measured in the
 * same run — a plain two-page pdfmake document of text (what the library was checked with).
 *
 * The report: a synthetic LA with 120 responses among eleven others (the demo's seeded latent-factor
 * model), with its funnel plots, built through the same pipeline as the service. Each document is
 * made WARMUP times first, then RUNS times measured. Never part of npm test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { STYLES } from '../../apps/api/src/reports/pdf/pdf-blocks';
import { printPdf } from '../../apps/api/src/reports/pdf/pdf-printer';
import { reportDocument } from '../../apps/api/src/reports/pdf/report-pdf';
import { summaryPages } from '../../apps/api/src/reports/pdf/summary-pages';
import { printTable } from '../support/print-table';
import {
  buildReport,
  funnelsOf,
  inputs,
  OWN,
  rows,
} from '../../apps/api/src/reports/testing/synthetic-report';

const WARMUP = 3;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 20);

const la = rows(OWN, 120);
const report = buildReport(inputs(la, { headcount: 200, funnel: funnelsOf(la) }));

function plainTwoPages(): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    styles: STYLES,
    content: Array.from({ length: 60 }, (_, i) => ({
      text: `Line ${i + 1}: Children’s services, a sentence of ordinary length for a report.`,
      style: 'body',
    })),
  };
}

const cases: [string, () => TDocumentDefinitions][] = [
  ['reference: plain 2-page text', plainTwoPages],
  ['summary (pages 1–2)', () => ({ ...reportDocument(report), content: summaryPages(report) })],
  ['whole report', () => reportDocument(report)],
];

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'swhc-pdf-bench-'));
  const rowsOut: string[][] = [];
  try {
    for (const [label, make] of cases) {
      for (let i = 0; i < WARMUP; i++) await printPdf(make());
      const times: number[] = [];
      let last: Buffer = Buffer.alloc(0);
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        last = await printPdf(make());
        times.push(performance.now() - start);
      }
      const file = join(dir, 'out.pdf');
      writeFileSync(file, last);
      const pages = /^Pages:\s+(\d+)/m.exec(
        execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
      )?.[1];
      const sorted = [...times].sort((a, b) => a - b);
      rowsOut.push([
        label,
        pages ?? '?',
        `${Math.round(last.length / 1024)}`,
        percentile(sorted, 0.5).toFixed(0),
        percentile(sorted, 0.95).toFixed(0),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(['document', 'pages', 'kB', 'median ms', 'p95 ms'], rowsOut);
  console.log(
    `\n${RUNS} runs each after ${WARMUP} warm-up runs; load average ${loadavg()[0]?.toFixed(1)} (timings on a busy machine are noisy).`,
  );
}

void main();
