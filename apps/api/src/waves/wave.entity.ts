import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Instrument } from '../instruments/instrument.entity';

/** One run of an instrument, e.g. "Health Check 2026", open between two dates. */
@Entity('wave')
export class Wave {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  name: string;

  @ManyToOne(() => Instrument, { nullable: false, onDelete: 'RESTRICT' })
  instrument: Instrument;

  @Column({ type: 'uuid' })
  instrumentId: string;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
