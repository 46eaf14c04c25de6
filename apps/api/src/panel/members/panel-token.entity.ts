import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { PollInvitation } from '../answers/poll-invitation.entity';
import { PanelMember } from './panel-member.entity';

/** What a link lets its holder do: confirm a sign-up, manage the membership, or answer one poll. */
export type PanelTokenPurpose = 'confirm' | 'manage' | 'poll';

/**
 * A link sent to a member. Only the SHA-256 of its random token is kept, so a copy of the database
 * holds no working links. Confirmation links are single-use; manage links may be used until they
 * expire; a poll link answers once (its invitation is then used) and expires when the poll closes.
 * Every email gets links of its own, so sending one again never breaks the links of the first.
 */
@Entity('panel_token')
export class PanelToken {
  @PrimaryColumn({ type: 'char', length: 64 })
  tokenHash: string;

  @ManyToOne(() => PanelMember, { nullable: false, onDelete: 'CASCADE' })
  member: PanelMember;

  @Index('ix_panel_token_member')
  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: PanelTokenPurpose;

  /** For a poll link: the invitation it answers. */
  @ManyToOne(() => PollInvitation, { nullable: true, onDelete: 'CASCADE' })
  invitation: PollInvitation | null;

  @Index('ix_panel_token_invitation')
  @Column({ type: 'uuid', nullable: true })
  invitationId: string | null;

  @Index('ix_panel_token_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
