import type { PollStatus } from '@swhc/contracts';

const HOUR = 60 * 60 * 1000;

/**
 * The one reminder goes two days before a poll closes, but never in its first half: a member who
 * was invited yesterday does not need reminding today.
 */
export function reminderTime(opensAt: Date, closesAt: Date): Date {
  const open = opensAt.getTime();
  const close = closesAt.getTime();
  return new Date(Math.max(close - 48 * HOUR, open + (close - open) / 2));
}

export function pollStatus(poll: { opensAt: Date; closesAt: Date }, now: Date): PollStatus {
  if (now < poll.opensAt) return 'scheduled';
  return now < poll.closesAt ? 'open' : 'closed';
}
