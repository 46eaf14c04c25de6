import type { LaReport, ScaleResult, ServiceKind } from '@swhc/contracts';
import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import {
  alpha,
  funnel,
  hedgesG,
  invariance,
  meanConfidenceInterval,
  shapleyR2,
  welch,
} from '@swhc/psychometrics';
import type { App } from 'supertest/types';
import {
  HARTLEPOOL,
  MIDDLESBROUGH,
  seedReportFixtures,
  type ReportFixtures,
} from '../support/report-fixtures';
import { asStaff, createStaffAccount, signIn } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

interface RawRow extends Record<string, unknown> {
  organisation_id: string;
  gss_code: string;
  region: string;
  wave_id: string;
  service: ServiceKind;
  answers: Record<string, number | string>;
  scores: Record<string, { mean: number | null; score0to100: number | null }>;
}

const K = 10;
const NO_SUCH_LA = 'E99999999';

describe('LA report API (GET /api/organisations/{gssCode}/report)', () => {
  let t: TestApp;
  let server: App;
  let fixtures: ReportFixtures;
  let raw: RawRow[];
  const cookies: Record<'psw' | 'otherPsw' | 'admin' | 'researcher', string> = {
    psw: '',
    otherPsw: '',
    admin: '',
    researcher: '',
  };

  const get = (url: string, cookie?: string) => asStaff(server, cookie).get(url);
  const put = (url: string, body: object, cookie?: string) =>
    asStaff(server, cookie).put(url, body);
  const report = async (query = '', cookie = cookies.psw, gss = HARTLEPOOL): Promise<LaReport> =>
    (await get(`/api/organisations/${gss}/report${query}`, cookie).expect(200)).body as LaReport;

  /** Raw rows, read back from the database (not through the report's loader). */
  const rows = (filter: Partial<Pick<RawRow, 'gss_code' | 'wave_id' | 'service'>>) =>
    raw.filter(
      (r) =>
        (filter.gss_code === undefined || r.gss_code === filter.gss_code) &&
        (filter.wave_id === undefined || r.wave_id === filter.wave_id) &&
        (filter.service === undefined || r.service === filter.service),
    );
  /** Whether reports turn a scale round: its higher raw score is worse (job demands). */
  const turned = (scale: string): boolean =>
    HEALTH_CHECK_V1.scales.find((s) => s.key === scale)?.higherIsBetter === false;
  /** 0–100 scores as the report reads them, higher is better: a turned scale is 100 − its score. */
  const scores = (list: RawRow[], scale: string): number[] =>
    list
      .map((r) => r.scores[scale]?.score0to100)
      .filter((v): v is number => typeof v === 'number')
      .map((v) => (turned(scale) ? 100 - v : v));
  const served = (scale: ScaleResult | undefined) => {
    if (!scale || scale.suppressed) throw new Error(`scale ${scale?.key} not served`);
    return scale;
  };

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    fixtures = await seedReportFixtures(t.database.url);
    raw = await queryDatabase<RawRow>(
      t.database.url,
      `SELECT r.organisation_id, o.gss_code, o.region, r.wave_id, r.service, r.answers, r.scores
         FROM survey_response r JOIN organisation o ON o.id = r.organisation_id`,
    );
    const accounts = {
      psw: await createStaffAccount(t.database.url, {
        email: 'psw@hartlepool.test',
        role: 'psw',
        gssCodes: [HARTLEPOOL],
      }),
      otherPsw: await createStaffAccount(t.database.url, {
        email: 'psw@middlesbrough.test',
        role: 'psw',
        gssCodes: [MIDDLESBROUGH],
      }),
      admin: await createStaffAccount(t.database.url, { email: 'admin@x.test', role: 'admin' }),
      researcher: await createStaffAccount(t.database.url, {
        email: 'researcher@x.test',
        role: 'researcher',
      }),
    };
    for (const key of Object.keys(accounts) as (keyof typeof accounts)[]) {
      cookies[key] = await signIn(server, accounts[key]);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('access', () => {
    it('answers 401 to anyone not signed in, for the report, the CSV and the headcount', async () => {
      await get(`/api/organisations/${HARTLEPOOL}/report`).expect(401);
      await get(`/api/organisations/${HARTLEPOOL}/report.csv`).expect(401);
      await put(`/api/organisations/${HARTLEPOOL}/headcount`, {
        wave: fixtures.wave2025,
        service: 'children',
        headcount: 100,
      }).expect(401);
    });

    it('gives a PSW of another LA exactly what a non-existent LA gets (404)', async () => {
      const other = await get(`/api/organisations/${HARTLEPOOL}/report`, cookies.otherPsw);
      const missing = await get(`/api/organisations/${NO_SUCH_LA}/report`, cookies.otherPsw);
      const malformed = await get('/api/organisations/not-a-code/report', cookies.otherPsw);
      expect(other.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(malformed.status).toBe(404);
      expect(other.body).toEqual(missing.body);
      expect(malformed.body).toEqual(missing.body);
      await get(`/api/organisations/${HARTLEPOOL}/report.csv`, cookies.otherPsw).expect(404);
      await put(
        `/api/organisations/${HARTLEPOOL}/headcount`,
        { wave: fixtures.wave2025, service: 'children', headcount: 100 },
        cookies.otherPsw,
      ).expect(404);
    });

    it('refuses researchers and lets an admin read any LA', async () => {
      await get(`/api/organisations/${HARTLEPOOL}/report`, cookies.researcher).expect(403);
      const r = await report('', cookies.admin);
      expect(r.organisation).toEqual({
        gssCode: HARTLEPOOL,
        name: 'Hartlepool',
        region: 'North East',
      });
      await get(`/api/organisations/${NO_SUCH_LA}/report`, cookies.admin).expect(404);
    });
  });

  describe('query', () => {
    it('defaults to the most recent closed wave and to children’s services', async () => {
      const r = await report();
      expect(r.wave).toMatchObject({ id: fixtures.wave2025, state: 'closed' });
      expect(r.service).toBe('children');
      expect(r.waves.map((w) => w.id)).toEqual([
        fixtures.wave2026,
        fixtures.wave2025,
        fixtures.wave2024,
      ]);
      const lower = await report('', cookies.psw, HARTLEPOOL.toLowerCase());
      expect(lower.wave.id).toBe(fixtures.wave2025);
    });

    it.each([
      ['?service=elderly', 'service'],
      ['?service=children&service=adults', 'service'],
      ['?wave=2025', 'wave'],
      [`?wave=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, 'wave'],
      ['?colour=blue', 'colour'],
    ])('answers 400 naming the field for %s', async (query, field) => {
      const res = await get(`/api/organisations/${HARTLEPOOL}/report${query}`, cookies.psw);
      expect(res.status).toBe(400);
      const errors = (res.body as { errors: { field: string }[] }).errors;
      expect(errors.map((e) => e.field)).toContain(field);
      const csv = await get(`/api/organisations/${HARTLEPOOL}/report.csv${query}`, cookies.psw);
      expect(csv.status).toBe(400);
    });
  });

  describe('an open wave', () => {
    it('shows the response count only, and says scores come when it closes', async () => {
      const r = await report(`?wave=${fixtures.wave2026}`);
      expect(r.wave.state).toBe('open');
      expect(r.scoresReleased).toBe(false);
      expect(r.responses.count).toBe(
        rows({ gss_code: HARTLEPOOL, wave_id: fixtures.wave2026, service: 'children' }).length,
      );
      expect(r.responses.count).toBe(25);
      expect(r.status).toMatch(/Scores appear here when it closes/);
      expect(r.scales).toEqual([]);
      expect(r.items).toEqual([]);
      expect(r.groups).toEqual([]);
      expect(r.funnel).toEqual([]);
      expect(r.drivers).toBeNull();
    });

    it('hides even the count while it is below K', async () => {
      const r = await report(`?wave=${fixtures.wave2026}&service=adults`);
      expect(
        rows({ gss_code: HARTLEPOOL, wave_id: fixtures.wave2026, service: 'adults' }),
      ).toHaveLength(6);
      expect(r.responses).toMatchObject({
        count: null,
        responseRate: null,
        message: `Fewer than ${K} responses`,
      });
    });
  });

  describe('numbers, checked against the library on the raw rows', () => {
    let r: LaReport;
    const la = () =>
      rows({ gss_code: HARTLEPOOL, wave_id: fixtures.wave2025, service: 'children' });
    const england = () => rows({ wave_id: fixtures.wave2025, service: 'children' });

    beforeAll(async () => {
      r = await report(`?wave=${fixtures.wave2025}&service=children`);
    });

    it('counts the responses', () => {
      expect(r.responses.count).toBe(60);
      expect(r.scoresReleased).toBe(true);
    });

    it('gives each scale’s mean, 0–100 score and t-based 95% CI', () => {
      for (const scale of HEALTH_CHECK_V1.scales) {
        const s = served(r.scales.find((x) => x.key === scale.key));
        const expected = meanConfidenceInterval(scores(la(), scale.key));
        const means = meanConfidenceInterval(
          la()
            .map((row) => row.scores[scale.key]?.mean)
            .filter((v): v is number => typeof v === 'number')
            .map((v) => (turned(scale.key) ? 6 - v : v)),
        );
        expect(s.n).toBe(expected.n);
        expect(s.score).toBeCloseTo(expected.mean, 9);
        expect(s.scoreCi.lower).toBeCloseTo(expected.lower, 9);
        expect(s.scoreCi.upper).toBeCloseTo(expected.upper, 9);
        expect(s.mean).toBeCloseTo(means.mean, 9);
        expect(s.meanCi.lower).toBeCloseTo(means.lower, 9);
      }
    });

    it('compares with England and the region without the LA itself (Welch)', () => {
      for (const scale of HEALTH_CHECK_V1.scales) {
        const s = served(r.scales.find((x) => x.key === scale.key));
        const others = england().filter((row) => row.gss_code !== HARTLEPOOL);
        const w = welch(scores(la(), scale.key), scores(others, scale.key));
        if ('suppressed' in s.national) throw new Error('national suppressed');
        expect(s.national.n).toBe(w.n2);
        expect(s.national.score).toBeCloseTo(w.mean2, 9);
        expect(s.national.difference).toBeCloseTo(w.difference, 9);
        expect(s.national.differenceCi.lower).toBeCloseTo(w.ci95[0], 9);
        expect(s.national.differenceCi.upper).toBeCloseTo(w.ci95[1], 9);
        expect(s.national.p).toBeCloseTo(w.p, 9);
        expect(s.national.significant).toBe(w.p < 0.05);

        const region = others.filter((row) => row.region === 'North East');
        const wr = welch(scores(la(), scale.key), scores(region, scale.key));
        if ('suppressed' in s.regional) throw new Error('regional suppressed');
        expect(s.regional.label).toMatch(/^North East/);
        expect(s.regional.n).toBe(wr.n2);
        expect(s.regional.difference).toBeCloseTo(wr.difference, 9);
        expect(s.regional.p).toBeCloseTo(wr.p, 9);
      }
    });

    it('shows the change since 2024 where invariance holds, with Welch and Hedges g', () => {
      const before = rows({
        gss_code: HARTLEPOOL,
        wave_id: fixtures.wave2024,
        service: 'children',
      });
      for (const scale of HEALTH_CHECK_V1.scales) {
        const s = served(r.scales.find((x) => x.key === scale.key));
        // The verdict, independently: lavaan-style one-factor models of the scale across the waves.
        const both = [...rows({ wave_id: fixtures.wave2024, service: 'children' }), ...england()];
        const data = {
          columns: scale.items,
          rows: both.map((row) =>
            scale.items.map((item) => {
              const v = row.answers[item];
              return typeof v === 'number' ? v : Number.NaN;
            }),
          ),
        };
        const fit = invariance(
          data,
          `${scale.key} =~ ${scale.items.join(' + ')}`,
          both.map((row) => row.wave_id),
        );
        const holds = fit.tests.every((x) => x.deltaCfi >= -0.01 && x.deltaRmsea <= 0.015);
        expect(holds).toBe(true);
        if (s.change.status !== 'shown') throw new Error(`${scale.key}: ${s.change.message}`);
        const now = scores(la(), scale.key);
        const then = scores(before, scale.key);
        const w = welch(now, then);
        expect(s.change.previousWave.id).toBe(fixtures.wave2024);
        expect(s.change.previousN).toBe(then.length);
        expect(s.change.difference).toBeCloseTo(w.difference, 9);
        expect(s.change.differenceCi.lower).toBeCloseTo(w.ci95[0], 9);
        expect(s.change.p).toBeCloseTo(w.p, 9);
        expect(s.change.hedgesG).toBeCloseTo(hedgesG(now, then).g, 9);
      }
    });

    it('does not call a difference a change where the item behaved differently nationally', async () => {
      const adults = await report(`?wave=${fixtures.wave2025}&service=adults`);
      const support = served(adults.scales.find((x) => x.key === 'support'));
      expect(support.change).toMatchObject({
        status: 'not-comparable',
        message:
          'The survey may not have measured this the same way in both waves, so the change is not shown as a change.',
      });
      expect(support.change).not.toHaveProperty('difference');
      const wellbeing = served(adults.scales.find((x) => x.key === 'wellbeing'));
      expect(wellbeing.change.status).toBe('shown');
    });

    it('has nothing to compare with in the first wave', async () => {
      const first = await report(`?wave=${fixtures.wave2024}`);
      expect(served(first.scales[0]).change.status).toBe('no-previous-wave');
    });

    it('gives Cronbach’s alpha of each scale in the LA’s sample', () => {
      for (const scale of HEALTH_CHECK_V1.scales) {
        const data = {
          columns: scale.items,
          rows: la().map((row) =>
            scale.items.map((item) => {
              const v = row.answers[item];
              return typeof v === 'number' ? v : Number.NaN;
            }),
          ),
        };
        const expected = alpha(data, scale.items, { reverse: scale.reversed });
        expect(served(r.scales.find((x) => x.key === scale.key)).reliability?.alpha).toBeCloseTo(
          expected.alpha,
          9,
        );
      }
    });

    it('gives each statement as agree / neither / disagree, else favourable against the rest', () => {
      let threeWay = 0;
      for (const item of r.items) {
        if (item.suppressed) continue;
        const answers = la()
          .map((row) => row.answers[item.item])
          .filter((v): v is number => typeof v === 'number');
        const count = (test: (v: number) => boolean) => answers.filter(test).length;
        const pct = (test: (v: number) => boolean) => (100 * count(test)) / answers.length;
        const favourable =
          item.favourable === 'agree' ? (v: number) => v >= 4 : (v: number) => v <= 2;
        expect(item.favourablePercent).toBeCloseTo(pct(favourable), 9);
        const safe = (c: number) => c === 0 || (c >= K && answers.length - c >= K);
        const sides = [(v: number) => v >= 4, (v: number) => v === 3, (v: number) => v <= 2];
        if (item.split === 'three-way') {
          threeWay++;
          expect(item.agree).toBeCloseTo(pct(sides[0] ?? favourable), 9);
          expect(item.neutral).toBeCloseTo(pct(sides[1] ?? favourable), 9);
          expect(item.disagree).toBeCloseTo(pct(sides[2] ?? favourable), 9);
          for (const side of sides) expect(safe(count(side))).toBe(true);
        } else {
          // Two-way only when three-way is unsafe, and then both halves hold at least K.
          expect(sides.every((side) => safe(count(side)))).toBe(false);
          expect(count(favourable)).toBeGreaterThanOrEqual(K);
          expect(answers.length - count(favourable)).toBeGreaterThanOrEqual(K);
          expect(item).not.toHaveProperty('agree');
        }
      }
      expect(threeWay).toBeGreaterThan(0);
      expect(r.items).toHaveLength(24);
    });

    it('compares each statement’s % favourable with England by Welch on 0/1 answers', () => {
      const others = england().filter((row) => row.gss_code !== HARTLEPOOL);
      let compared = 0;
      for (const item of r.items) {
        if (item.suppressed || 'suppressed' in item.benchmarks.england) continue;
        const favourable = (row: RawRow) => {
          const v = row.answers[item.item];
          if (typeof v !== 'number') return Number.NaN;
          return (item.favourable === 'agree' ? v >= 4 : v <= 2) ? 1 : 0;
        };
        const w = welch(la().map(favourable), others.map(favourable));
        expect(item.benchmarks.england.difference).toBeCloseTo(100 * w.difference, 9);
        expect(item.benchmarks.england.p).toBeCloseTo(w.p, 9);
        expect(item.benchmarks.england.verdict).toBe(
          w.p < 0.05 ? (w.difference > 0 ? 'better' : 'worse') : 'similar',
        );
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    });

    it('takes drivers of intention to stay from England when the LA has under 100 responses', () => {
      const national = england();
      const predictors = HEALTH_CHECK_V1.scales.map((s) => s.key);
      const expected = shapleyR2(
        {
          columns: ['intentionToStay', ...predictors],
          rows: national.map((row) => [
            typeof row.answers['intentionToStay'] === 'number'
              ? row.answers['intentionToStay']
              : Number.NaN,
            ...predictors.map((p) => row.scores[p]?.mean ?? Number.NaN),
          ]),
        },
        'intentionToStay',
        predictors,
      );
      if (!r.drivers?.available) throw new Error('no drivers');
      expect(r.drivers.source).toBe('national');
      expect(r.drivers.n).toBe(expected.n);
      expect(r.drivers.r2).toBeCloseTo(expected.r2, 9);
      r.drivers.shares.forEach((s, i) =>
        expect(s.share).toBeCloseTo(expected.shapley[i] ?? NaN, 9),
      );
    });

    it('plots every LA with at least K responses on the funnel, only this one named', () => {
      const national = england();
      for (const scale of HEALTH_CHECK_V1.scales) {
        const values: number[] = [];
        const labels: string[] = [];
        for (const row of national) {
          const v = row.scores[scale.key]?.score0to100;
          if (typeof v === 'number') {
            values.push(turned(scale.key) ? 100 - v : v);
            labels.push(row.gss_code);
          }
        }
        const expected = funnel(values, labels, { minN: K });
        const plot = r.funnel.find((f) => f.scale === scale.key);
        expect(plot?.target).toBeCloseTo(expected.target, 9);
        expect(plot?.points).toHaveLength(expected.units.length);
        const own = plot?.points.filter((p) => p.own) ?? [];
        expect(own).toHaveLength(1);
        const ownExpected = expected.units.find((u) => u.unit === HARTLEPOOL);
        expect(own[0]?.score).toBeCloseTo(ownExpected?.mean ?? NaN, 9);
        expect(own[0]?.outside95).toBe(ownExpected?.outside95);
        // Middlesbrough (5 responses) is not on the plot at all.
        expect(expected.units.some((u) => u.unit === MIDDLESBROUGH)).toBe(false);
      }
      // Nothing anywhere in the report names or identifies another LA.
      const json = JSON.stringify(r);
      for (const row of national) {
        if (row.gss_code === HARTLEPOOL) continue;
        expect(json).not.toContain(row.gss_code);
        expect(json).not.toContain(row.organisation_id);
      }
      expect(json).not.toMatch(/Redcar|Stockton|Darlington|Camden|Kent/);
    });
  });

  describe('small groups', () => {
    it('suppresses a group under K and the group that would give it away, in JSON and CSV', async () => {
      const r = await report(`?wave=${fixtures.wave2025}`);
      const employment = r.groups.find((g) => g.dimension === 'employment');
      const agency = employment?.groups.find((g) => g.key === 'agency');
      const permanent = employment?.groups.find((g) => g.key === 'permanent');
      expect(agency).toEqual({
        key: 'agency',
        label: 'Through an agency',
        suppressed: true,
        reason: 'below-k',
        message: `Fewer than ${K} responses`,
      });
      expect(permanent).toMatchObject({ suppressed: true, reason: 'complementary' });
      expect(JSON.stringify(employment)).not.toMatch(/"(n|score)":/);
      for (const dimension of r.groups) {
        for (const group of dimension.groups) {
          if (!group.suppressed) expect(group.n).toBeGreaterThanOrEqual(K);
        }
      }

      const csv = await get(
        `/api/organisations/${HARTLEPOOL}/report.csv?wave=${fixtures.wave2025}`,
        cookies.psw,
      ).expect(200);
      const lines = csv.text.split('\r\n');
      const agencyLine = lines.find((l) => l.startsWith('Through an agency'));
      expect(agencyLine).toBe(`Through an agency,Fewer than ${K} responses`);
      const permanentLine = lines.find((l) => l.startsWith('Directly employed'));
      expect(permanentLine).toMatch(/Hidden so that groups of fewer than 10 cannot be worked out/);
      expect(permanentLine?.replace(/fewer than 10/, '')).not.toMatch(/\d/);
    });

    it('shows nothing but the sentence for an LA under K', async () => {
      const res = await get(
        `/api/organisations/${MIDDLESBROUGH}/report?wave=${fixtures.wave2025}`,
        cookies.otherPsw,
      ).expect(200);
      const r = res.body as LaReport;
      expect(rows({ gss_code: MIDDLESBROUGH, wave_id: fixtures.wave2025 })).toHaveLength(5);
      expect(r.responses).toMatchObject({ count: null, message: `Fewer than ${K} responses` });
      expect(r.scoresReleased).toBe(false);
      expect(r.scales).toEqual([]);
      expect(r.funnel).toEqual([]);
      expect(r.status).toMatch(/Fewer than 10 people responded/);
      const csv = await get(
        `/api/organisations/${MIDDLESBROUGH}/report.csv?wave=${fixtures.wave2025}`,
        cookies.otherPsw,
      ).expect(200);
      expect(csv.text).toContain(`Responses,Fewer than ${K} responses`);
      expect(csv.text).not.toMatch(/Responses,5\b/);
      expect(csv.text).not.toContain('Scores by');
    });
  });

  describe('a new minimum group size', () => {
    it('applies at once, cached results included, and back again', async () => {
      const setK = (k: number) =>
        put(
          '/api/admin/settings/minimum-group-size',
          { minimumGroupSize: k },
          cookies.admin,
        ).expect(200);
      const before = await report(`?wave=${fixtures.wave2025}`);
      expect(before.groups.some((d) => d.groups.some((g) => !g.suppressed))).toBe(true);
      await setK(40);
      try {
        const r = await report(`?wave=${fixtures.wave2025}`);
        expect(r.minimumGroupSize).toBe(40);
        expect(r.scoresReleased).toBe(true);
        for (const dimension of r.groups) {
          for (const group of dimension.groups) {
            if (!group.suppressed) expect(group.n).toBeGreaterThanOrEqual(40);
            else if (group.reason === 'below-k')
              expect(group.message).toBe('Fewer than 40 responses');
          }
        }
        for (const plot of r.funnel) {
          expect(plot.points.every((p) => p.n >= 40)).toBe(true);
        }
        const adults = await report(`?wave=${fixtures.wave2025}&service=adults`);
        expect(adults.responses).toMatchObject({ count: 40 });
      } finally {
        await setK(10);
      }
      expect(await report(`?wave=${fixtures.wave2025}`)).toMatchObject({ minimumGroupSize: 10 });
    });
  });

  describe('headcount, CSV and audit', () => {
    it('stores a headcount and turns it into a response rate', async () => {
      const body = { wave: fixtures.wave2025, service: 'children', headcount: 120 };
      const res = await put(`/api/organisations/${HARTLEPOOL}/headcount`, body, cookies.psw).expect(
        200,
      );
      expect(res.body).toEqual({ organisation: HARTLEPOOL, ...body });
      const r = await report(`?wave=${fixtures.wave2025}`);
      expect(r.responses).toMatchObject({ count: 60, headcount: 120, responseRate: 50 });
      await put(
        `/api/organisations/${HARTLEPOOL}/headcount`,
        { ...body, headcount: 130 },
        cookies.psw,
      ).expect(200);
      expect((await report(`?wave=${fixtures.wave2025}`)).responses.headcount).toBe(130);
    });

    it.each([
      [{ wave: undefined, service: 'children', headcount: 10 }, 'wave'],
      [{ wave: 'x', service: 'children', headcount: 10 }, 'wave'],
      [
        { wave: '00000000-0000-4000-8000-000000000000', service: 'children', headcount: 10 },
        'wave',
      ],
      [{ service: 'elderly', headcount: 10 }, 'service'],
      [{ service: 'children', headcount: 0 }, 'headcount'],
      [{ service: 'children', headcount: 2.5 }, 'headcount'],
      [{ service: 'children', headcount: '12' }, 'headcount'],
    ])('refuses a bad headcount body %j naming %s', async (body, field) => {
      const full = { wave: fixtures.wave2025, ...body };
      const res = await put(`/api/organisations/${HARTLEPOOL}/headcount`, full, cookies.psw).expect(
        400,
      );
      expect((res.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(
        field,
      );
    });

    it('sends the CSV as an attachment', async () => {
      const res = await get(
        `/api/organisations/${HARTLEPOOL}/report.csv?service=children`,
        cookies.psw,
      ).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="health-check-e06000001-children-report-test-2025.csv"',
      );
      expect(res.text).toContain('Local authority,Hartlepool');
      expect(res.text).toContain('Scores by scale');
    });

    it('audits every view, export and headcount change with the wave and service', async () => {
      const before = await queryDatabase<{ n: string }>(
        t.database.url,
        `SELECT count(*) AS n FROM audit_event WHERE action = 'report-viewed'`,
      );
      await report(`?wave=${fixtures.wave2024}&service=adults`);
      await get(
        `/api/organisations/${HARTLEPOOL}/report.csv?wave=${fixtures.wave2024}&service=adults`,
        cookies.psw,
      ).expect(200);
      const events = await queryDatabase<{
        action: string;
        actor_email: string;
        target: string;
        detail: Record<string, unknown>;
      }>(
        t.database.url,
        `SELECT action, actor_email, target, detail FROM audit_event
          WHERE action IN ('report-viewed', 'report-exported', 'headcount-changed') ORDER BY occurred_at`,
      );
      const after = events.filter((e) => e.action === 'report-viewed').length;
      expect(after).toBe(Number(before[0]?.n) + 1);
      expect(events.at(-2)).toEqual({
        action: 'report-viewed',
        actor_email: 'psw@hartlepool.test',
        target: `organisation:${HARTLEPOOL}`,
        detail: { wave: 'Report test 2024', service: 'adults' },
      });
      expect(events.at(-1)).toMatchObject({
        action: 'report-exported',
        target: `organisation:${HARTLEPOOL}`,
        detail: { wave: 'Report test 2024', service: 'adults', format: 'csv' },
      });
      // The audit log names waves, never their ids.
      for (const id of [fixtures.wave2024, fixtures.wave2025, fixtures.wave2026]) {
        expect(JSON.stringify(events)).not.toContain(id);
      }
      expect(
        events.some((e) => e.action === 'headcount-changed' && e.detail['headcount'] === 120),
      ).toBe(true);
      // A refused request is not a view.
      const denied = events.filter(
        (e) =>
          e.actor_email === 'psw@middlesbrough.test' && e.target === `organisation:${HARTLEPOOL}`,
      );
      expect(denied).toEqual([]);
    });
  });
});
