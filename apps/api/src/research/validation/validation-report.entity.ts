import type { ValidationReport } from '@swhc/contracts';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A computed validation report, kept for the set of closed waves it covers: closed waves never
 * change, so it is computed once per set and again only when another wave of the version closes.
 */
@Entity('validation_report')
@Unique('uq_validation_report_waves', ['instrumentKey', 'instrumentVersion', 'wavesKey'])
export class ValidationReportRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  instrumentKey: string;

  @Column({ type: 'integer' })
  instrumentVersion: number;

  /** The closed waves' ids, sorted and joined, plus the computation's version. */
  @Column({ type: 'text' })
  wavesKey: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'jsonb' })
  report: ValidationReport;
}
