import type { PollAudience } from '@swhc/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One poll: when it is open, who is asked, and how far its emails have got. */
@Entity('poll')
@Index('ix_poll_opens_at', ['opensAt'])
export class Poll {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  /** When the one reminder goes to those who have not answered (see reminderTime). */
  @Column({ type: 'timestamptz' })
  remindAt: Date;

  /** Filters on the members' service, role and region; empty means every active member. */
  @Column({ type: 'jsonb' })
  audience: PollAudience;

  @Column({ type: 'uuid', nullable: true })
  createdByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When its invitations were created and queued (once, when it opened). */
  @Column({ type: 'timestamptz', nullable: true })
  invitationsQueuedAt: Date | null;

  /** When the one reminder was queued. */
  @Column({ type: 'timestamptz', nullable: true })
  remindersQueuedAt: Date | null;

  /** When its answers were moved, shuffled, from intake to poll_answer (after it closed). */
  @Column({ type: 'timestamptz', nullable: true })
  answersSealedAt: Date | null;
}
