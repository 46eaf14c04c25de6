import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffAccount } from '../accounts/staff-account.entity';

/** A server-side sign-in session; the cookie holds a random token whose SHA-256 is the id. */
@Entity('staff_session')
export class StaffSession {
  /** SHA-256 (hex) of the cookie token, so a database read does not yield usable cookies. */
  @PrimaryColumn({ type: 'char', length: 64 })
  id: string;

  @ManyToOne(() => StaffAccount, { nullable: false, onDelete: 'CASCADE' })
  staffAccount: StaffAccount;

  @Index('ix_staff_session_account')
  @Column({ type: 'uuid' })
  staffAccountId: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  /** Absolute end, however active the session is. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
