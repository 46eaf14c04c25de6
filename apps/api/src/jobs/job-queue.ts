/** A JSON value. */
export type Json =
  string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** What a job carries: a JSON object, stored in the database (never answers, tokens or passwords). */
export type JobData = { readonly [key: string]: Json };

/** How a queue treats its jobs; pg-boss's defaults where left out. */
export interface QueueSettings {
  /** Retries after a failed attempt (default 2). */
  readonly retryLimit?: number;
  /** Seconds before the first retry, doubling each time (default 30). */
  readonly retryDelaySeconds?: number;
  /** Seconds a job may run before it counts as failed and is retried (default 15 minutes). */
  readonly expireInSeconds?: number;
  /** Days a finished job is kept, which is also how long its dedup key holds (default 7). */
  readonly keepFinishedDays?: number;
}

/**
 * A named queue of jobs that all carry data of type T. Declare each once, as a constant beside
 * its handler, and use that constant to send, work and schedule.
 */
export interface JobQueue<T extends JobData> {
  readonly name: string;
  readonly settings: QueueSettings;
  /** Only for the type checker: ties the queue to its data type. */
  readonly __data?: T;
}

const QUEUE_NAME = /^[a-z][a-z0-9-]{0,49}$/;

export function defineQueue<T extends JobData>(
  name: string,
  settings: QueueSettings = {},
): JobQueue<T> {
  if (!QUEUE_NAME.test(name)) {
    throw new Error(`Queue name "${name}" must be lower-case letters, digits and hyphens`);
  }
  return { name, settings };
}
