import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WavesEnrolmentReplacedLinks1796583227938 implements MigrationInterface {
  name = 'WavesEnrolmentReplacedLinks1796583227938';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "instrument" RENAME COLUMN "survey_json" TO "survey_json_by_service"`,
    );
    // Versions published before this showed every service the same survey: that one, for each.
    await queryRunner.query(
      `UPDATE "instrument" SET "survey_json_by_service" = jsonb_build_object('children', "survey_json_by_service", 'adults', "survey_json_by_service")`,
    );
    await queryRunner.query(
      `CREATE TABLE "replaced_link_code" ("code" character varying(64) NOT NULL, "survey_link_id" uuid NOT NULL, "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_08b2d35b0b23f65827979b1330b" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_replaced_link_code_link" ON "replaced_link_code"  ("survey_link_id") `,
    );
    await queryRunner.query(`ALTER TABLE "wave" ADD "draft" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "wave" ADD "services" character varying(16) array NOT NULL DEFAULT '{children,adults}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "replaced_link_code" ADD CONSTRAINT "FK_ef7692893cedcb276e5b463579a" FOREIGN KEY ("survey_link_id") REFERENCES "survey_link"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "replaced_link_code" DROP CONSTRAINT "FK_ef7692893cedcb276e5b463579a"`,
    );
    await queryRunner.query(`ALTER TABLE "wave" DROP COLUMN "services"`);
    await queryRunner.query(`ALTER TABLE "wave" DROP COLUMN "draft"`);
    await queryRunner.query(`DROP INDEX "public"."ix_replaced_link_code_link"`);
    await queryRunner.query(`DROP TABLE "replaced_link_code"`);
    await queryRunner.query(
      `UPDATE "instrument" SET "survey_json_by_service" = "survey_json_by_service" -> 'children'`,
    );
    await queryRunner.query(
      `ALTER TABLE "instrument" RENAME COLUMN "survey_json_by_service" TO "survey_json"`,
    );
  }
}
