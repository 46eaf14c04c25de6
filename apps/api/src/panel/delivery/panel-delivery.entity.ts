import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { PanelMember } from '../members/panel-member.entity';
import { PollInvitation } from '../answers/poll-invitation.entity';

/** The emails the panel sends. */
export type PanelEmailKind = 'confirm' | 'already-member' | 'goodbye' | 'invitation' | 'reminder';

/**
 * queued → sending → sent; a refused recipient → bounced; a network or server failure → retrying
 * (with back-off) and in the end failed; cancelled when the member left before it went.
 */
export type DeliveryState =
  'queued' | 'sending' | 'retrying' | 'sent' | 'bounced' | 'failed' | 'cancelled';

/**
 * One email to send, and how far it got. The row, not the job queue, decides whether an email goes:
 * a job claims it (queued → sending) in one statement, so a second job or instance finds nothing to do.
 */
@Entity('panel_delivery')
@Index('ix_panel_delivery_poll_kind_state', ['pollId', 'kind', 'state'])
export class PanelDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PanelEmailKind;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  state: DeliveryState;

  @ManyToOne(() => PanelMember, { nullable: true, onDelete: 'SET NULL' })
  member: PanelMember | null;

  @Index('ix_panel_delivery_member')
  @Column({ type: 'uuid', nullable: true })
  memberId: string | null;

  @ManyToOne(() => PollInvitation, { nullable: true, onDelete: 'CASCADE' })
  invitation: PollInvitation | null;

  @Index('ix_panel_delivery_invitation')
  @Column({ type: 'uuid', nullable: true })
  invitationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  pollId: string | null;

  /**
   * Only for the goodbye email, whose member row is already gone: the address is kept until the email
   * has gone (or failed for good) and then erased.
   */
  @Column({ type: 'varchar', length: 254, nullable: true })
  recipient: string | null;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  /** When a sender claimed it; a claim older than the send timeout is taken to be a crashed sender's. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** e.g. "SMTP 550"; never the address or the link. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
