import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ACCOUNT_RULE, NETWORK_RULE } from '../auth/login-throttle-policy';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { CLOCK, type Clock, DAY_MS, nowOf } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { defineQueue } from '../jobs/job-queue';
import { JobsService } from '../jobs/jobs.service';

/** The daily clean-up of records kept only for a while. */
export const RETENTION_CLEAN_UP = defineQueue<Record<string, never>>('retention-clean-up');

/** 03:15 UTC every day, a quiet hour for English councils. */
export const RETENTION_CLEAN_UP_CRON = '15 3 * * *';

/** After its window a throttle row counts nothing (the next failure starts a new window). */
const LONGEST_THROTTLE_WINDOW_MS = Math.max(ACCOUNT_RULE.windowMs, NETWORK_RULE.windowMs);

/**
 * Keeps the tables that grow with every sign-in bounded: audit events older than
 * AUDIT_RETENTION_DAYS, and sign-in throttle rows whose window is over and that lock nothing.
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  onModuleInit(): void {
    this.jobs.work(RETENTION_CLEAN_UP, async () => {
      await this.cleanUp(nowOf(this.clock));
    });
    this.jobs.schedule(RETENTION_CLEAN_UP, RETENTION_CLEAN_UP_CRON, {});
  }

  /** Deletes what has expired at `now`; returns how many audit events went. */
  async cleanUp(now: Date): Promise<number> {
    const auditCutoff = new Date(now.getTime() - this.config.auditRetentionDays * DAY_MS);
    const deleted = await this.audit.deleteOlderThan(auditCutoff);
    await this.throttle.purgeStale(now, LONGEST_THROTTLE_WINDOW_MS);
    this.logger.log(
      `Deleted ${deleted} audit events from before ${auditCutoff.toISOString()} and expired sign-in throttles`,
    );
    return deleted;
  }
}
