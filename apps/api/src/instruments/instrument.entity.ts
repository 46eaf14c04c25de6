import type { ServiceKind } from '@swhc/contracts';
import type { InstrumentDefinition, SurveyJson } from '@swhc/instruments';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A published instrument version, stored as it was published; never updated afterwards. */
@Entity('instrument')
@Unique('uq_instrument_key_version', ['key', 'version'])
export class Instrument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'jsonb' })
  definition: InstrumentDefinition;

  /** The SurveyJS JSON each service's respondents see (they differ where choices differ). */
  @Column({ type: 'jsonb' })
  surveyJsonByService: Record<ServiceKind, SurveyJson>;

  /** SHA-256 of the definition: a changed published version is refused at boot. */
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;
}
