import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Platform settings an admin may change, e.g. the minimum group size K. */
@Entity('setting')
export class Setting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'jsonb' })
  value: string | number | boolean | Readonly<Record<string, unknown>>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
