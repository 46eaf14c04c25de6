import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { signInNewStaff, TEST_HOST } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

/**
 * Errors that do not come from our own services still answer with their 4xx and the one error
 * body: a statistics library's error escaping a service, and Express's static-file errors.
 */
describe('error answers of the whole app', () => {
  let t: TestApp;
  let server: App;
  let webRoot: string;
  let adminCookie: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'swhc-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
    t = await createTestApp({ WEB_ROOT: webRoot });
    server = t.app.getHttpServer();
    adminCookie = await signInNewStaff(t, { email: 'admin@errors.test', role: 'admin' });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('answers 422 when the disclosure library rejects a stored K below its floor', async () => {
    // A K stored outside the rules (say by hand in the database): the disclosure library refuses it.
    await queryDatabase(
      t.database.url,
      `INSERT INTO wave (name, instrument_id, opens_at, closes_at)
       SELECT 'Closed wave', id, now() - interval '60 days', now() - interval '30 days'
       FROM instrument LIMIT 1`,
    );
    await queryDatabase(
      t.database.url,
      `INSERT INTO setting (key, value) VALUES ('minimumGroupSize', '3'::jsonb)`,
    );
    const res = await request(server)
      .get('/api/organisations/E06000001/report')
      .set('Host', TEST_HOST)
      .set('Cookie', adminCookie)
      .expect(422);
    expect(res.body).toEqual({
      statusCode: 422,
      message: 'The statistics for this request cannot be computed',
      errors: [],
    });
  });

  it('keeps the 416 of a range past the end of the app page, in the one error body', async () => {
    // A page served from the file (a survey link's page is made per request and ignores Range).
    const res = await request(server)
      .get('/la/E06000001')
      .set('Range', 'bytes=100000-')
      .expect(416);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ statusCode: 416, message: 'Range Not Satisfiable', errors: [] });
  });

  it('serves the app page itself to a plain request', async () => {
    const res = await request(server).get('/s/some-survey-code').expect(200);
    expect(res.text).toContain('<title>app</title>');
  });
});
