import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import {
  InstrumentsService,
  PublishedInstrumentChangedError,
} from '../../apps/api/src/instruments/instruments.service';
import { createTestApp, type TestApp } from '../support/test-app';
import { queryDatabase } from '../support/test-database';

describe('published instrument versions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('are stored once, with the SurveyJS JSON people will see', async () => {
    const rows = await queryDatabase<{ key: string; version: number; pages: string }>(
      t.database.url,
      `SELECT key, version, jsonb_array_length(survey_json->'pages')::text AS pages FROM instrument`,
    );
    expect(rows).toEqual([
      { key: 'health-check', version: 1, pages: String(HEALTH_CHECK_V1.pages.length) },
    ]);
    await t.app.get(InstrumentsService).publishKnownVersions();
    expect(await queryDatabase(t.database.url, 'SELECT id FROM instrument')).toHaveLength(1);
  });

  it('refuse to start when a published version no longer matches the code (immutable once published)', async () => {
    await queryDatabase(t.database.url, `UPDATE instrument SET content_hash = repeat('0', 64)`);
    await expect(t.app.get(InstrumentsService).publishKnownVersions()).rejects.toThrow(
      PublishedInstrumentChangedError,
    );
  });
});
