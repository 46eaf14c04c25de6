import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type PollAudience, londonDate } from '@swhc/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '../../database/query-rows';
import { sealAnswers } from '../answers/answer-sealer';
import { DeliveryDispatcher } from '../delivery/delivery-dispatcher';
import { MailRateLimiter } from '../delivery/mail-rate-limiter';
import { MembersService } from '../members/members.service';

/** Answers may still be committing at the closing instant; sealing waits this long after it. */
const SEAL_AFTER_CLOSE_MS = 60_000;

export interface TickReport {
  readonly opened: number;
  readonly invitations: number;
  readonly reminders: number;
  readonly sealed: number;
}

/**
 * The panel's clock, run every minute by the job queue (and at once when a poll is created): opens
 * polls (one invitation and one queued email per member in the audience), queues the one reminder,
 * seals the answers of closed polls and deletes what has expired. Every step is guarded by a
 * conditional UPDATE, so two instances ticking at once do each thing once.
 */
@Injectable()
export class PanelScheduler {
  private readonly logger = new Logger('PanelScheduler');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly members: MembersService,
    private readonly rateLimiter: MailRateLimiter,
  ) {}

  async tick(now = new Date()): Promise<TickReport> {
    const opened = await this.openDuePolls(now);
    const reminders = await this.queueDueReminders(now);
    const sealed = await this.sealClosedPolls(now);
    await this.members.purgeExpired(now);
    await this.rateLimiter.prune();
    return {
      opened: opened.polls,
      invitations: opened.deliveries,
      reminders,
      sealed,
    };
  }

  private async openDuePolls(now: Date): Promise<{ polls: number; deliveries: number }> {
    const due: { id: string; audience: PollAudience }[] = await this.dataSource.query(
      `SELECT id, audience FROM poll
        WHERE invitations_queued_at IS NULL AND opens_at <= $1 AND closes_at > $1
        ORDER BY opens_at`,
      [now],
    );
    let deliveries = 0;
    let polls = 0;
    for (const poll of due) {
      const ids = await this.dataSource.transaction(async (manager) => {
        if (!(await claimStep(manager, poll.id, 'invitations_queued_at', now))) return [];
        await manager.query(
          `INSERT INTO poll_invitation (poll_id, member_id)
           SELECT $1, m.id FROM panel_member m
            WHERE m.confirmed_at IS NOT NULL
              AND (m.paused_until IS NULL OR m.paused_until <= $2::date)
              AND ($3::text[] IS NULL OR m.service = ANY($3::text[]))
              AND ($4::text[] IS NULL OR m.role = ANY($4::text[]))
              AND ($5::text[] IS NULL OR m.region = ANY($5::text[]))`,
          [
            poll.id,
            londonDate(now),
            poll.audience.services ?? null,
            poll.audience.roles ?? null,
            poll.audience.regions ?? null,
          ],
        );
        const queued: { id: string }[] = await manager.query(
          `INSERT INTO panel_delivery (kind, member_id, invitation_id, poll_id)
           SELECT 'invitation', member_id, id, poll_id FROM poll_invitation WHERE poll_id = $1
           RETURNING id`,
          [poll.id],
        );
        const ids = queued.map((r) => r.id);
        await this.dispatcher.dispatch(ids, { transaction: manager });
        return ids;
      });
      if (ids.length === 0) continue;
      polls += 1;
      deliveries += ids.length;
      this.logger.log(`Poll ${poll.id} opened: ${ids.length} invitations queued`);
    }
    return { polls, deliveries };
  }

  private async queueDueReminders(now: Date): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM poll
        WHERE reminders_queued_at IS NULL AND invitations_queued_at IS NOT NULL
          AND remind_at <= $1 AND closes_at > $1`,
      [now],
    );
    let total = 0;
    for (const poll of due) {
      const ids = await this.dataSource.transaction(async (manager) => {
        if (!(await claimStep(manager, poll.id, 'reminders_queued_at', now))) return [];
        // Not to those who answered, paused since, or whose invitation bounced.
        const queued: { id: string }[] = await manager.query(
          `INSERT INTO panel_delivery (kind, member_id, invitation_id, poll_id)
           SELECT 'reminder', i.member_id, i.id, i.poll_id
             FROM poll_invitation i JOIN panel_member m ON m.id = i.member_id
            WHERE i.poll_id = $1 AND NOT i.used
              AND (m.paused_until IS NULL OR m.paused_until <= $2::date)
              AND NOT EXISTS (SELECT 1 FROM panel_delivery d
                               WHERE d.invitation_id = i.id AND d.state = 'bounced')
           RETURNING id`,
          [poll.id, londonDate(now)],
        );
        const ids = queued.map((r) => r.id);
        await this.dispatcher.dispatch(ids, { transaction: manager });
        return ids;
      });
      total += ids.length;
    }
    return total;
  }

  private async sealClosedPolls(now: Date): Promise<number> {
    const closed: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM poll p
        WHERE p.closes_at <= $1
          AND (p.answers_sealed_at IS NULL
               OR EXISTS (SELECT 1 FROM poll_answer_intake a WHERE a.poll_id = p.id))`,
      [new Date(now.getTime() - SEAL_AFTER_CLOSE_MS)],
    );
    for (const poll of closed) {
      await this.dataSource.transaction((manager) => sealAnswers(manager, poll.id, now));
    }
    return closed.length;
  }
}

/** Marks a poll's step done; false when another tick already did it. */
async function claimStep(
  manager: EntityManager,
  pollId: string,
  column: 'invitations_queued_at' | 'reminders_queued_at',
  now: Date,
): Promise<boolean> {
  const rows = queryRows<{ id: string }>(
    await manager.query(
      `UPDATE poll SET ${column} = $2 WHERE id = $1 AND ${column} IS NULL RETURNING id`,
      [pollId, now],
    ),
  );
  return rows.length > 0;
}
