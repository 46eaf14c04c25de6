import type { Answers, PanelRole, ServiceKind } from '@swhc/contracts';
import { Column, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Poll } from '../polls/poll.entity';

/**
 * What is stored of one member's answers to a poll: the answers and only the coarse attributes the
 * member had when answering. Two tables hold it — poll_answer_intake while the poll is open,
 * poll_answer once sealed — so they share these columns (each entity names its table and index).
 */
export abstract class PollAnswerColumns {
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
