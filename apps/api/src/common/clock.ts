import type { Clock } from 'pg-boss';

/**
 * The app's clock: what `now` is, and the timers of the job queue. The system clock in production;
 * tests inject pg-boss's TestClock to move time by hand (database time follows it too).
 */
export const CLOCK = Symbol('CLOCK');

export type { Clock };
export { systemClock } from 'pg-boss';

/** The clock's time as a Date. */
export const nowOf = (clock: Clock): Date => new Date(clock.now());
