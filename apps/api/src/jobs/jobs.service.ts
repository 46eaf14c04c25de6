import { createHash } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type Db, type JobResult, PgBoss } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import type { DatabaseConnection } from '../database/data-source-options';
import { DATABASE_CONNECTION } from '../database/database-connection.token';
import type { JobData, JobQueue } from './job-queue';

/** Handles one job; throwing fails the attempt, and the job is retried as its queue says. */
export type JobHandler<T extends JobData> = (data: T, job: JobAttempt) => Promise<void>;

export interface JobAttempt {
  readonly id: string;
  /** 0 on the first attempt. */
  readonly retryCount: number;
}

export interface WorkOptions {
  /** Jobs fetched per poll and run at once (default 5). One poll every 2 s per queue. */
  readonly batchSize?: number;
}

export interface SendOptions {
  /**
   * Send at most once per key: while the job made with this key is kept (waiting, running, or
   * finished less than `keepFinishedDays` ago), sending again with the key does nothing.
   */
  readonly dedupKey?: string;
  /** Not before this time. */
  readonly startAfter?: Date;
  /**
   * Queue the job in this TypeORM transaction: it exists only if the transaction commits. Use it
   * whenever a job is sent while a transaction is open (on PGlite, sending outside it would wait
   * for the transaction, which waits for the send).
   */
  readonly transaction?: EntityManager;
}

/** The schema pg-boss keeps its tables in, beside the app's own in `public`. */
export const JOBS_SCHEMA = 'pgboss';

interface Registration {
  readonly queue: JobQueue<JobData>;
  readonly handler?: JobHandler<JobData>;
  readonly workOptions: WorkOptions;
  readonly schedules: { cron: string; data: JobData }[];
}

/**
 * Background jobs on PostgreSQL (pg-boss), started and stopped with the app. Feature modules declare
 * their queues in `onModuleInit` (`work`, `schedule`); the queues, workers and schedules are set
 * up once every module has, when the app boots. Any number of app instances may share a database:
 * each job runs once, and a schedule sends one job per occurrence, not one per instance.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly registrations = new Map<string, Registration>();
  private readonly boss: PgBoss;
  private started: Promise<void> | null = null;

  constructor(
    @Inject(DATABASE_CONNECTION) connection: DatabaseConnection,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.boss = new PgBoss({
      connectionString: connection.url,
      schema: JOBS_SCHEMA,
      // The embedded server answers one statement at a time, and holds the others while a
      // transaction is open (the demo data is seeded in one): one connection that waits as long
      // as it takes, as the app's own does.
      max: connection.embedded ? 1 : 3,
      connectionTimeoutMillis: connection.embedded ? 0 : 10_000,
      application_name: 'swhc-jobs',
      clock,
      // Workers poll. LISTEN/NOTIFY would need a connection of its own and is silent on PGlite.
      useListenNotify: false,
    });
    // pg-boss reports problems of its background loops as events; an unheard one would crash the app.
    this.boss.on('error', (error: unknown) => this.logger.error(describe(error)));
  }

  /** Runs the queue's jobs in this instance with `handler`. Call once per queue, in onModuleInit. */
  work<T extends JobData>(
    queue: JobQueue<T>,
    handler: JobHandler<T>,
    options: WorkOptions = {},
  ): void {
    const registration = this.register(queue);
    if (registration.handler) throw new Error(`Queue ${queue.name} already has a handler`);
    this.registrations.set(queue.name, {
      ...registration,
      handler: handler as JobHandler<JobData>,
      workOptions: options,
    });
  }

  /**
   * Sends a job to the queue on a cron schedule (UTC; e.g. `15 3 * * *` is 03:15 every day). The
   * schedule is stored in the database; one instance sends each occurrence. Call in onModuleInit.
   */
  schedule<T extends JobData>(queue: JobQueue<T>, cron: string, data: T): void {
    this.register(queue).schedules.push({ cron, data });
  }

  /** Queues one job; resolves to its id, or null when `dedupKey` found one already there. */
  async send<T extends JobData>(
    queue: JobQueue<T>,
    data: T,
    options: SendOptions = {},
  ): Promise<string | null> {
    if (!this.registrations.has(queue.name)) {
      throw new Error(`Queue ${queue.name} is not declared: call work() or schedule() for it`);
    }
    await this.whenStarted();
    return this.boss.send(queue.name, data, {
      ...(options.dedupKey === undefined ? {} : { id: dedupId(queue.name, options.dedupKey) }),
      ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
      ...(options.transaction === undefined ? {} : { db: statementsIn(options.transaction) }),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = this.start();
    await this.started;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    // Graceful: running handlers finish (they may use the app's database) before the app closes it.
    await this.boss.stop({ graceful: true, timeout: 10_000, close: true });
  }

  private async whenStarted(): Promise<void> {
    if (!this.started) throw new Error('Jobs are sent once the app has started');
    await this.started;
  }

  private register(queue: JobQueue<JobData>): Registration {
    const existing = this.registrations.get(queue.name);
    if (existing && existing.queue !== queue) {
      throw new Error(`Two queues are named ${queue.name}`);
    }
    const registration = existing ?? { queue, workOptions: {}, schedules: [] };
    this.registrations.set(queue.name, registration);
    return registration;
  }

  private async start(): Promise<void> {
    await this.boss.start();
    for (const { queue, handler, workOptions, schedules } of this.registrations.values()) {
      await this.boss.createQueue(queue.name, queueOptions(queue));
      if (handler) await this.startWorker(queue, handler, workOptions);
      for (const { cron, data } of schedules) await this.boss.schedule(queue.name, cron, data);
    }
  }

  private async startWorker(
    queue: JobQueue<JobData>,
    handler: JobHandler<JobData>,
    options: WorkOptions,
  ): Promise<void> {
    await this.boss.work<JobData>(
      queue.name,
      { batchSize: options.batchSize ?? 5, perJobResults: true },
      async (jobs) =>
        Promise.all(
          jobs.map(async (job): Promise<JobResult> => {
            try {
              await handler(job.data, { id: job.id, retryCount: job.retryCount });
              return { id: job.id, status: 'completed' };
            } catch (error) {
              const message = describe(error);
              this.logger.warn(
                `${queue.name} job ${job.id} attempt ${job.retryCount + 1}: ${message}`,
              );
              return { id: job.id, status: 'failed', output: { error: message } };
            }
          }),
        ),
    );
  }
}

/** pg-boss's statements run on the connection of an open TypeORM transaction. */
function statementsIn(manager: EntityManager): Db {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    throw new Error('send({ transaction }) needs the EntityManager of an open transaction');
  }
  return {
    executeSql: async (text: string, values?: unknown[]) => ({
      rows: (await runner.query(text, values, true)).records,
    }),
  };
}

/** An error's name and message for the log; pg-boss also reports plain objects with a message. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** pg-boss's options for a queue from its settings. */
function queueOptions(queue: JobQueue<JobData>) {
  const s = queue.settings;
  return {
    policy: 'standard' as const,
    retryLimit: s.retryLimit ?? 2,
    retryDelay: s.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: s.expireInSeconds ?? 15 * 60,
    deleteAfterSeconds: (s.keepFinishedDays ?? 7) * 24 * 60 * 60,
  };
}

/**
 * A job id made from the queue and the dedup key (a UUID in form, from SHA-256): pg-boss inserts a
 * job whose id exists as nothing, whatever the queue's policy.
 */
export function dedupId(queueName: string, key: string): string {
  const hex = createHash('sha256').update(`${queueName}\u0000${key}`).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `a${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
