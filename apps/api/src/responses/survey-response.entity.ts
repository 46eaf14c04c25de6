import type { Answers, ServiceKind } from '@swhc/contracts';
import type { ScaleScores } from '@swhc/instruments';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SurveyLink } from '../waves/survey-link.entity';

/**
 * One anonymous response. It deliberately has no IP address, user agent, cookie, account or exact
 * time: only the day it arrived.
 */
@Entity('survey_response')
@Index('ix_survey_response_wave_organisation_service', ['waveId', 'organisationId', 'service'])
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Client-generated; the unique constraint makes retried submissions count once. */
  @Index('uq_survey_response_submission_id', { unique: true })
  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => SurveyLink, { nullable: false, onDelete: 'RESTRICT' })
  surveyLink: SurveyLink;

  @Column({ type: 'uuid' })
  surveyLinkId: string;

  // Copied from the link so reports group without joins.
  @Column({ type: 'uuid' })
  waveId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 16 })
  service: ServiceKind;

  @Column({ type: 'jsonb' })
  answers: Answers;

  @Column({ type: 'jsonb' })
  scores: ScaleScores;

  /** SHA-256 of the canonical answers: tells a replay (same answers) from a conflict. */
  @Column({ type: 'char', length: 64 })
  answersDigest: string;

  @Column({ type: 'date' })
  submittedOn: string;
}
