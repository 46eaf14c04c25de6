import type { ServiceKind } from '@swhc/contracts';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { LINK_CODE_MAX_LENGTH } from './link-code';
import { Wave } from './wave.entity';

/** The link an LA's service shares with its staff for one wave; the code says nothing about a person. */
@Entity('survey_link')
@Unique('uq_survey_link_wave_organisation_service', ['waveId', 'organisationId', 'service'])
export class SurveyLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_survey_link_code', { unique: true })
  @Column({ type: 'varchar', length: LINK_CODE_MAX_LENGTH })
  code: string;

  @ManyToOne(() => Wave, { nullable: false, onDelete: 'RESTRICT' })
  wave: Wave;

  @Column({ type: 'uuid' })
  waveId: string;

  @ManyToOne(() => Organisation, { nullable: false, onDelete: 'RESTRICT' })
  organisation: Organisation;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 16 })
  service: ServiceKind;
}
