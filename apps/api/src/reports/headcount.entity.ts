import type { ServiceKind } from '@swhc/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How many social workers an LA's service employs in a wave: the response rate's denominator. */
@Entity('headcount')
export class Headcount {
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ type: 'uuid' })
  waveId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  service: ServiceKind;

  @Column({ type: 'integer' })
  headcount: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
