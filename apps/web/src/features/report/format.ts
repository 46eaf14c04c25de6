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

export function between(ci: ConfidenceInterval, decimals = 1): string {
  return `${num(ci.lower, decimals)} and ${num(ci.upper, decimals)}`;
}

export function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Whether a higher or lower score is the better direction for this difference. */
export function direction(
  difference: number,
  significant: boolean,
  higherIsBetter: boolean,
): 'better' | 'worse' | 'similar' {
  if (!significant || difference === 0) return 'similar';
  return difference > 0 === higherIsBetter ? 'better' : 'worse';
}

/**
 * One sentence about a difference from a comparison group, in words a reader without statistics
 * training can act on; the interval is always given.
 */
export function differenceSentence(
  difference: number,
  ci: ConfidenceInterval,
  significant: boolean,
  against: string,
): string {
  const size = num(Math.abs(difference));
  const side = difference >= 0 ? 'higher' : 'lower';
  if (significant) {
    return `${size} points ${side} than ${against} (the true difference is likely between ${between(ci)} points). This is unlikely to be chance.`;
  }
  return `No clear difference from ${against}: ${size} points ${side}, but the true difference could be anywhere from ${range(ci)} points.`;
}

/** Cohen's rough bands for a standardised difference. */
export function effectSize(g: number): string {
  const a = Math.abs(g);
  if (a < 0.2) return 'very small';
  if (a < 0.5) return 'small';
  if (a < 0.8) return 'medium';
  return 'large';
}

export function changeSentence(
  difference: number,
  ci: ConfidenceInterval,
  significant: boolean,
  hedgesG: number,
  since: string,
): string {
  const size = num(Math.abs(difference));
  const way = difference >= 0 ? 'Up' : 'Down';
  if (significant) {
    return `${way} ${size} points since ${since} (likely between ${between(ci)} points): a real change, ${effectSize(hedgesG)} in size (Hedges’ g ${num(hedgesG, 2)}).`;
  }
  return `No clear change since ${since}: ${way.toLowerCase()} ${size} points, but the true change could be anywhere from ${range(ci)} points.`;
}

export function reliabilityWords(alpha: number): string {
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.7) return 'acceptable';
  if (alpha >= 0.6) return 'questionable';
  return 'low: read this scale with care';
}
