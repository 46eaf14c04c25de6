import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSessionsAuditSettings1795366451115 implements MigrationInterface {
  name = 'StaffSessionsAuditSettings1795366451115';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "action" character varying(64) NOT NULL, "actor_account_id" uuid, "actor_email" character varying(254), "actor_role" character varying(16), "target" character varying(300), "detail" jsonb, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_event_occurred_at" ON "audit_event"  ("occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" character varying(300) NOT NULL, "failures" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_session" ("id" character(64) NOT NULL, "staff_account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f6ff7fdf4bb47ace7981adbcdee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_session_account" ON "staff_session"  ("staff_account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "headcount" ("organisation_id" uuid NOT NULL, "wave_id" uuid NOT NULL, "service" character varying(16) NOT NULL, "headcount" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_97fa4d13d6f476f93a5306c357c" PRIMARY KEY ("organisation_id", "wave_id", "service"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "setting" ("key" character varying(64) NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1c4c95d773004250c157a744d6e" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_session" ADD CONSTRAINT "FK_294e74b22eb362dd01cb21b5fb4" FOREIGN KEY ("staff_account_id") REFERENCES "staff_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "staff_session" DROP CONSTRAINT "FK_294e74b22eb362dd01cb21b5fb4"`,
    );
    await queryRunner.query(`DROP TABLE "setting"`);
    await queryRunner.query(`DROP TABLE "headcount"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_session_account"`);
    await queryRunner.query(`DROP TABLE "staff_session"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_occurred_at"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
