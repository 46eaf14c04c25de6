import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResearchExportPolls1796608955617 implements MigrationInterface {
  name = 'ResearchExportPolls1796608955617';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "research_export" ADD "poll_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "research_export" DROP COLUMN "poll_ids"`);
  }
}
