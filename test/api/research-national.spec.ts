import {
  ENGLISH_REGIONS,
  type NationalPicture,
  type ScaleEstimate,
  type ServiceKind,
  type WorkforceMarginsOverview,
} from '@swhc/contracts';
import { HEALTH_CHECK_V1, reportedScore, type ScaleScores } from '@swhc/instruments';
import { rake, weightedMeanInterval, type WeightedMeanInterval } from '@swhc/psychometrics';
import { Client } from 'pg';
import type { App } from 'supertest/types';
import { syntheticCohort } from '../../apps/api/src/demo/synthetic-responses';
import {
  HARTLEPOOL,
  insertResponses,
  MIDDLESBROUGH,
  seedReportFixtures,
  type ReportFixtures,
} from '../support/report-fixtures';
import { asStaff, signInNewStaff } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

interface RawRow extends Record<string, unknown> {
  region: string;
  gss_code: string;
  answers: Record<string, number | string>;
  scores: ScaleScores;
}

/** Manchester: the fixtures have no North West LA, so its few responses make a region below K. */
const MANCHESTER = 'E08000003';
const ROLES = ['asye', 'social-worker', 'senior-practitioner', 'team-manager', 'other'];
const ROLE_COUNTS = [1200, 6000, 2400, 1400, 1000];
const REGION_COUNTS = [1300, 1500, 2000, 800, 1900, 1700, 1000, 900, 900];
const MARGINS = {
  role: Object.fromEntries(ROLES.map((r, i) => [r, ROLE_COUNTS[i] ?? 0])),
  region: Object.fromEntries(ENGLISH_REGIONS.map((r, i) => [r, REGION_COUNTS[i] ?? 0])),
};
const V1 = HEALTH_CHECK_V1;

describe('national picture (GET /api/research/national) and workforce margins', () => {
  let t: TestApp;
  let server: App;
  let fixtures: ReportFixtures;
  let admin: string;
  let researcher: string;
  let psw: string;

  const get = (url: string, cookie?: string) => asStaff(server, cookie).get(url);
  const put = (body: unknown, cookie = admin) =>
    asStaff(server, cookie).put('/api/admin/workforce-margins', body as object);

  /** The national picture of the 2025 wave as the researcher sees it. */
  const picture2025 = async (service: ServiceKind) =>
    (
      await get(
        `/api/research/national?wave=${fixtures.wave2025}&service=${service}`,
        researcher,
      ).expect(200)
    ).body as NationalPicture;
  /** The stored rows of a wave and service, with their LA's region, read straight from the database. */
  const rawRows = (waveId: string, service: ServiceKind) =>
    queryDatabase<RawRow>(
      t.database.url,
      `SELECT o.region, o.gss_code, r.answers, r.scores FROM survey_response r
         JOIN organisation o ON o.id = r.organisation_id
        WHERE r.wave_id = $1 AND r.service = $2`,
      [waveId, service],
    );
  const scoreOf = (row: RawRow, scaleKey: string): number => {
    const scale = V1.scales.find((s) => s.key === scaleKey);
    const v = row.scores[scaleKey]?.score0to100;
    return scale && typeof v === 'number' ? reportedScore(scale, v) : Number.NaN;
  };
  const same = (got: ScaleEstimate | null, want: WeightedMeanInterval) => {
    expect(got).not.toBeNull();
    expect(got?.n).toBe(want.n);
    for (const key of ['mean', 'se', 'lower', 'upper', 'designEffect', 'effectiveN'] as const)
      expect(got?.[key]).toBeCloseTo(want[key], 9);
  };

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    fixtures = await seedReportFixtures(t.database.url);
    // Four children's responses from Manchester in 2025: the North West has fewer than K.
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const [manchester] = (
        await client.query<{ id: string }>('SELECT id FROM organisation WHERE gss_code = $1', [
          MANCHESTER,
        ])
      ).rows;
      await insertResponses(
        client,
        fixtures.wave2025,
        syntheticCohort(V1, 'children', 4, 12).map((answers) => ({
          organisationId: manchester?.id ?? '',
          service: 'children' as const,
          answers,
        })),
        new Date(Date.now() - 10 * 24 * 60 * 60 * 1000),
      );
    } finally {
      await client.end();
    }
    const account = (email: string, role: 'admin' | 'researcher' | 'psw') =>
      signInNewStaff(t, { email, role, ...(role === 'psw' ? { gssCodes: [HARTLEPOOL] } : {}) });
    admin = await account('admin@national.test', 'admin');
    researcher = await account('researcher@national.test', 'researcher');
    psw = await account('psw@national.test', 'psw');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses incomplete or inconsistent margins with 400s naming the field, and stores nothing', async () => {
    const withoutAsye = Object.fromEntries(
      Object.entries(MARGINS.role).filter(([role]) => role !== 'asye'),
    );
    const cases: [unknown, string, RegExp][] = [
      [
        { service: 'children', source: 'Census', margins: { role: withoutAsye } },
        'margins.role.asye',
        /is missing/,
      ],
      [
        {
          service: 'children',
          source: 'Census',
          margins: { ...MARGINS, region: { ...MARGINS.region, London: 1 } },
        },
        'margins.region',
        /adds up to .* but margins.role adds up to/,
      ],
      [{ service: 'both', source: 'Census', margins: MARGINS }, 'service', /children or adults/],
      [
        {
          service: 'children',
          source: 'Census',
          margins: { role: { ...MARGINS.role, 'social-worker': 12.5 } },
        },
        'margins.role.social-worker',
        /whole number/,
      ],
      [
        { service: 'children', source: 'Census', margins: { role: { ...MARGINS.role, chief: 3 } } },
        'margins.role.chief',
        /not a category of role/,
      ],
      [{ service: 'children', source: ' ', margins: MARGINS }, 'source', /where the figures/],
      [{ service: 'children', source: 'Census', margins: {} }, 'margins', /role or the region/],
      [['not', 'an', 'object'], 'body', /JSON object/],
    ];
    for (const [body, field, message] of cases) {
      const res = await put(body).expect(400);
      const errors = (res.body as { errors: { field: string; message: string }[] }).errors;
      expect(errors.find((e) => e.field === field)?.message).toMatch(message);
    }
    const overview = (await get('/api/admin/workforce-margins', admin).expect(200))
      .body as WorkforceMarginsOverview;
    expect(overview.stored).toEqual([]);
    expect(overview.categories.role.map((c) => c.value)).toEqual(ROLES);
    // Only administrators set them; researchers and PSWs are refused.
    await put({ service: 'children', source: 'Census', margins: MARGINS }, researcher).expect(403);
    await put({ service: 'children', source: 'Census', margins: MARGINS }, psw).expect(403);
  });

  it('without margins: unweighted figures only, the same as libs/psychometrics on the same rows', async () => {
    const picture = await picture2025('adults');
    expect(picture.margins).toBeNull();
    const rows = await rawRows(fixtures.wave2025, 'adults');
    expect(picture.england.n).toBe(rows.length);
    for (const scale of picture.england.scales) {
      same(scale.unweighted, weightedMeanInterval(rows.map((r) => scoreOf(r, scale.scale))));
      expect(scale.raked).toBeNull();
    }
  });

  it('raked to stored margins: the same as survey::rake’s algorithm and svymean in libs/psychometrics', async () => {
    const saved = await put({
      service: 'children',
      source: 'Workforce census 2025 (test)',
      margins: MARGINS,
    }).expect(200);
    expect(saved.body).toMatchObject({ service: 'children', margins: MARGINS });
    const [audited] = await queryDatabase<{ action: string; detail: Record<string, string> }>(
      t.database.url,
      `SELECT action, detail FROM audit_event WHERE action = 'workforce-margins-changed'`,
    );
    expect(audited?.detail).toEqual({ service: 'children', variables: 'role, region' });

    const picture = await picture2025('children');
    expect(picture.margins).toMatchObject({
      source: 'Workforce census 2025 (test)',
      variables: ['role', 'region'],
    });
    const rows = await rawRows(fixtures.wave2025, 'children');
    // Raking: rows with a role; categories nobody answered with are dropped and margins rescaled.
    const placed = rows.filter((r) => typeof r.answers['role'] === 'string');
    const present = (key: 'role' | 'region', of: (r: RawRow) => string) => {
      const seen = new Set(placed.map(of));
      const kept = Object.entries(MARGINS[key]).filter(([c]) => seen.has(c));
      return { kept, total: kept.reduce((s, [, n]) => s + n, 0) };
    };
    const role = present('role', (r) => String(r.answers['role']));
    const region = present('region', (r) => r.region);
    const common = Math.min(role.total, region.total);
    const scaleTo = (p: typeof role) =>
      Object.fromEntries(p.kept.map(([c, n]) => [c, (n * common) / p.total]));
    const { weights } = rake(
      placed.map((r) => ({ role: String(r.answers['role']), region: r.region })),
      { role: scaleTo(role), region: scaleTo(region) },
      { epsilon: 1e-10, maxPasses: 200 },
    );
    expect(picture.england.n).toBe(rows.length);
    for (const scale of picture.england.scales) {
      same(scale.unweighted, weightedMeanInterval(rows.map((r) => scoreOf(r, scale.scale))));
      same(
        scale.raked,
        weightedMeanInterval(
          placed.map((r) => scoreOf(r, scale.scale)),
          weights,
        ),
      );
      expect(scale.raked?.designEffect).toBeGreaterThan(1);
    }
    // A region: the national weights on its rows.
    const northEast = picture.regions.find((r) => r.area === 'North East');
    const inNorthEast = placed
      .map((r, i) => ({ r, w: weights[i] ?? NaN }))
      .filter((x) => x.r.region === 'North East');
    same(
      northEast?.scales[0]?.raked ?? null,
      weightedMeanInterval(
        inNorthEast.map((x) => scoreOf(x.r, V1.scales[0]?.key ?? '')),
        inNorthEast.map((x) => x.w),
      ),
    );
  });

  it('suppresses regions and LAs below K; names every other LA on the funnel', async () => {
    const picture = await picture2025('children');
    expect(picture.minimumGroupSize).toBe(10);
    const northWest = picture.regions.find((r) => r.area === 'North West');
    expect(northWest?.n).toBeNull();
    expect(northWest?.scales.every((s) => s.unweighted === null && s.raked === null)).toBe(true);
    const rows = await rawRows(fixtures.wave2025, 'children');
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.gss_code, (counts.get(r.gss_code) ?? 0) + 1);
    for (const f of picture.funnels) {
      const codes = f.units.map((u) => u.gssCode);
      expect(codes).toContain(HARTLEPOOL);
      expect(codes).not.toContain(MIDDLESBROUGH);
      expect(codes).not.toContain(MANCHESTER);
      expect(f.units.find((u) => u.gssCode === HARTLEPOOL)?.name).toBe('Hartlepool');
      expect(f.units.every((u) => u.n >= 10)).toBe(true);
      expect(f.unitsSuppressed).toBe(2);
      expect(f.units).toHaveLength([...counts.values()].filter((n) => n >= 10).length);
    }
  });

  it('shows a change across waves only where the validation report finds scalar invariance', async () => {
    const picture = await picture2025('adults');
    expect(picture.trends[0]?.points.map((p) => p.waveId)).toEqual([
      fixtures.wave2024,
      fixtures.wave2025,
    ]);
    // The fixtures shift one support item for adults in 2025: its intercept differs.
    const support = picture.trends.find((s) => s.scale === 'support');
    const [first, second] = support?.points ?? [];
    expect(first?.comparableWithPrevious).toBeNull();
    expect(second?.comparableWithPrevious).toBe(false);
    expect(second?.why).toMatch(/\w/);
  });

  it('answers the CSV with the same figures, and refuses PSWs, anonymous callers and bad queries', async () => {
    const res = await get(
      `/api/research/national.csv?wave=${fixtures.wave2025}&service=children`,
      researcher,
    ).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/national-picture-.*-children\.csv/);
    const text = res.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Hartlepool');
    expect(text).toContain('Workforce census 2025 (test)');
    const picture = await picture2025('children');
    const first = picture.england.scales[0];
    expect(text).toContain(
      `England,${picture.england.n},${first?.title},${first?.unweighted?.n},${Math.round((first?.unweighted?.mean ?? 0) * 100) / 100}`,
    );
    await get('/api/research/national', psw).expect(403);
    await get('/api/research/national.csv', psw).expect(403);
    await get('/api/research/national').expect(401);
    const bad = await get('/api/research/national?wave=nope&service=both', researcher).expect(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(
      ['service', 'wave'],
    );
    await get(`/api/research/national?wave=${fixtures.wave2026}`, researcher).expect(404);
  });
});
