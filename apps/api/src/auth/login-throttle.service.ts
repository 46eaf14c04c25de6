import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { LoginThrottle } from './login-throttle.entity';
import { afterFailure, lockedUntil, type ThrottleRule } from './login-throttle-policy';

export interface ThrottleKey {
  readonly key: string;
  readonly rule: ThrottleRule;
}

/** Counts failed sign-ins per key in login_throttle (see login-throttle-policy.ts for the rules). */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The latest time any of the keys is locked until, or null when sign-in may be tried. */
  async lockedUntil(keys: readonly ThrottleKey[], now = new Date()): Promise<Date | null> {
    const rows = await this.dataSource
      .getRepository(LoginThrottle)
      .findBy({ key: In(keys.map((k) => k.key)) });
    const times = rows
      .map((row) => lockedUntil(row, now))
      .filter((t): t is Date => t !== null)
      .map((t) => t.getTime());
    return times.length > 0 ? new Date(Math.max(...times)) : null;
  }

  /** Counts one failure against each key; the row is locked while it is updated. */
  async recordFailure(keys: readonly ThrottleKey[], now = new Date()): Promise<void> {
    for (const { key, rule } of keys) {
      await this.dataSource.transaction(async (manager) => {
        await manager
          .createQueryBuilder()
          .insert()
          .into(LoginThrottle)
          .values({ key, failures: 0, windowStartedAt: now, lockedUntil: null })
          .orIgnore()
          .execute();
        const row = await manager.findOne(LoginThrottle, {
          where: { key },
          lock: { mode: 'pessimistic_write' },
        });
        const next = afterFailure(row && row.failures > 0 ? row : null, now, rule);
        await manager.update(LoginThrottle, { key }, next);
      });
    }
  }

  /** Forgets counts whose window has passed and that lock nothing (typed emails pile up otherwise). */
  async purgeStale(now = new Date(), olderThanMs = 60 * 60 * 1000): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(LoginThrottle)
      .where('window_started_at < :cutoff AND (locked_until IS NULL OR locked_until < :now)', {
        cutoff: new Date(now.getTime() - olderThanMs),
        now,
      })
      .execute();
  }

  /** After a successful sign-in the account starts afresh (the network count stays). */
  async clear(key: string): Promise<void> {
    await this.dataSource.getRepository(LoginThrottle).delete({ key });
  }
}
