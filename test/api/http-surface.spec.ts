import { readdirSync, readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { INLINE_SURVEY_ELEMENT_ID } from '@swhc/contracts';
import { Client } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { REPO_ROOT } from '../support/app-server';
import {
  createStaffAccount,
  sessionCookieOf,
  signIn,
  type StaffFixture,
  TEST_HOST,
} from '../support/staff-fixtures';
import { seedSurveyFixtures, type SurveyFixtures, VALID_ANSWERS } from '../support/survey-fixtures';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startTestAppOn } from '../support/test-app';
import { provisionTestDatabase, type TestDatabase } from '../support/test-database';

/** The built web app (npm test builds before these tests run). */
const WEB_ROOT = join(REPO_ROOT, 'dist', 'apps', 'web');
const assets = readdirSync(join(WEB_ROOT, 'assets'));
const asset = (pattern: RegExp): string => {
  const name = assets.find((a) => pattern.test(a));
  if (!name) throw new Error(`No built asset matching ${pattern}: run npm run build`);
  return `/assets/${name}`;
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A GET whose body stays as sent (supertest would decompress it). */
async function rawGet(
  app: NestExpressApplication,
  path: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  const server = app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      get(
        { host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        },
      ).on('error', reject);
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * What the app says over HTTP besides its JSON: the web app's files (compressed, cached, 404 when
 * missing, no source maps in production), HEAD, caching of staff answers, the API documentation's
 * access, the session cookie's name over HTTPS, and failing fast when the database is slow.
 */
describe('the HTTP surface', () => {
  let database: TestDatabase;
  let development: NestExpressApplication;
  let production: NestExpressApplication;
  let fixtures: SurveyFixtures;
  let admin: StaffFixture;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    development = await startTestAppOn(database, { WEB_ROOT });
    production = await startTestAppOn(database, {
      WEB_ROOT,
      NODE_ENV: 'production',
      SECURE_COOKIES: 'true',
    });
    fixtures = await seedSurveyFixtures(database.url);
    admin = await createStaffAccount(database.url, {
      email: 'surface@council.test',
      role: 'admin',
    });
  });

  afterAll(async () => {
    await development?.close();
    await production?.close();
    await database?.drop();
  });

  const server = (app: NestExpressApplication): App => app.getHttpServer();

  describe('the web app’s files', () => {
    it('answers HEAD wherever it answers GET', async () => {
      for (const path of [
        '/',
        `/s/${fixtures.openCode}`,
        '/api/health',
        `/api/surveys/${fixtures.openCode}`,
        asset(/^index-.*\.js$/),
      ]) {
        const get = await request(server(development)).get(path);
        const head = await request(server(development)).head(path);
        expect({ path, status: head.status }).toEqual({ path, status: get.status });
        expect(get.status).toBe(200);
        expect(head.headers['content-type']).toBe(get.headers['content-type']);
        expect(head.text ?? '').toBe('');
      }
    });

    it('sends the survey script compressed with brotli or gzip as the browser accepts, identical once decompressed', async () => {
      const path = asset(/^survey-form-.*\.js$/);
      const original = readFileSync(join(WEB_ROOT, path));
      const br = await rawGet(development, path, 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.body.length).toBeLessThan(original.length / 4);
      expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

      const gzip = await rawGet(development, path, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).equals(original)).toBe(true);

      const plain = await rawGet(development, path, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
    });

    it('caches hashed files for a year and the app page not at all', async () => {
      for (const path of [asset(/^index-.*\.js$/), asset(/^index-.*\.css$/)]) {
        const res = await request(server(development)).get(path).expect(200);
        expect(res.headers['cache-control']).toBe(IMMUTABLE);
      }
      const page = await request(server(development)).get('/s/some-code').expect(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.text).toContain('<div id="root">');
    });

    it('carries the survey in the survey link’s page as the api answers it, and starts the poll early on the poll’s page', async () => {
      const path = `/s/${encodeURIComponent(fixtures.openCode)}`;
      const page = await rawGet(development, path, 'gzip, deflate, br');
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      const html = brotliDecompressSync(page.body).toString('utf8');
      const inline = new RegExp(
        `<script type="application/json" id="${INLINE_SURVEY_ELEMENT_ID}">(.*?)</script>`,
      ).exec(html)?.[1];
      const fromApi = await request(server(development)).get(`/api/surveys/${fixtures.openCode}`);
      expect(JSON.parse(inline ?? 'null')).toEqual(fromApi.body);
      // SurveyJS is not announced: it would share the phone's bandwidth with the main script.
      expect(html).not.toMatch(/survey-form-/);

      // No survey in the page where the api would not answer 200; the page itself still loads.
      for (const code of [fixtures.closedCode, fixtures.unknownCode, '%00']) {
        const other = await request(server(development)).get(`/s/${code}`).expect(200);
        expect(other.text).toContain('<div id="root">');
        expect(other.text).not.toContain(INLINE_SURVEY_ELEMENT_ID);
      }

      // The poll's page runs the build's early-poll entry at once; it and its imports are served.
      const manifest = JSON.parse(
        readFileSync(join(WEB_ROOT, '.vite', 'manifest.json'), 'utf8'),
      ) as Record<string, { file: string }>;
      const early = manifest['src/early-poll-entry.ts']?.file ?? '(none in the manifest)';
      const poll = await request(server(development)).get('/panel/poll').expect(200);
      expect(poll.text).toContain(`<script type="module" async crossorigin src="/${early}">`);
      const preloaded = [...poll.text.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)];
      for (const [, script = ''] of preloaded)
        await request(server(development)).get(script).expect(200);
      // Any other page is the plain app page.
      const home = await request(server(development)).get('/').expect(200);
      expect(home.text).not.toContain(early);
    });

    it('answers 404 for a missing file instead of the app page', async () => {
      for (const path of ['/assets/no-such-file-1a2b3c.js', '/favicon.ico', '/robots.txt']) {
        const res = await request(server(development)).get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(res.text).not.toContain('<div id="root">');
      }
      // Client-side routes still get the app page.
      await request(server(development)).get('/la/E06000001').expect(200);
    });

    it('serves source maps in development only', async () => {
      const map = asset(/^index-.*\.js\.map$/);
      await request(server(development)).get(map).expect(200);
      await request(server(production)).get(map).expect(404);
    });
  });

  describe('survey responses answered by the intake lane', () => {
    /** Headers that differ between any two answers. */
    const PER_ANSWER = new Set([
      'date',
      'etag',
      'x-request-id',
      'content-length',
      'connection',
      'keep-alive',
    ]);
    const lasting = (headers: IncomingHttpHeaders) =>
      Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_ANSWER.has(name)));
    const post = (
      app: NestExpressApplication,
      body: object,
      headers: Record<string, string> = {},
    ) =>
      request(server(app))
        .post(`/api/surveys/${fixtures.openCode}/responses`)
        .set('Host', TEST_HOST)
        .set(headers)
        .send(body);
    // The lane leaves any content encoding to Express, so `identity` reaches the Nest route.
    const viaNest = { 'Content-Encoding': 'identity' };

    it.each([
      ['development', () => development],
      ['production (HSTS)', () => production],
    ])(
      'carry the headers the Nest route sends, a request id and no more (%s)',
      async (_label, app) => {
        const lane = await post(app(), {
          submissionId: crypto.randomUUID(),
          answers: VALID_ANSWERS,
        });
        const nest = await post(
          app(),
          { submissionId: crypto.randomUUID(), answers: VALID_ANSWERS },
          viaNest,
        );
        expect([lane.status, nest.status]).toEqual([201, 201]);
        expect(lasting(lane.headers)).toEqual(lasting(nest.headers));
        expect(lane.headers['content-security-policy']).toContain("default-src 'self'");
        expect(lane.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      },
    );

    it('refuses a post from another website as the Nest route does', async () => {
      const body = { submissionId: crypto.randomUUID(), answers: VALID_ANSWERS };
      const crossSite = { Origin: 'https://elsewhere.example' };
      const lane = await post(development, body, crossSite);
      const nest = await post(development, body, { ...crossSite, ...viaNest });
      expect(lane.status).toBe(403);
      expect({ status: lane.status, body: lane.body as unknown }).toEqual({
        status: nest.status,
        body: nest.body as unknown,
      });
    });
  });

  describe('staff answers and documentation', () => {
    it('marks every answer to a signed-in route no-store, errors included', async () => {
      const cookie = await signIn(server(development), admin);
      for (const path of ['/api/auth/me', '/api/admin/accounts', '/api/admin/settings']) {
        const signedIn = await request(server(development))
          .get(path)
          .set('Host', TEST_HOST)
          .set('Cookie', cookie);
        expect({ path, status: signedIn.status, cache: signedIn.headers['cache-control'] }).toEqual(
          { path, status: 200, cache: 'no-store' },
        );
        const anonymous = await request(server(development)).get(path);
        expect({ path, cache: anonymous.headers['cache-control'] }).toEqual({
          path,
          cache: 'no-store',
        });
      }
    });

    it('shows the API documentation to anyone in development, to signed-in staff only in production', async () => {
      await request(server(development)).get('/api/docs-json').expect(200);
      await request(server(production)).get('/api/docs-json').expect(401);
      await request(server(production)).get('/api/docs').expect(401);
      const login = await request(server(production))
        .post('/api/auth/login')
        .set('Host', TEST_HOST)
        .set('Origin', `https://${TEST_HOST}`)
        .send({ email: admin.email, password: admin.password })
        .expect(200);
      const cookie = (sessionCookieOf(login.headers['set-cookie']) ?? '').split(';')[0] ?? '';
      await request(server(production)).get('/api/docs-json').set('Cookie', cookie).expect(200);
    });

    it('can switch the documentation off', async () => {
      const off = await startTestAppOn(database, { WEB_ROOT, API_DOCS: 'off' });
      try {
        await request(off.getHttpServer()).get('/api/docs-json').expect(404);
        await request(off.getHttpServer()).get('/api/docs').expect(404);
      } finally {
        await off.close();
      }
    });

    it('names the session cookie with the __Host- prefix when it is Secure', async () => {
      const res = await request(server(production))
        .post('/api/auth/login')
        .set('Host', TEST_HOST)
        .set('Origin', `https://${TEST_HOST}`)
        .send({ email: admin.email, password: admin.password })
        .expect(200);
      const line = sessionCookieOf(res.headers['set-cookie']) ?? '';
      expect(line).toMatch(/^__Host-swhc_session=[A-Za-z0-9_-]{43};/);
      expect(line).toMatch(/; Secure/i);
      expect(line).toMatch(/; Path=\//);
      expect(line).not.toMatch(/; Domain=/i);
      const cookie = line.split(';')[0] ?? '';
      await request(server(production)).get('/api/auth/me').set('Cookie', cookie).expect(200);
    });
  });
});

describe('a database too slow to answer', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let fixtures: SurveyFixtures;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    app = await startTestAppOn(database, {
      DATABASE_POOL_SIZE: '1',
      DATABASE_ACQUIRE_TIMEOUT_MS: '300',
      DATABASE_STATEMENT_TIMEOUT_MS: '500',
    });
    fixtures = await seedSurveyFixtures(database.url);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const submit = () =>
    request(app.getHttpServer())
      .post(`/api/surveys/${fixtures.openCode}/responses`)
      .send({
        submissionId: crypto.randomUUID(),
        answers: { intentionToStay: 3, role: 'social-worker', employment: 'permanent' },
      });

  it('answers 503 with Retry-After within the timeouts instead of queueing without end', async () => {
    await submit().expect(201); // the link is known from here on
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE survey_response IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const results = await Promise.all(Array.from({ length: 5 }, () => submit()));
      const seconds = (performance.now() - started) / 1000;
      expect(results.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
      for (const r of results) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      // Five requests on one connection: one waits for its statement (0.5 s), the others for a
      // connection (0.3 s each at most) — never for the lock to go.
      expect(seconds).toBeLessThan(5);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    await submit().expect(201);
  });
});
