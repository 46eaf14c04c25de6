import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PanelMember } from '../members/panel-member.entity';
import { Poll } from '../polls/poll.entity';

/**
 * "This member was asked, and has (or has not) answered". Deliberately nothing about what, or when,
 * they answered: the answers are in poll_answer with no key, time or order that leads back here.
 */
@Entity('poll_invitation')
@Index('uq_poll_invitation_poll_member', ['pollId', 'memberId'], { unique: true })
@Index('ix_poll_invitation_poll_used', ['pollId', 'used'])
export class PollInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Poll, { nullable: false, onDelete: 'CASCADE' })
  poll: Poll;

  @Column({ type: 'uuid' })
  pollId: string;

  /** Null once the member has left: the invitation still counts, but can no longer be used. */
  @ManyToOne(() => PanelMember, { nullable: true, onDelete: 'SET NULL' })
  member: PanelMember | null;

  @Column({ type: 'uuid', nullable: true })
  memberId: string | null;

  @Column({ type: 'boolean', default: false })
  used: boolean;

  /** The browser's id for the one accepted answer, so its retries are recognised. */
  @Column({ type: 'uuid', nullable: true })
  submissionId: string | null;
}
