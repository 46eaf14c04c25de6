import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { provisionTestDatabase, type TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    dataSource = new DataSource({
      ...dataSourceOptions({ url: database.url, embedded: database.embedded }),
      logging: false,
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('bring an empty database exactly to the entities (no drift)', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.length).toBeGreaterThan(0);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    // Any query here means an entity changed without a migration: run npm run migration:generate.
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can be undone one by one down to an empty schema and applied again', async () => {
    const count = (
      await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM migration')
    )[0]?.n;
    for (let i = 0; i < Number(count); i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migration'`,
    );
    expect(tables).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
