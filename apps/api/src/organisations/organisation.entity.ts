import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An upper-tier local authority (the employer of children's and adults' social workers). */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** ONS GSS code, e.g. E06000001. */
  @Column({ type: 'varchar', length: 9, unique: true })
  gssCode: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  officialName: string;

  /** UA, MD, LBO, CTY, CC or SRA. */
  @Column({ type: 'varchar', length: 8 })
  type: string;

  @Column({ type: 'varchar', length: 100 })
  region: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
