import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaReport } from '@swhc/contracts';
import type { App } from 'supertest/types';
import { binaryBody } from '../support/binary-body';
import {
  HARTLEPOOL,
  MIDDLESBROUGH,
  seedReportFixtures,
  type ReportFixtures,
} from '../support/report-fixtures';
import { asStaff, signInNewStaff } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

const K = 10;

/** A PDF read back by poppler's pdftotext, one string per page. */
function pdfPages(pdf: Buffer, dir: string, name: string): string[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], {
      encoding: 'utf8',
    }),
  );
}

/** A4 in points and the report's top and bottom margins (the footer sits in the bottom one). */
const PAGE_HEIGHT = 842;
const TOP_MARGIN = 40;
const BOTTOM_MARGIN = 44;
const DPI = 36;

/**
 * How full each page is: the lowest inked row above the footer, as a share of the height available
 * for content. Read from pixels (poppler's pdftoppm, greyscale), so charts count as well as text.
 */
function pageFill(pdf: Buffer, dir: string, name: string): number[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const prefix = join(dir, `${name}-fill`);
  execFileSync('pdftoppm', ['-gray', '-r', String(DPI), file, prefix]);
  const scale = DPI / 72;
  const top = Math.floor(TOP_MARGIN * scale);
  const bottom = Math.floor((PAGE_HEIGHT - BOTTOM_MARGIN) * scale);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-fill`) && f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      // Binary PGM: "P5", width, height, maximum grey value, then one byte per pixel.
      const image = readFileSync(join(dir, f));
      const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(image.toString('latin1', 0, 40));
      if (!header) throw new Error(`${f} is not a binary PGM`);
      const width = Number(header[1]);
      const pixels = image.subarray(header[0].length);
      let lowest = top;
      for (let y = top; y < bottom; y++) {
        const row = pixels.subarray(y * width, (y + 1) * width);
        if (row.some((grey) => grey < 200)) lowest = y;
      }
      return (lowest - top) / (bottom - top);
    });
}

describe('LA report as a PDF and CSV (GET /api/organisations/{gssCode}/report.pdf, report.csv)', () => {
  let t: TestApp;
  let server: App;
  let fixtures: ReportFixtures;
  let dir: string;
  const cookies = { psw: '', otherPsw: '' };
  const get = (url: string, cookie: string) => asStaff(server, cookie).get(url);
  /** A file's bytes (200 expected). */
  const file = async (url: string, cookie: string) => {
    const res = await get(url, cookie).buffer(true).parse(binaryBody).expect(200);
    return { res, body: res.body as Buffer };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'swhc-report-pdf-'));
    t = await createTestApp();
    server = t.app.getHttpServer();
    fixtures = await seedReportFixtures(t.database.url);
    cookies.psw = await signInNewStaff(t, {
      email: 'psw@hartlepool.test',
      role: 'psw',
      gssCodes: [HARTLEPOOL],
    });
    cookies.otherPsw = await signInNewStaff(t, {
      email: 'psw@middlesbrough.test',
      role: 'psw',
      gssCodes: [MIDDLESBROUGH],
    });
  });

  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends a PDF whose first two pages are the summary, naming the LA, the wave and every scale', async () => {
    const query = `?wave=${fixtures.wave2025}&service=children`;
    const { res, body } = await file(
      `/api/organisations/${HARTLEPOOL}/report.pdf${query}`,
      cookies.psw,
    );
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="health-check-e06000001-children-report-test-2025.pdf"',
    );
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pages = pdfPages(body, dir, 'hartlepool');
    const report = (
      await get(`/api/organisations/${HARTLEPOOL}/report${query}`, cookies.psw).expect(200)
    ).body as LaReport;
    // The full report starts on page 3 at the latest: the summary is at most two pages.
    const fullStarts = pages.findIndex((p) => p.includes('The full report'));
    expect(fullStarts).toBeGreaterThanOrEqual(1);
    expect(fullStarts).toBeLessThanOrEqual(2);
    const summary = pages.slice(0, fullStarts).join('\n');
    expect(summary).toContain('Hartlepool: health check results');
    expect(summary).toContain('Report test 2025');
    for (const scale of report.scales) expect(summary).toContain(scale.title);
    expect(summary).toMatch(/60 people responded/);
    // Everything the full report promises is there after it.
    const rest = pages.slice(fullStarts).join('\n');
    for (const heading of [
      'Answers to each statement',
      'Results by group',
      'What goes with intention to stay',
      'Compared with every local authority',
      'How we worked this out',
    ]) {
      expect(rest).toContain(heading);
    }
  });

  it('leaves no page but the last less than three-quarters full', async () => {
    const { body } = await file(
      `/api/organisations/${HARTLEPOOL}/report.pdf?wave=${fixtures.wave2025}&service=children`,
      cookies.psw,
    );
    const fill = pageFill(body, dir, 'fill');
    expect(fill.length).toBeGreaterThan(3);
    // Nothing lost on the way: pdfmake drops a block it is told to break inside of (and leaves a
    // blank page), so every funnel plot's caption must be there.
    const report = (
      await get(
        `/api/organisations/${HARTLEPOOL}/report?wave=${fixtures.wave2025}&service=children`,
        cookies.psw,
      ).expect(200)
    ).body as LaReport;
    const text = pdfPages(body, dir, 'fill').join('\n');
    expect(report.funnel.length).toBeGreaterThan(0);
    expect(text.match(/the blue diamond/g)).toHaveLength(report.funnel.length);
    const underFilled = fill
      .slice(0, -1)
      .map((share, i) => ({ page: i + 1, percentFull: Math.round(share * 100) }))
      .filter((p) => p.percentFull < 75);
    expect(underFilled).toEqual([]);
  });

  it('prints no number for a group under K', async () => {
    const { body } = await file(
      `/api/organisations/${HARTLEPOOL}/report.pdf?wave=${fixtures.wave2025}`,
      cookies.psw,
    );
    const text = pdfPages(body, dir, 'groups').join('\n');
    // The 4 agency workers: their row carries the sentence and no figure (K itself aside).
    const agency = text.split('\n').filter((line) => line.includes('Through an agency'));
    expect(agency.length).toBeGreaterThan(0);
    for (const line of agency) {
      expect(line).toMatch(/Fewer than 10 responses/);
      expect(line.replace(/[Ff]ewer than 10/g, '')).not.toMatch(/\d/);
    }
  });

  it('for an LA under K prints only the sentence: not even the count', async () => {
    const { body } = await file(
      `/api/organisations/${MIDDLESBROUGH}/report.pdf?wave=${fixtures.wave2025}`,
      cookies.otherPsw,
    );
    const pages = pdfPages(body, dir, 'middlesbrough');
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    expect(text).toContain('Middlesbrough: health check results');
    expect(text).toContain(`Fewer than ${K} people responded`);
    // Only K, the wave's year, its closing date and the page number are numbers on the page.
    const left = text
      .replace(/[Ff]ewer than 10/g, '')
      .replace(/Report test 2025/g, '')
      .replace(/closed on \d{1,2} \w+ \d{4}/g, '')
      .replace(/page 1 of 1/g, '');
    expect(left).not.toMatch(/\d/);
    expect(text).not.toContain('The full report');
  });

  it('starts the CSV with a UTF-8 byte-order mark', async () => {
    const { body } = await file(`/api/organisations/${HARTLEPOOL}/report.csv`, cookies.psw);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain('Service,Children’s services');
  });
});
