import type { ExportAnonymisationReport, ResearchExportState } from '@swhc/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One research export: who asked for what, how far it has got, and what anonymisation did. */
@Entity('research_export')
@Index('ix_research_export_requested_by', ['requestedBy', 'requestedAt'])
export class ResearchExport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The account that asked for it (only they, and administrators, may see and download it). */
  @Column({ type: 'uuid' })
  requestedBy: string;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  state: ResearchExportState;

  /** Empty when the export holds only polls. */
  @Column({ type: 'uuid', array: true })
  waveIds: string[];

  /** Closed panel polls (their ids only: poll answers carry no member). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  pollIds: string[];

  @Column({ type: 'jsonb' })
  variables: string[];

  @Column({ type: 'integer', default: 0 })
  rowsDone: number;

  @Column({ type: 'integer', nullable: true })
  rowsTotal: number | null;

  @Column({ type: 'real', default: 0 })
  progress: number;

  @Column({ type: 'jsonb', nullable: true })
  anonymisation: ExportAnonymisationReport | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: {
      to: (v: number | null) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  sizeBytes: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
