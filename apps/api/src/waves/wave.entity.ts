import type { ServiceKind } from '@swhc/contracts';
import { WAVE_NAME_MAX_LENGTH } from '@swhc/contracts';
import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Instrument } from '../instruments/instrument.entity';

/**
 * One run of an instrument, e.g. "Health Check 2026", open between two instants (entered in London
 * time). Its state (draft, scheduled, open, closed) follows from `draft` and the clock: see
 * wave-state.ts.
 */
@Entity('wave')
export class Wave {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: WAVE_NAME_MAX_LENGTH, unique: true })
  name: string;

  @ManyToOne(() => Instrument, { nullable: false, onDelete: 'RESTRICT' })
  instrument: Instrument;

  @Column({ type: 'uuid' })
  instrumentId: string;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  /** Being prepared: seen by administrators only, and nobody can enrol yet. */
  @Column({ type: 'boolean', default: false })
  draft: boolean;

  /** The services this wave runs for. */
  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{children,adults}'" })
  services: ServiceKind[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
