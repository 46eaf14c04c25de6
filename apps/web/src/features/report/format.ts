import type { ConfidenceInterval } from '@swhc/contracts';

/** A number as GOV.UK writes it: true minus sign, fixed decimals. */
export function num(value: number, decimals = 1): string {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

export const wholeScore = (score: number): string => Math.round(score).toString();

export const percent = (value: number): string => `${Math.round(value)}%`;

export function range(ci: ConfidenceInterval, decimals = 1): string {
  return `${num(ci.lower, decimals)} to ${num(ci.upper, decimals)}`;
}

export function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function reliabilityWords(alpha: number): string {
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.7) return 'acceptable';
  if (alpha >= 0.6) return 'questionable';
  return 'low: read this scale with care';
}

/** A difference with its sign always written: +2.7, −1.3, 0.0. */
export function signed(value: number, decimals = 1): string {
  const text = num(value, decimals);
  return value > 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? `+${text}` : text;
}
