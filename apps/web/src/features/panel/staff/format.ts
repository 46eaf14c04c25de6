import type { PollStatus } from '@swhc/contracts';

/** "2 March 2026, 9:00am" in London time. */
export function londonWhen(iso: string): string {
  const when = new Date(iso);
  const date = when.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  const time = when
    .toLocaleTimeString('en-GB', {
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZone: 'Europe/London',
    })
    .replace(' ', '')
    .toLowerCase();
  return `${date}, ${time}`;
}

export const STATUS_LABELS: Record<PollStatus, string> = {
  scheduled: 'Scheduled',
  open: 'Open',
  closed: 'Closed',
};

/** A percentage for a table: whole numbers, "<1%" rather than "0%" for a non-zero share. */
export function percent(value: number, decimals = 0): string {
  if (value > 0 && value < 0.5 && decimals === 0) return '<1%';
  return `${value.toFixed(decimals)}%`;
}
