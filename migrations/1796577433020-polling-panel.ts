import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PollingPanel1796577433020 implements MigrationInterface {
  name = 'PollingPanel1796577433020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "poll" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "remind_at" TIMESTAMP WITH TIME ZONE NOT NULL, "audience" jsonb NOT NULL, "created_by_account_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "invitations_queued_at" TIMESTAMP WITH TIME ZONE, "reminders_queued_at" TIMESTAMP WITH TIME ZONE, "answers_sealed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_03b5cf19a7f562b231c3458527e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_poll_opens_at" ON "poll"  ("opens_at") `);
    await queryRunner.query(
      `CREATE TABLE "poll_answer_intake" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL, "service" character varying(16) NOT NULL, "role" character varying(32) NOT NULL, "region" character varying(64) NOT NULL, "answers" jsonb NOT NULL, CONSTRAINT "PK_100fe64560844c33f832ac6cb8e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_poll_answer_intake_poll" ON "poll_answer_intake"  ("poll_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "poll_answer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL, "service" character varying(16) NOT NULL, "role" character varying(32) NOT NULL, "region" character varying(64) NOT NULL, "answers" jsonb NOT NULL, CONSTRAINT "PK_ac9e25bbeb039b79a1095345f20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_poll_answer_poll" ON "poll_answer"  ("poll_id") `);
    await queryRunner.query(
      `CREATE TABLE "panel_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "organisation_id" uuid, "role" character varying(32) NOT NULL, "service" character varying(16) NOT NULL, "region" character varying(64) NOT NULL, "consented_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "paused_until" date, CONSTRAINT "PK_52e42d0948ead17bf9f132091fa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_panel_member_email" ON "panel_member"  ("email") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_panel_member_pending_expiry" ON "panel_member"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "poll_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL, "member_id" uuid, "used" boolean NOT NULL DEFAULT false, "submission_id" uuid, CONSTRAINT "PK_4cc9c5f9cefb8d06455f555c43f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_poll_invitation_poll_used" ON "poll_invitation"  ("poll_id", "used") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_poll_invitation_poll_member" ON "poll_invitation"  ("poll_id", "member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mail_rate_window" ("minute" TIMESTAMP WITH TIME ZONE NOT NULL, "sent" integer NOT NULL, CONSTRAINT "PK_4c4e821ee50fffeccfbd3000f63" PRIMARY KEY ("minute"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "panel_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "state" character varying(16) NOT NULL DEFAULT 'queued', "member_id" uuid, "invitation_id" uuid, "poll_id" uuid, "recipient" character varying(254), "attempts" smallint NOT NULL DEFAULT '0', "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e905167c9d7dfc55060819f8687" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_panel_delivery_member" ON "panel_delivery"  ("member_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_panel_delivery_invitation" ON "panel_delivery"  ("invitation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_panel_delivery_poll_kind_state" ON "panel_delivery"  ("poll_id", "kind", "state") `,
    );
    await queryRunner.query(
      `CREATE TABLE "panel_token" ("token_hash" character(64) NOT NULL, "member_id" uuid NOT NULL, "purpose" character varying(16) NOT NULL, "invitation_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cbddee4c4cd38ac78175c3376da" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_panel_token_member" ON "panel_token"  ("member_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_panel_token_invitation" ON "panel_token"  ("invitation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_panel_token_expires_at" ON "panel_token"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "panel_question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(40) NOT NULL, "definition" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_307d28cc812a1d816b0c7279de9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_panel_question_name" ON "panel_question"  ("name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "poll_question" ("poll_id" uuid NOT NULL, "position" smallint NOT NULL, "question_id" uuid NOT NULL, CONSTRAINT "PK_59e12bec486ccbb14c3f5d03ded" PRIMARY KEY ("poll_id", "position"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_poll_question_question" ON "poll_question"  ("question_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_answer_intake" ADD CONSTRAINT "FK_86a2927eaa0206692e1079bfaa9" FOREIGN KEY ("poll_id") REFERENCES "poll"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_answer" ADD CONSTRAINT "FK_e6cbf2bbb77df8d5ec19f005c6a" FOREIGN KEY ("poll_id") REFERENCES "poll"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_member" ADD CONSTRAINT "FK_4d2f7b203afadd2a8ffbf4f8333" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_invitation" ADD CONSTRAINT "FK_b6dfb577a34ffcb0ffaaafcd63a" FOREIGN KEY ("poll_id") REFERENCES "poll"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_invitation" ADD CONSTRAINT "FK_966796ad04a9b4aebb93faff668" FOREIGN KEY ("member_id") REFERENCES "panel_member"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_delivery" ADD CONSTRAINT "FK_95225e9fb7928907d40683d1062" FOREIGN KEY ("member_id") REFERENCES "panel_member"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_delivery" ADD CONSTRAINT "FK_ec29cbf27508de50bd0b326bec3" FOREIGN KEY ("invitation_id") REFERENCES "poll_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_token" ADD CONSTRAINT "FK_9e1a40bfb83f7b46ad0e0e4a485" FOREIGN KEY ("member_id") REFERENCES "panel_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_token" ADD CONSTRAINT "FK_e4b500b5c6814940a52450ea879" FOREIGN KEY ("invitation_id") REFERENCES "poll_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_question" ADD CONSTRAINT "FK_796c034150dec8464d4e2707f56" FOREIGN KEY ("poll_id") REFERENCES "poll"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_question" ADD CONSTRAINT "FK_e02acb10f1cf27a4f9fca9e83ae" FOREIGN KEY ("question_id") REFERENCES "panel_question"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "poll_question" DROP CONSTRAINT "FK_e02acb10f1cf27a4f9fca9e83ae"`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_question" DROP CONSTRAINT "FK_796c034150dec8464d4e2707f56"`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_token" DROP CONSTRAINT "FK_e4b500b5c6814940a52450ea879"`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_token" DROP CONSTRAINT "FK_9e1a40bfb83f7b46ad0e0e4a485"`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_delivery" DROP CONSTRAINT "FK_ec29cbf27508de50bd0b326bec3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_delivery" DROP CONSTRAINT "FK_95225e9fb7928907d40683d1062"`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_invitation" DROP CONSTRAINT "FK_966796ad04a9b4aebb93faff668"`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_invitation" DROP CONSTRAINT "FK_b6dfb577a34ffcb0ffaaafcd63a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_member" DROP CONSTRAINT "FK_4d2f7b203afadd2a8ffbf4f8333"`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_answer" DROP CONSTRAINT "FK_e6cbf2bbb77df8d5ec19f005c6a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll_answer_intake" DROP CONSTRAINT "FK_86a2927eaa0206692e1079bfaa9"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_poll_question_question"`);
    await queryRunner.query(`DROP TABLE "poll_question"`);
    await queryRunner.query(`DROP INDEX "public"."uq_panel_question_name"`);
    await queryRunner.query(`DROP TABLE "panel_question"`);
    await queryRunner.query(`DROP INDEX "public"."ix_panel_token_expires_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_panel_token_invitation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_panel_token_member"`);
    await queryRunner.query(`DROP TABLE "panel_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_panel_delivery_poll_kind_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_panel_delivery_invitation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_panel_delivery_member"`);
    await queryRunner.query(`DROP TABLE "panel_delivery"`);
    await queryRunner.query(`DROP TABLE "mail_rate_window"`);
    await queryRunner.query(`DROP INDEX "public"."uq_poll_invitation_poll_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_poll_invitation_poll_used"`);
    await queryRunner.query(`DROP TABLE "poll_invitation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_panel_member_pending_expiry"`);
    await queryRunner.query(`DROP INDEX "public"."uq_panel_member_email"`);
    await queryRunner.query(`DROP TABLE "panel_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_poll_answer_poll"`);
    await queryRunner.query(`DROP TABLE "poll_answer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_poll_answer_intake_poll"`);
    await queryRunner.query(`DROP TABLE "poll_answer_intake"`);
    await queryRunner.query(`DROP INDEX "public"."ix_poll_opens_at"`);
    await queryRunner.query(`DROP TABLE "poll"`);
  }
}
