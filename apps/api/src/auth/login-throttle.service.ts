import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql';
import type { ThrottleRule } from './login-throttle-policy';

export interface ThrottleKey {
  readonly key: string;
  readonly rule: ThrottleRule;
}

/** One key's row as the attempt left it. */
export interface CountedKey {
  readonly key: string;
  readonly rule: ThrottleRule;
  /** Attempts counted in the current window, this one included (unless it was refused). */
  readonly failures: number;
  readonly windowStartedAt: Date;
  readonly lockedUntil: Date | null;
  /** Attempts refused during the current lock, this one included; 0 when this one was admitted. */
  readonly refused: number;
}

/** What counting an attempt decided: check the password, or refuse without checking. */
export type CountedAttempt =
  | { readonly admitted: true; readonly network: CountedKey; readonly account: CountedKey }
  | {
      readonly admitted: false;
      /** The key that refused it, with how many attempts it has refused during this lock. */
      readonly refusedBy: CountedKey;
      readonly lockedUntil: Date;
    };

interface CountedRow {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
  refused: number;
}

/**
 * The upsert that counts one attempt against one key, as SQL over the old row `t`. While the key
 * is locked the attempt is refused (only `refused` goes up); when its window has passed or its lock
 * has ended, counting starts afresh; the attempt that reaches the rule's limit locks the key.
 */
function countAttempt(key: string, rule: string, now: string, when = 'true'): string {
  const of = (column: string) => `(SELECT ${column} FROM ${rule})`;
  const locked = `coalesce(t.locked_until > ${now}, false)`;
  const fresh = `(t.window_started_at <= ${now} - ${of('span')} OR coalesce(t.locked_until <= ${now}, false))`;
  const next = `CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END`;
  return `INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until, refused)
      SELECT ${key}, 1, ${now}, CASE WHEN max_failures <= 1 THEN ${now} + lock_for END, 0
        FROM ${rule} WHERE ${when}
      ON CONFLICT (key) DO UPDATE SET
        refused = CASE WHEN ${locked} THEN t.refused + 1 ELSE 0 END,
        failures = CASE WHEN ${locked} THEN t.failures ELSE ${next} END,
        window_started_at = CASE WHEN ${locked} OR NOT ${fresh} THEN t.window_started_at ELSE ${now} END,
        locked_until = CASE WHEN ${locked} THEN t.locked_until
                            WHEN ${next} >= ${of('max_failures')} THEN ${now} + ${of('lock_for')} END
      RETURNING key, failures, window_started_at, locked_until, refused`;
}

/**
 * Counts sign-in attempts per key in login_throttle (rules in login-throttle-policy.ts). Every
 * attempt is counted before its password is checked, in one statement, so concurrent attempts
 * cannot all slip through while the checks run; a success then takes back only its own count.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly sql: Sql) {}

  /**
   * Counts one attempt against the network key and then, unless the network refused it, the
   * account key (so a locked network adds no row per email tried). One statement.
   */
  async countAttempt(
    network: ThrottleKey,
    account: ThrottleKey,
    now = new Date(),
  ): Promise<CountedAttempt> {
    const rule = (i: number) =>
      `SELECT $${i}::int AS max_failures, $${i + 1}::int * interval '1 millisecond' AS span,
              $${i + 2}::int * interval '1 millisecond' AS lock_for`;
    const rows = await this.sql.rows<CountedRow>(
      `WITH network_rule AS (${rule(3)}), account_rule AS (${rule(6)}),
       network AS (${countAttempt('$1', 'network_rule', '$9::timestamptz')}),
       account AS (${countAttempt('$2', 'account_rule', '$9::timestamptz', '(SELECT refused FROM network) = 0')})
       SELECT * FROM network UNION ALL SELECT * FROM account`,
      [
        network.key,
        account.key,
        network.rule.maxFailures,
        network.rule.windowMs,
        network.rule.lockMs,
        account.rule.maxFailures,
        account.rule.windowMs,
        account.rule.lockMs,
        now,
      ],
    );
    const counted = (wanted: ThrottleKey): CountedKey | undefined => {
      const row = rows.find((r) => r.key === wanted.key);
      return row
        ? {
            key: row.key,
            rule: wanted.rule,
            failures: row.failures,
            windowStartedAt: row.window_started_at,
            lockedUntil: row.locked_until,
            refused: row.refused,
          }
        : undefined;
    };
    const byNetwork = counted(network);
    const byAccount = counted(account);
    if (!byNetwork) throw new Error('The throttle upsert returned no network row');
    for (const key of [byNetwork, byAccount]) {
      if (key && key.refused > 0 && key.lockedUntil) {
        return { admitted: false, refusedBy: key, lockedUntil: key.lockedUntil };
      }
    }
    if (!byAccount) throw new Error('The throttle upsert returned no account row');
    return { admitted: true, network: byNetwork, account: byAccount };
  }

  /**
   * After a successful sign-in: each key takes back this attempt's count (and the lock it may have
   * set). The account starts afresh only when nothing was counted after this attempt, so a success
   * never erases failures that raced it.
   */
  async recordSuccess(attempt: { network: CountedKey; account: CountedKey }): Promise<void> {
    const { network, account } = attempt;
    const cleared = await this.sql.count(
      `DELETE FROM login_throttle
        WHERE key = $1 AND failures = $2 AND window_started_at = $3 AND refused = 0`,
      [account.key, account.failures, account.windowStartedAt],
    );
    for (const key of cleared > 0 ? [network] : [network, account]) {
      await this.sql.count(
        `UPDATE login_throttle SET failures = failures - 1,
                locked_until = CASE WHEN refused = 0 AND failures - 1 < $3 THEN NULL ELSE locked_until END
          WHERE key = $1 AND window_started_at = $2 AND failures > 0`,
        [key.key, key.windowStartedAt, key.rule.maxFailures],
      );
    }
  }

  /** Forgets counts whose window has passed and that lock nothing (typed emails pile up otherwise). */
  async purgeStale(now = new Date(), olderThanMs = 60 * 60 * 1000): Promise<void> {
    await this.sql.count(
      `DELETE FROM login_throttle
        WHERE window_started_at < $1 AND (locked_until IS NULL OR locked_until < $2)`,
      [new Date(now.getTime() - olderThanMs), now],
    );
  }

  /** An administrator set a new password: the account starts afresh (the network count stays). */
  async clear(key: string): Promise<void> {
    await this.sql.count('DELETE FROM login_throttle WHERE key = $1', [key]);
  }
}
