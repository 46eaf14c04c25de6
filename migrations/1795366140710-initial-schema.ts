import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795366140710 implements MigrationInterface {
  name = 'InitialSchema1795366140710';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gss_code" character varying(9) NOT NULL, "name" character varying(200) NOT NULL, "official_name" character varying(200) NOT NULL, "type" character varying(8) NOT NULL, "region" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_13d536d8f5b6d1c95c51666356e" UNIQUE ("gss_code"), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(200) NOT NULL, "role" character varying(16) NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_124714a3689c2d39adad291388f" UNIQUE ("email"), CONSTRAINT "PK_4d2399aabd15dae3014759ae87d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "instrument" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "version" integer NOT NULL, "title" character varying(200) NOT NULL, "definition" jsonb NOT NULL, "survey_json" jsonb NOT NULL, "content_hash" character(64) NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_instrument_key_version" UNIQUE ("key", "version"), CONSTRAINT "PK_1707dc7e7c2845211b38bef3d29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "wave" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "instrument_id" uuid NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_98296fc6fee900c76f317a24ed6" UNIQUE ("name"), CONSTRAINT "PK_07d28eef1d84d7bfc8cbd86339c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "wave_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "service" character varying(16) NOT NULL, CONSTRAINT "uq_survey_link_wave_organisation_service" UNIQUE ("wave_id", "organisation_id", "service"), CONSTRAINT "PK_8f3352c16dfb26e1952c0598733" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_link_code" ON "survey_link"  ("code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "survey_link_id" uuid NOT NULL, "wave_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "service" character varying(16) NOT NULL, "answers" jsonb NOT NULL, "scores" jsonb NOT NULL, "answers_digest" character(64) NOT NULL, "submitted_on" date NOT NULL, CONSTRAINT "PK_d9326eb52bf8b23d56a39ce419a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_response_submission_id" ON "survey_response"  ("submission_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_survey_response_wave_organisation_service" ON "survey_response"  ("wave_id", "organisation_id", "service") `,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_account_organisation" ("staff_account_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_636ae7e654879f04a1649f8bbc5" PRIMARY KEY ("staff_account_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1dbc2f0a95ea6d4af60624c841" ON "staff_account_organisation"  ("staff_account_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_21ade2e5f21003943992fb072e" ON "staff_account_organisation"  ("organisation_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "wave" ADD CONSTRAINT "FK_92a3e3460ba5e4c8d383194a7c2" FOREIGN KEY ("instrument_id") REFERENCES "instrument"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_link" ADD CONSTRAINT "FK_2e83fbfda105364f32a69842792" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_link" ADD CONSTRAINT "FK_f55bbe4f19325f734fcb4aac73f" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "FK_32b8e1b3d07fcf306b30f7be4ba" FOREIGN KEY ("survey_link_id") REFERENCES "survey_link"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_account_organisation" ADD CONSTRAINT "FK_1dbc2f0a95ea6d4af60624c8410" FOREIGN KEY ("staff_account_id") REFERENCES "staff_account"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_account_organisation" ADD CONSTRAINT "FK_21ade2e5f21003943992fb072eb" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "staff_account_organisation" DROP CONSTRAINT "FK_21ade2e5f21003943992fb072eb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_account_organisation" DROP CONSTRAINT "FK_1dbc2f0a95ea6d4af60624c8410"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" DROP CONSTRAINT "FK_32b8e1b3d07fcf306b30f7be4ba"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_link" DROP CONSTRAINT "FK_f55bbe4f19325f734fcb4aac73f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_link" DROP CONSTRAINT "FK_2e83fbfda105364f32a69842792"`,
    );
    await queryRunner.query(`ALTER TABLE "wave" DROP CONSTRAINT "FK_92a3e3460ba5e4c8d383194a7c2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_21ade2e5f21003943992fb072e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1dbc2f0a95ea6d4af60624c841"`);
    await queryRunner.query(`DROP TABLE "staff_account_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_response_wave_organisation_service"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_response_submission_id"`);
    await queryRunner.query(`DROP TABLE "survey_response"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_link_code"`);
    await queryRunner.query(`DROP TABLE "survey_link"`);
    await queryRunner.query(`DROP TABLE "wave"`);
    await queryRunner.query(`DROP TABLE "instrument"`);
    await queryRunner.query(`DROP TABLE "staff_account"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
  }
}
