import type { InstrumentVersionView } from '@swhc/contracts';
import { HEALTH_CHECK_V1, HEALTH_CHECK_V2 } from '@swhc/instruments';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  InstrumentsService,
  PublishedInstrumentChangedError,
} from '../../apps/api/src/instruments/instruments.service';
import { asStaff, signInNewStaff, TEST_HOST, TEST_ORIGIN } from '../support/staff-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

/** Health Check v2 as a JSON file an administrator would upload, as version `version`. */
function definitionFile(version: number, edit: (json: Record<string, unknown>) => void = () => {}) {
  const json = JSON.parse(JSON.stringify(HEALTH_CHECK_V2)) as Record<string, unknown>;
  json['version'] = version;
  edit(json);
  return json;
}

describe('instrument versions', () => {
  let t: TestApp;
  let server: App;
  let admin: string;

  const post = (body: unknown) =>
    asStaff(server, admin).post('/api/admin/instruments', body as object);
  const rowCount = async () =>
    (await queryDatabase(t.database.url, 'SELECT id FROM instrument')).length;

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.getHttpServer();
    admin = await signInNewStaff(t, { email: 'instruments-admin@council.test', role: 'admin' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('are stored once at start, with the SurveyJS JSON each service will see', async () => {
    const rows = await queryDatabase<{ key: string; version: number; pages: string }>(
      t.database.url,
      `SELECT key, version, jsonb_array_length(survey_json_by_service->'adults'->'pages')::text AS pages
         FROM instrument ORDER BY version`,
    );
    expect(rows).toEqual([
      { key: 'health-check', version: 1, pages: String(HEALTH_CHECK_V1.pages.length) },
      { key: 'health-check', version: 2, pages: String(HEALTH_CHECK_V2.pages.length) },
    ]);
    await t.app.get(InstrumentsService).publishKnownVersions();
    expect(await rowCount()).toBe(2);
  });

  it('are listed for administrators with their content hash', async () => {
    const res = await request(server)
      .get('/api/admin/instruments')
      .set('Host', TEST_HOST)
      .set('Cookie', admin);
    expect(res.status).toBe(200);
    const list = res.body as InstrumentVersionView[];
    expect(list.map((i) => `${i.key}@${i.version}`)).toEqual(['health-check@2', 'health-check@1']);
    for (const i of list) expect(i.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('publishes a new version from a JSON file, audited, and never the same version twice', async () => {
    const created = await post(definitionFile(3));
    expect(created.status).toBe(201);
    expect((created.body as InstrumentVersionView).version).toBe(3);
    const [stored] = await queryDatabase<{ adults: string[]; children: string[] }>(
      t.database.url,
      `SELECT array(SELECT c->>'value' FROM jsonb_array_elements(
                (SELECT e FROM jsonb_array_elements(survey_json_by_service->'adults'->'pages'->4->'elements') e
                  WHERE e->>'name' = 'teamType')->'choices') c) AS adults,
              array(SELECT c->>'value' FROM jsonb_array_elements(
                (SELECT e FROM jsonb_array_elements(survey_json_by_service->'children'->'pages'->4->'elements') e
                  WHERE e->>'name' = 'teamType')->'choices') c) AS children
         FROM instrument WHERE version = 3`,
    );
    expect(stored?.adults).toContain('safeguarding-adults');
    expect(stored?.adults).not.toContain('care-and-placements');
    expect(stored?.children).toContain('care-and-placements');

    const again = await post(definitionFile(3, (json) => (json['title'] = 'Edited title')));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ errors: [{ field: 'version' }] });
    const [row] = await queryDatabase<{ title: string }>(
      t.database.url,
      'SELECT title FROM instrument WHERE version = 3',
    );
    expect(row?.title).toBe(HEALTH_CHECK_V2.title);
    const audit = await queryDatabase<{ target: string }>(
      t.database.url,
      `SELECT target FROM audit_event WHERE action = 'instrument-published'`,
    );
    expect(audit).toEqual([{ target: 'instrument:health-check:3' }]);
  });

  it('refuses a definition with problems, naming each by its path, and stores nothing', async () => {
    const before = await rowCount();
    const res = await post(
      definitionFile(4, (json) => {
        const questions = json['questions'] as Record<string, unknown>[];
        questions[3]['choices'] = [];
        json['outcome'] = 'nobody';
      }),
    );
    expect(res.status).toBe(400);
    const fields = (res.body as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['questions[3].choices', 'outcome']));
    expect(await rowCount()).toBe(before);
  });

  it('takes a definition larger than other routes allow (up to 512 kB), and no larger', async () => {
    const long = 'Longer wording for a question, repeated to make a big definition. '.repeat(28);
    const big = definitionFile(5, (json) => {
      for (const q of json['questions'] as Record<string, unknown>[]) q['description'] = long;
    });
    expect(JSON.stringify(big).length).toBeGreaterThan(64 * 1024);
    const accepted = await post(big);
    expect(accepted.status).toBe(201);

    const huge = { ...definitionFile(6), padding: 'x'.repeat(600 * 1024) };
    const refused = await post(huge);
    expect(refused.status).toBe(413);
    // Every other route keeps the 64 kB limit.
    const elsewhere = await request(server)
      .put('/api/admin/settings/minimum-group-size')
      .set('Host', TEST_HOST)
      .set('Origin', TEST_ORIGIN)
      .set('Cookie', admin)
      .send({ minimumGroupSize: 10, padding: 'x'.repeat(70 * 1024) });
    expect(elsewhere.status).toBe(413);
  });

  it('refuse to start when a published version no longer matches the code (immutable once published)', async () => {
    await queryDatabase(
      t.database.url,
      `UPDATE instrument SET content_hash = repeat('0', 64) WHERE version = 1`,
    );
    await expect(t.app.get(InstrumentsService).publishKnownVersions()).rejects.toThrow(
      PublishedInstrumentChangedError,
    );
  });
});
