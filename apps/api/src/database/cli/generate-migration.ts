/**
 * Writes migrations/<timestamp>-<name>.ts with the SQL that brings a database migrated to the
 * current migrations in line with the entities. Runs on a throw-away in-memory PGlite.
 * Usage: npm run migration:generate -- <kebab-name>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { startEmbeddedDatabase } from '../embedded-database';

const escape = (sql: string): string =>
  sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) {
    throw new Error(
      'Give the migration a kebab-case name, e.g. npm run migration:generate -- add-audit-log',
    );
  }
  const embedded = await startEmbeddedDatabase(null);
  const dataSource = new DataSource(dataSourceOptions({ url: embedded.url, embedded: true }));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('Entities and migrations already agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className =
      name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()) + timestamp;
    const up = sql.upQueries
      .map((q) => `    await queryRunner.query(\`${escape(q.query)}\`);`)
      .join('\n');
    const down = [...sql.downQueries]
      .reverse()
      .map((q) => `    await queryRunner.query(\`${escape(q.query)}\`);`)
      .join('\n');
    const file = join('migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Wrote ${file}; add ${className} to migrations/index.ts.`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
