import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-in counts per key (an account's email, or coarsely a client address). */
@Entity('login_throttle')
export class LoginThrottle {
  /** e.g. `account:someone@la.gov.uk` or `ip:203.0.113.0/24`. */
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** Attempts refused while locked, counted instead of stored one by one (bounded under attack). */
  @Column({ type: 'integer', default: 0 })
  refused: number;
}
