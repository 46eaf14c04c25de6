import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { ResearchExport } from './research-export.entity';

/**
 * The ZIP of an export in pieces of about 1 MB, in order: kept in PostgreSQL with everything else,
 * so any app instance can serve the download, and written as it is made (memory stays flat).
 */
@Entity('research_export_chunk')
export class ResearchExportChunk {
  @PrimaryColumn({ type: 'uuid' })
  exportId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @ManyToOne(() => ResearchExport, { onDelete: 'CASCADE' })
  export: ResearchExport;

  @Column({ type: 'bytea' })
  data: Buffer;
}
