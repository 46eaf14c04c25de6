import type { Answers, PanelRole, ServiceKind } from '@swhc/contracts';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Poll } from '../polls/poll.entity';

/**
 * Answers of an open poll, held until it closes. They are written in the same transaction that marks
 * the invitation used (so an acknowledged answer is never lost and a link answers once), which leaves
 * them in the same order as the invitations: sealing moves them all at once, shuffled, to poll_answer.
 */
@Entity('poll_answer_intake')
@Index('ix_poll_answer_intake_poll', ['pollId'])
export class PollAnswerIntake {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Poll, { nullable: false, onDelete: 'CASCADE' })
  poll: Poll;

  @Column({ type: 'uuid' })
  pollId: string;

  @Column({ type: 'varchar', length: 16 })
  service: ServiceKind;

  @Column({ type: 'varchar', length: 32 })
  role: PanelRole;

  @Column({ type: 'varchar', length: 64 })
  region: string;

  @Column({ type: 'jsonb' })
  answers: Answers;
}
