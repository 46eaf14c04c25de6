import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { collectDeclaredRoutes } from '../../apps/api/src/common/route-table';
import {
  createStaffAccount,
  signIn,
  type StaffFixture,
  TEST_HOST,
  TEST_ORIGIN,
} from '../support/staff-fixtures';
import { seedSurveyFixtures, type SurveyFixtures } from '../support/survey-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';
import {
  ANOTHER_LA,
  type Caller,
  CALLERS,
  type MatrixContext,
  NO_SUCH_LA,
  ROUTE_ACCESS,
  type RouteAccess,
  THIS_LA,
} from './route-access-table';

const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('authorisation matrix: every route × every kind of caller', () => {
  let t: TestApp;
  let server: App;
  let survey: SurveyFixtures;
  let closedWaveId: string;
  let researchExportId: string;
  let appRoutes: Set<string>;
  const accounts = new Map<Caller, StaffFixture>();
  const cookies = new Map<Caller, string>();
  let counter = 0;
  let instrumentId = '';
  let nextVersion = 100;
  let window = 0;

  /** A wave inserted as the admin pages would leave it, each in a year of its own from 2100. */
  async function newWave(
    state: 'draft' | 'scheduled' | 'open',
    enrolThisLa = false,
  ): Promise<string> {
    const year = 2100 + ++window;
    const [opensAt, closesAt] =
      state === 'open'
        ? [
            new Date(Date.now() - 86_400_000 * (window + 1)),
            new Date(Date.now() + 86_400_000 * 400),
          ]
        : [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 1, 1))];
    const [wave] = await queryDatabase<{ id: string }>(
      t.database.url,
      `INSERT INTO wave (name, instrument_id, opens_at, closes_at, draft)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [`Matrix wave ${window}`, instrumentId, opensAt, closesAt, state === 'draft'],
    );
    if (enrolThisLa)
      await queryDatabase(
        t.database.url,
        `INSERT INTO survey_link (code, wave_id, organisation_id, service)
         SELECT $1, $2, id, 'children' FROM organisation WHERE gss_code = $3`,
        [`matrix-${randomBytes(6).toString('hex')}`, wave?.id, THIS_LA],
      );
    return wave?.id ?? '';
  }

  const context = (gssCode: string): MatrixContext => ({
    gssCode,
    instrumentId,
    newWave,
    uniqueWaveName: () => `Matrix ${randomBytes(4).toString('hex')} ${++counter}`,
    nextInstrumentVersion: () => ++nextVersion,
    openLinkCode: survey.openCode,
    closedWaveId,
    researchExportId,
    uniqueEmail: () => `matrix-${randomBytes(4).toString('hex')}-${++counter}@council.test`,
    newPswAccountId: async () =>
      (
        await createStaffAccount(t.database.url, {
          email: `target-${randomBytes(4).toString('hex')}@council.test`,
          role: 'psw',
          gssCodes: [THIS_LA],
          password: 'target account password',
        })
      ).id,
  });

  async function send(row: RouteAccess, caller: Caller, gssCode = THIS_LA): Promise<number> {
    const { url, body } = await row.request(context(gssCode));
    const method = row.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = request(server)[method](url).set('Host', TEST_HOST).set('Origin', TEST_ORIGIN);
    const cookie = cookies.get(caller);
    if (cookie) req = req.set('Cookie', cookie);
    const res = body === undefined ? await req : await req.send(body);
    if (row.endsSession && caller !== 'anonymous') {
      const account = accounts.get(caller);
      if (account) cookies.set(caller, await signIn(server, account));
    }
    return res.status;
  }

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    survey = await seedSurveyFixtures(t.database.url);
    const [closed] = await queryDatabase<{ id: string }>(
      t.database.url,
      'SELECT id FROM wave WHERE closes_at < now() ORDER BY closes_at DESC LIMIT 1',
    );
    closedWaveId = closed?.id ?? '';
    const [v2] = await queryDatabase<{ id: string }>(
      t.database.url,
      `SELECT id FROM instrument WHERE key = 'health-check' AND version = 2`,
    );
    instrumentId = v2?.id ?? '';
    const make = async (caller: Caller, role: StaffFixture['role'], gssCodes: string[] = []) => {
      const account = await createStaffAccount(t.database.url, {
        email: `${caller.toLowerCase()}@matrix.test`,
        role,
        gssCodes,
      });
      accounts.set(caller, account);
      cookies.set(caller, await signIn(server, account));
    };
    await make('admin', 'admin');
    await make('researcher', 'researcher');
    await make('pswOfThisLa', 'psw', [THIS_LA]);
    await make('pswOfAnotherLa', 'psw', [ANOTHER_LA]);
    appRoutes = new Set(collectDeclaredRoutes(t.app).map(routeKey));
    const created = await request(server)
      .post('/api/research/exports')
      .set('Host', TEST_HOST)
      .set('Origin', TEST_ORIGIN)
      .set('Cookie', cookies.get('researcher') ?? '')
      .send({ waves: [closedWaveId] });
    researchExportId = (created.body as { id: string }).id;
    // The job queue runs it (the app's workers poll every 2 s).
    for (let i = 0; i < 300; i++) {
      const [row] = await queryDatabase<{ state: string }>(
        t.database.url,
        'SELECT state FROM research_export WHERE id = $1',
        [researchExportId],
      );
      if (row?.state !== 'queued' && row?.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has an entry in route-access-table.ts for every route of the app', () => {
    const listed = new Set(ROUTE_ACCESS.map(routeKey));
    const missing = [...appRoutes].filter((r) => !listed.has(r));
    expect({ routesWithoutAnEntryInRouteAccessTable: missing }).toEqual({
      routesWithoutAnEntryInRouteAccessTable: [],
    });
  });

  it('lists each route once and only routes the app has', () => {
    const keys = ROUTE_ACCESS.map(routeKey);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const unknown = keys.filter((k) => !appRoutes.has(k));
    expect({ entriesForRoutesTheAppDoesNotHave: unknown }).toEqual({
      entriesForRoutesTheAppDoesNotHave: [],
    });
  });

  describe.each(ROUTE_ACCESS.map((row) => [routeKey(row), row] as const))('%s', (_key, row) => {
    it('answers each caller as the table says', async () => {
      if (!appRoutes.has(routeKey(row)))
        throw new Error(
          `route-access-table.ts lists ${routeKey(row)}, but the app has no such route`,
        );
      const actual: Partial<Record<Caller, number>> = {};
      for (const caller of CALLERS) actual[caller] = await send(row, caller);
      expect(actual).toEqual(row.expected);
    });

    if (row.laScoped) {
      it('answers a PSW about a non-existent LA exactly as about another LA', async () => {
        if (!appRoutes.has(routeKey(row)))
          throw new Error(
            `route-access-table.ts lists ${routeKey(row)}, but the app has no such route`,
          );
        const otherLa = await send(row, 'pswOfAnotherLa', THIS_LA);
        const noSuchLa = await send(row, 'pswOfThisLa', NO_SUCH_LA);
        expect([403, 404]).toContain(otherLa);
        expect(noSuchLa).toBe(otherLa);
      });
    }
  });
});
