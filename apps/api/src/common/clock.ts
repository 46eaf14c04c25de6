import type { Clock } from 'pg-boss';

/**
 * The app's clock: what `now` is, and the timers of the job queue. The system clock in production;
 * tests inject pg-boss's TestClock to move time by hand (database time follows it too).
 */
export const CLOCK = Symbol('CLOCK');

export type { Clock };
export { systemClock } from 'pg-boss';

/** A day in milliseconds, for expiries and schedules counted in days. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The clock's time as a Date. */
export const nowOf = (clock: Clock): Date => new Date(clock.now());
