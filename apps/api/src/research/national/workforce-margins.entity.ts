import type { ServiceKind, WorkforceMarginCounts } from '@swhc/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The workforce's counts per role and region an administrator entered for one service (e.g. from the
 * national workforce census); national figures are raked to them.
 */
@Entity('workforce_margins')
export class WorkforceMarginsRecord {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  service: ServiceKind;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'jsonb' })
  margins: WorkforceMarginCounts;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  /** The administrator's account, for the audit trail beside the audit log. */
  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;
}
