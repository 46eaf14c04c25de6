import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResearchExports1796584768423 implements MigrationInterface {
  name = 'ResearchExports1796584768423';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "research_export" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" character varying(16) NOT NULL, "wave_ids" uuid array NOT NULL, "variables" jsonb NOT NULL, "rows_done" integer NOT NULL DEFAULT '0', "rows_total" integer, "progress" real NOT NULL DEFAULT '0', "anonymisation" jsonb, "reason" character varying(500), "size_bytes" bigint, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cf84e8e6eab5460790d86c998ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_research_export_requested_by" ON "research_export"  ("requested_by", "requested_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "research_export_chunk" ("export_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_0ff0f29ca930f728961c4ca6cea" PRIMARY KEY ("export_id", "seq"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "research_export_chunk" ADD CONSTRAINT "FK_eb28c87eb2ea09fb3586d97d7b1" FOREIGN KEY ("export_id") REFERENCES "research_export"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "research_export_chunk" DROP CONSTRAINT "FK_eb28c87eb2ea09fb3586d97d7b1"`,
    );
    await queryRunner.query(`DROP TABLE "research_export_chunk"`);
    await queryRunner.query(`DROP INDEX "public"."ix_research_export_requested_by"`);
    await queryRunner.query(`DROP TABLE "research_export"`);
  }
}
