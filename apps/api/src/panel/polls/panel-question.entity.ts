import type { PollQuestionInput } from '@swhc/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A question as members saw it. Never edited: a poll that asks it again refers to this row, which is
 * what makes a trend a trend (same wording, same answers).
 */
@Entity('panel_question')
export class PanelQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Keys the answers; unique across all polls. */
  @Index('uq_panel_question_name', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  name: string;

  /** Type, wording, choices and the declared two-way split. */
  @Column({ type: 'jsonb' })
  definition: PollQuestionInput;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
