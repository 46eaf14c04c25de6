import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkforceMargins1796598861256 implements MigrationInterface {
  name = 'WorkforceMargins1796598861256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "workforce_margins" ("service" character varying(16) NOT NULL, "source" text NOT NULL, "margins" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, CONSTRAINT "PK_392e358d917df6ee72ced214bda" PRIMARY KEY ("service"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "workforce_margins"`);
  }
}
