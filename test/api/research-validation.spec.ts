import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaReport, ServiceKind, ValidationReport } from '@swhc/contracts';
import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import {
  alpha,
  fitCfa,
  fitOrdinalCfa,
  invariance,
  mean,
  omegaTotal,
  sd,
  type DataSet,
} from '@swhc/psychometrics';
import type { App } from 'supertest/types';
import { binaryBody } from '../support/binary-body';
import { HARTLEPOOL, seedReportFixtures, type ReportFixtures } from '../support/report-fixtures';
import { asStaff, signInNewStaff } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

interface RawRow extends Record<string, unknown> {
  wave_id: string;
  service: ServiceKind;
  answers: Record<string, number | string>;
}

const V1 = HEALTH_CHECK_V1;

/** A PDF's text as poppler's pdftotext reads it (reading order, no layout). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'swhc-validation-pdf-'));
  try {
    const file = join(dir, 'validation.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const URL = `/api/research/validation?instrument=${V1.key}&version=${V1.version}`;

/** The items of the given names, read straight from the stored answers (NaN when not a number). */
function itemRows(rows: readonly RawRow[], items: readonly string[], reverse = false): DataSet {
  const reversed = new Set(V1.scales.flatMap((s) => s.reversed));
  const { min, max } = V1.responseScale;
  return {
    columns: items,
    rows: rows.map((row) =>
      items.map((item) => {
        const v = row.answers[item];
        if (typeof v !== 'number') return Number.NaN;
        return reverse && reversed.has(item) ? min + max - v : v;
      }),
    ),
  };
}

describe('validation report (GET /api/research/validation)', () => {
  let t: TestApp;
  let server: App;
  let fixtures: ReportFixtures;
  let raw: RawRow[];
  let researcher: string;
  let psw: string;
  let report: ValidationReport;

  const get = (url: string, cookie?: string) => asStaff(server, cookie).get(url);
  const rows = (waveId: string, service: ServiceKind) =>
    raw.filter((r) => r.wave_id === waveId && r.service === service);

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    fixtures = await seedReportFixtures(t.database.url);
    raw = await queryDatabase<RawRow>(
      t.database.url,
      'SELECT wave_id, service, answers FROM survey_response',
    );
    researcher = await signInNewStaff(t, { email: 'r@validation.test', role: 'researcher' });
    psw = await signInNewStaff(t, {
      email: 'psw@validation.test',
      role: 'psw',
      gssCodes: [HARTLEPOOL],
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('the LA report’s change verdicts are the validation report’s', async () => {
    // The LA report first (before the whole report is stored, it computes the same verdicts for the pair).
    const la: Record<ServiceKind, LaReport> = {
      children: (
        await get(`/api/organisations/${HARTLEPOOL}/report?wave=${fixtures.wave2025}`, psw).expect(
          200,
        )
      ).body as LaReport,
      adults: (
        await get(
          `/api/organisations/${HARTLEPOOL}/report?wave=${fixtures.wave2025}&service=adults`,
          psw,
        ).expect(200)
      ).body as LaReport,
    };
    report = (await get(URL, researcher).expect(200)).body as ValidationReport;
    // Computed once for the set of closed waves, and stored.
    const stored = await queryDatabase<{ instrument_key: string; instrument_version: number }>(
      t.database.url,
      'SELECT instrument_key, instrument_version FROM validation_report',
    );
    expect(stored).toEqual([{ instrument_key: V1.key, instrument_version: V1.version }]);
    expect(report.waves.map((w) => w.id)).toEqual([fixtures.wave2024, fixtures.wave2025]);
    let compared = 0;
    for (const service of ['children', 'adults'] as const) {
      const comparison = report.invariance.find(
        (c) =>
          c.kind === 'waves' &&
          c.service === service &&
          c.fromWaveId === fixtures.wave2024 &&
          c.toWaveId === fixtures.wave2025,
      );
      if (!comparison) throw new Error(`no 2024 → 2025 comparison for ${service}`);
      for (const scale of la[service].scales) {
        if (scale.suppressed) continue;
        const verdict = comparison.scales.find((s) => s.scale === scale.key);
        expect({ service, scale: scale.key, shown: scale.change.status === 'shown' }).toEqual({
          service,
          scale: scale.key,
          shown: verdict?.holds,
        });
        compared++;
      }
    }
    expect(compared).toBe(2 * V1.scales.length);
    // The planted difference (one support intercept, adults 2025) is the one the verdict finds.
    const adults = report.invariance.find((c) => c.kind === 'waves' && c.service === 'adults');
    expect(adults?.scales.find((s) => s.scale === 'support')?.holds).toBe(false);
    expect(adults?.scales.find((s) => s.scale === 'wellbeing')?.holds).toBe(true);
    expect(adults?.scales.find((s) => s.scale === 'support')?.verdict).toMatch(
      /cannot be compared between/,
    );
  });

  it('agrees with libs/psychometrics run on the same rows (items, alpha, omega, CFA, invariance)', () => {
    const group = report.groups.find(
      (g) => g.waveId === fixtures.wave2025 && g.service === 'children',
    );
    if (!group) throw new Error('no 2025 children’s group');
    const same = rows(fixtures.wave2025, 'children');
    expect(group.n).toBe(same.length);
    for (const scale of V1.scales) {
      const data = itemRows(same, scale.items);
      const a = alpha(data, scale.items, { reverse: scale.reversed });
      const s = group.scales.find((x) => x.scale === scale.key);
      expect(s?.alpha).toBeCloseTo(a.alpha, 10);
      expect(s?.alphaCi[0]).toBeCloseTo(a.ciFeldt[0], 10);
      expect(s?.omega).toBeCloseTo(
        omegaTotal(data, scale.items, { reverse: scale.reversed }).omegaTotal,
        8,
      );
      for (const item of scale.items) {
        const values = data.rows
          .map((r) => r[scale.items.indexOf(item)] ?? Number.NaN)
          .filter((v) => !Number.isNaN(v));
        const stats = group.items.find((x) => x.item === item);
        expect(stats?.n).toBe(values.length);
        expect(stats?.mean).toBeCloseTo(mean(values), 10);
        expect(stats?.sd).toBeCloseTo(sd(values), 10);
        expect(stats?.correctedItemTotal).toBeCloseTo(
          a.items.find((x) => x.item === item)?.rDrop ?? Number.NaN,
          10,
        );
      }
    }
    const items = V1.scales.flatMap((s) => s.items);
    const model = V1.scales.map((s) => `${s.key} =~ ${s.items.join(' + ')}`).join('\n');
    const cfa = fitCfa(itemRows(same, items, true), model, { estimator: 'MLR' });
    if (!group.cfa.available) throw new Error(group.cfa.reason);
    expect(group.cfa.chisq).toBeCloseTo(cfa.chisq, 6);
    expect(group.cfa.cfi).toBeCloseTo(cfa.cfi, 8);
    expect(group.cfa.rmsea).toBeCloseTo(cfa.rmsea, 8);
    expect(group.cfa.robust?.chisqScaled).toBeCloseTo(cfa.scaled?.chisq ?? Number.NaN, 6);
    expect(group.cfa.robust?.cfi).toBeCloseTo(cfa.robust?.cfi ?? Number.NaN, 8);
    expect(group.cfa.robust?.rmsea).toBeCloseTo(cfa.robust?.rmsea ?? Number.NaN, 8);
    expect(group.cfa.loadings).toHaveLength(items.length);

    // The primary fit: the items as ordered categories (WLSMV, delta parameterisation).
    const ordinal = fitOrdinalCfa(itemRows(same, items, true), model);
    if (!group.ordinalCfa.available) throw new Error(group.ordinalCfa.reason);
    const wlsmv = group.ordinalCfa;
    expect(wlsmv).toMatchObject({ estimator: 'WLSMV', parameterization: 'delta', n: ordinal.n });
    expect(wlsmv.chisqScaled).toBeCloseTo(ordinal.chisqScaled, 8);
    expect(wlsmv.dfScaled).toBeCloseTo(ordinal.dfScaled, 8);
    expect(wlsmv.pvalueScaled).toBeCloseTo(ordinal.pvalueScaled, 10);
    expect(wlsmv.cfiScaled).toBeCloseTo(ordinal.cfiScaled, 10);
    expect(wlsmv.tliScaled).toBeCloseTo(ordinal.tliScaled, 10);
    expect(wlsmv.rmseaScaled).toBeCloseTo(ordinal.rmseaScaled, 10);
    expect(wlsmv.cfiRobust).toBeCloseTo(ordinal.cfiRobust, 10);
    expect(wlsmv.rmseaRobust).toBeCloseTo(ordinal.rmseaRobust, 10);
    expect(wlsmv.srmr).toBeCloseTo(ordinal.srmr, 10);
    expect(wlsmv.loadings).toEqual(
      ordinal.estimates
        .filter((e) => e.op === '=~')
        .map((e) => ({ scale: e.lhs, item: e.rhs, std: expect.closeTo(e.stdAll, 10) as number })),
    );
    // Answers as categories fit otherwise than as numbers: the two are not the same numbers.
    expect(wlsmv.chisqScaled).not.toBeCloseTo(group.cfa.robust?.chisqScaled ?? Number.NaN, 1);

    const pooled = report.groups.find((g) => g.waveId === null && g.service === null);
    expect(pooled?.n).toBe(
      raw.filter((r) => r.wave_id === fixtures.wave2024 || r.wave_id === fixtures.wave2025).length,
    );

    // The per-scale verdict, independently: one-factor models of the scale across the two waves.
    const both = [...rows(fixtures.wave2024, 'adults'), ...rows(fixtures.wave2025, 'adults')];
    const comparison = report.invariance.find((c) => c.kind === 'waves' && c.service === 'adults');
    for (const scale of V1.scales) {
      const fit = invariance(
        itemRows(both, scale.items, true),
        `${scale.key} =~ ${scale.items.join(' + ')}`,
        both.map((r) => r.wave_id),
      );
      const holds = fit.tests.every((x) => x.deltaCfi >= -0.01 && x.deltaRmsea <= 0.015);
      expect({ scale: scale.key, holds }).toEqual({
        scale: scale.key,
        holds: comparison?.scales.find((s) => s.scale === scale.key)?.holds,
      });
    }
  });

  it('prints the same report as a PDF: every group, comparison and verdict, the same numbers', async () => {
    const res = await get(URL.replace('/validation?', '/validation.pdf?'), researcher)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="validation-report-${V1.key}-v${V1.version}.pdf"`,
    );
    // The text in reading order, without the page footers, line breaks and hyphens (pdftotext
    // joins a word hyphenated at a line's end), applied alike to what is looked for.
    const plain = (x: string) => x.replace(/-/g, '').replace(/\s+/g, ' ');
    const title = `Validation report: ${V1.title}, version ${V1.version}`;
    const footer = new RegExp(`${title} · computed \\d{4}-\\d{2}-\\d{2} · page \\d+ of \\d+`, 'g');
    const text = plain(pdfText(res.body as Buffer).replace(footer, ' '));
    expect(text).toContain(plain(title));
    for (const c of report.invariance) {
      expect(text).toContain(plain(`${c.groups[0]} and ${c.groups[1]}`));
      expect(text).toContain(plain(c.verdict));
    }
    for (const g of report.groups) {
      expect(text).toContain(plain(`${g.label} (n = ${g.n})`));
      for (const s of g.scales)
        expect(text).toContain(
          plain(
            `${s.title} ${s.n} ${s.alpha.toFixed(2)} ${s.alphaCi[0].toFixed(2)} to ${s.alphaCi[1].toFixed(2)}`,
          ),
        );
    }
    expect(text).toContain(plain(report.method));
  });

  it('is for researchers and admins only, and names a bad query field', async () => {
    await get(URL.replace('/validation?', '/validation.pdf?'), psw).expect(403);
    const badPdf = await get(
      `/api/research/validation.pdf?instrument=${V1.key}&version=zero`,
      researcher,
    ).expect(400);
    expect(badPdf.body.errors).toEqual([
      { field: 'version', message: 'must be a whole number from 1 to 9999' },
    ]);
    await get(URL).expect(401);
    await get(URL, psw).expect(403);
    const bad = await get(
      `/api/research/validation?instrument=${V1.key}&version=zero`,
      researcher,
    ).expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'version', message: 'must be a whole number from 1 to 9999' },
    ]);
    await get('/api/research/validation?version=1', researcher).expect(400);
    await get(`/api/research/validation?instrument=no-such-thing&version=1`, researcher).expect(
      404,
    );
  });
});
