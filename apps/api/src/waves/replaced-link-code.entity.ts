import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { LINK_CODE_MAX_LENGTH } from './link-code';
import { SurveyLink } from './survey-link.entity';

/**
 * A code a survey link had before it was replaced (because it leaked). The link keeps its id, so
 * the responses that came through the old code keep counting; the old code answers 410 with its
 * own message, telling the respondent to ask for the new link.
 */
@Entity('replaced_link_code')
export class ReplacedLinkCode {
  @PrimaryColumn({ type: 'varchar', length: LINK_CODE_MAX_LENGTH })
  code: string;

  @ManyToOne(() => SurveyLink, { nullable: false, onDelete: 'CASCADE' })
  surveyLink: SurveyLink;

  @Index('ix_replaced_link_code_link')
  @Column({ type: 'uuid' })
  surveyLinkId: string;

  @Column({ type: 'timestamptz' })
  replacedAt: Date;
}
