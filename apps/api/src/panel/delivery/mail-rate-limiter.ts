import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';

/** Slots of one minute's sending. */
export interface RateSlots {
  readonly granted: number;
  readonly minute: Date;
}

/**
 * MAIL_RATE_PER_MINUTE for all instances together: a counter per clock minute in PostgreSQL (the
 * database's clock, so instances agree). A slot is taken in one statement; when the minute is full the
 * sender waits for the next one.
 */
@Injectable()
export class MailRateLimiter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Takes up to `wanted` slots of the current minute; returns how many it got (0 when full) and the
   * minute they are in, for giving back the ones not used.
   */
  take(wanted: number): Promise<RateSlots> {
    const limit = this.config.mail.ratePerMinute;
    return this.dataSource.transaction(async (manager) => {
      // now() is the transaction's start: the three statements agree on the minute.
      await manager.query(
        `INSERT INTO mail_rate_window (minute, sent) VALUES (date_trunc('minute', now()), 0)
         ON CONFLICT (minute) DO NOTHING`,
      );
      const rows: { sent: number; minute: Date }[] = await manager.query(
        `SELECT sent, minute FROM mail_rate_window WHERE minute = date_trunc('minute', now()) FOR UPDATE`,
      );
      const row = rows[0];
      const granted = Math.max(0, Math.min(wanted, limit - (row?.sent ?? limit)));
      if (granted > 0) {
        await manager.query(
          `UPDATE mail_rate_window SET sent = sent + $1 WHERE minute = date_trunc('minute', now())`,
          [granted],
        );
      }
      return { granted, minute: row?.minute ?? new Date(0) };
    });
  }

  /**
   * Returns slots taken but not used (their emails had been sent by another job), so a second job
   * for the same emails does not eat into the minute's sending.
   */
  async giveBack(slots: RateSlots, unused: number): Promise<void> {
    if (unused <= 0) return;
    await this.dataSource.query(
      `UPDATE mail_rate_window SET sent = GREATEST(0, sent - $2) WHERE minute = $1`,
      [slots.minute, unused],
    );
  }

  /** Milliseconds until the next clock minute of the database. */
  async untilNextMinute(): Promise<number> {
    const rows: { ms: string }[] = await this.dataSource.query(
      `SELECT CEIL(EXTRACT(EPOCH FROM (date_trunc('minute', now()) + interval '1 minute' - now())) * 1000)::text AS ms`,
    );
    return Math.max(1, Number(rows[0]?.ms ?? 60_000));
  }

  /** Forgets minutes older than an hour. */
  async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM mail_rate_window WHERE minute < now() - interval '1 hour'`,
    );
  }
}
