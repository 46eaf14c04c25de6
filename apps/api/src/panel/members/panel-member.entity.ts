import type { PanelRole, ServiceKind } from '@swhc/contracts';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';

/**
 * Someone who joined the panel. Their contact details and profile live here and nowhere else; leaving
 * deletes the row (answers never pointed at it). Unconfirmed sign-ups are deleted when they expire.
 */
@Entity('panel_member')
@Index('ix_panel_member_pending_expiry', ['expiresAt'])
export class PanelMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Trimmed and lower-cased, so one person is one member. */
  @Index('uq_panel_member_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** The employing local authority; null when the employer is not an LA. */
  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'SET NULL' })
  organisation: Organisation | null;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 32 })
  role: PanelRole;

  @Column({ type: 'varchar', length: 16 })
  service: ServiceKind;

  @Column({ type: 'varchar', length: 64 })
  region: string;

  /** When they ticked the consent box (the record that they agreed). */
  @Column({ type: 'timestamptz' })
  consentedAt: Date;

  /** Null until the emailed link is followed: a pending sign-up gets no polls. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** A pending sign-up is deleted after this; null once confirmed. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** London date the pause ends (no polls before it); null when not paused. */
  @Column({ type: 'date', nullable: true })
  pausedUntil: string | null;
}
