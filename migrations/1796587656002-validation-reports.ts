import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ValidationReports1796587656002 implements MigrationInterface {
  name = 'ValidationReports1796587656002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "validation_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "instrument_key" character varying(64) NOT NULL, "instrument_version" integer NOT NULL, "waves_key" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "report" jsonb NOT NULL, CONSTRAINT "uq_validation_report_waves" UNIQUE ("instrument_key", "instrument_version", "waves_key"), CONSTRAINT "PK_28f5fc9b5dea237949d4c0b7ff0" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "validation_report"`);
  }
}
