import { EMAIL_MAX_LENGTH, type StaffRoleName } from '@swhc/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';

/** A signed-in user of the platform (never a respondent). PSWs are bound to one or more LAs. */
@Entity('staff_account')
export class StaffAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased. */
  @Column({ type: 'varchar', length: EMAIL_MAX_LENGTH, unique: true })
  email: string;

  /** argon2id encoded hash. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: StaffRoleName;

  @ManyToMany(() => Organisation)
  @JoinTable({
    name: 'staff_account_organisation',
    joinColumn: { name: 'staff_account_id' },
    inverseJoinColumn: { name: 'organisation_id' },
  })
  organisations: Organisation[];

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
