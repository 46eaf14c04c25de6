import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottleRefusedAttempts1796576408043 implements MigrationInterface {
  name = 'LoginThrottleRefusedAttempts1796576408043';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "login_throttle" ADD "refused" integer NOT NULL DEFAULT '0'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "login_throttle" DROP COLUMN "refused"`);
  }
}
