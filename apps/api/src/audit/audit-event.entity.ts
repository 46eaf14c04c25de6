import { EMAIL_MAX_LENGTH } from '@swhc/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what, when, in which role: sign-ins, failed sign-ins, report views, permission denials,
 * account changes. Never answers or other response content.
 */
@Entity('audit_event')
@Index('ix_audit_event_occurred_at', ['occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** e.g. sign-in, sign-in-failed, sign-out, report-viewed, permission-denied, account-created. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'uuid', nullable: true })
  actorAccountId: string | null;

  /** The email as typed for failed sign-ins; the account's email otherwise. */
  @Column({ type: 'varchar', length: EMAIL_MAX_LENGTH, nullable: true })
  actorEmail: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  /** What was acted on, e.g. `organisation:E06000001` or a route. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  target: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, string | number | boolean | null> | null;
}
