import type { Verdict } from '@swhc/contracts';

/** GOV.UK colours: every chart and table reads green as better, red as worse. */
export const COLOURS = {
  text: '#0b0c0c',
  secondaryText: '#505a5f',
  grid: '#b1b4b6',
  la: '#1d70b8',
  better: '#00703c',
  worse: '#d4351c',
  neutral: '#b1b4b6',
  white: '#ffffff',
} as const;

export const verdictColour = (verdict: Verdict): string =>
  verdict === 'better'
    ? COLOURS.better
    : verdict === 'worse'
      ? COLOURS.worse
      : COLOURS.secondaryText;

/**
 * The fill of a heatmap cell by its difference from the LA as a whole (positive is better): light
 * tints so that black text on them stays readable; the sign is always printed too.
 */
export function heatColour(difference: number): string {
  if (difference >= 5) return '#a6d4b9';
  if (difference >= 2) return '#d7ece0';
  if (difference > -2) return '#ffffff';
  if (difference > -5) return '#f6d7d2';
  return '#eea396';
}
