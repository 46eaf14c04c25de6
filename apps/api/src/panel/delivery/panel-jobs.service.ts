import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock, nowOf } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { defineQueue } from '../../jobs/job-queue';
import { JobsService } from '../../jobs/jobs.service';
import { PanelScheduler } from '../polls/panel-scheduler.service';
import { DeliveryDispatcher, type DispatchOptions } from './delivery-dispatcher';
import { MAX_DELIVERY_ATTEMPTS, PanelMailer } from './panel-mailer.service';

/** Emails per job: a batch is claimed, sent over the pool and recorded together. */
export const EMAILS_PER_JOB = 50;

/**
 * Sends panel emails: one job carries the ids of up to 50 queued emails (never an address, a link or
 * an answer). A job whose emails could not all go (network, 4xx) fails and is retried with growing
 * delays; the emails already sent are skipped, as their rows say so.
 */
export const PANEL_EMAILS = defineQueue<{ deliveryIds: string[] }>('panel-emails', {
  retryLimit: MAX_DELIVERY_ATTEMPTS + 1,
  retryDelaySeconds: 30,
  // Longer than the wait for a full minute's rate limit plus sending a batch.
  expireInSeconds: 15 * 60,
});

/** The panel's minute clock: opens polls, queues reminders, seals closed polls, cleans up. */
export const PANEL_CLOCK = defineQueue<Record<string, never>>('panel-clock', {
  retryLimit: 0,
  expireInSeconds: 10 * 60,
});

/** The email queue: its worker, and the dispatcher the rest of the panel queues emails with. */
@Injectable()
export class PanelEmailJobs
  extends DeliveryDispatcher
  implements OnModuleInit, OnApplicationBootstrap
{
  private readonly logger = new Logger('PanelEmails');

  constructor(
    private readonly jobs: JobsService,
    private readonly mailer: PanelMailer,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  onModuleInit(): void {
    this.jobs.work(
      PANEL_EMAILS,
      async ({ deliveryIds }) => {
        const outcomes = await this.mailer.deliver(deliveryIds);
        const retry = [...outcomes.values()].filter((o) => o === 'retry').length;
        if (retry > 0) {
          throw new Error(`${retry} of ${deliveryIds.length} emails will be tried again`);
        }
      },
      { batchSize: 5 },
    );
  }

  onApplicationBootstrap(): void {
    // After every bootstrap hook (the job queue starts in one): pick up what a stopped or crashed
    // instance left half done, rather than waiting for its jobs to time out.
    setImmediate(() => {
      this.recoverStranded(true).catch((error: unknown) =>
        this.logger.error(`Recovering queued emails failed: ${String(error)}`),
      );
    });
  }

  async dispatch(deliveryIds: readonly string[], options: DispatchOptions = {}): Promise<void> {
    for (let start = 0; start < deliveryIds.length; start += EMAILS_PER_JOB) {
      await this.jobs.send(
        PANEL_EMAILS,
        { deliveryIds: deliveryIds.slice(start, start + EMAILS_PER_JOB) },
        options,
      );
    }
  }

  /**
   * Emails whose job may be gone: claimed by a sender that never finished (sent again once its claim
   * has timed out), and, at start-up, still queued (a killed instance's active job is retried by
   * pg-boss only when it expires). Otherwise a queued email always has its job: both are written in
   * one transaction.
   */
  async recoverStranded(atStartUp: boolean): Promise<void> {
    const timeout = this.config.mail.sendTimeoutSeconds;
    const rows: { id: string; due: Date | null }[] = await this.dataSource.query(
      `SELECT id, CASE WHEN state = 'sending' THEN claimed_at + make_interval(secs => $1 + 1) END AS due
         FROM panel_delivery
        WHERE (state = 'sending' AND ($2 OR claimed_at < now() - make_interval(secs => $1)))
           OR (state = 'queued' AND $2)
           OR (state = 'retrying' AND claimed_at < now() - interval '2 hours')
        ORDER BY created_at`,
      [timeout, atStartUp],
    );
    if (rows.length === 0) return;
    const now = nowOf(this.clock);
    const later = rows.filter((r) => r.due !== null && r.due > now);
    const soon = rows.filter((r) => !later.includes(r)).map((r) => r.id);
    await this.dispatch(soon);
    const latest = later.reduce((max, r) => (r.due && r.due > max ? r.due : max), now);
    await this.dispatch(
      later.map((r) => r.id),
      { startAfter: latest },
    );
    this.logger.log(`Queued again ${rows.length} emails left by a stopped sender`);
  }
}

/** The panel's minute: the scheduler's tick, then emails a stopped sender left behind. */
@Injectable()
export class PanelClock implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly scheduler: PanelScheduler,
    private readonly emails: PanelEmailJobs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.work(PANEL_CLOCK, async () => {
      await this.scheduler.tick(nowOf(this.clock));
      await this.emails.recoverStranded(false);
    });
    this.jobs.schedule(PANEL_CLOCK, '* * * * *', {});
  }
}
