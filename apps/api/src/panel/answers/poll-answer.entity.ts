import type { Answers, PanelRole, ServiceKind } from '@swhc/contracts';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Poll } from '../polls/poll.entity';

/**
 * One member's answers to a poll, with only the coarse attributes they had when answering. No member,
 * invitation, token, time or sequence: ids are random and rows are written in shuffled batches when the
 * poll closes (see AnswerSealer), so neither the id, the time nor the storage order leads to a person.
 */
@Entity('poll_answer')
@Index('ix_poll_answer_poll', ['pollId'])
export class PollAnswer {
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
