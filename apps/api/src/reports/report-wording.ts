/**
 * Every sentence the LA report serves, in one place (GOV.UK style: plain words, sentence case).
 * Suppression sentences come from libs/disclosure, which owns the rule they describe.
 */
import type { SuppressedCell, SuppressionCause } from '@swhc/contracts';
import { suppressionMessage } from '@swhc/disclosure';
import type { ReportFrame } from './report-frame';

/** Drivers come from the LA's own data only from this many complete responses (else England's). */
export const LOCAL_DRIVERS_MINIMUM = 100;
/** A regional comparison needs at least this many other LAs, so it never describes one other LA. */
export const REGION_MINIMUM_OTHER_LAS = 3;

/** A cell that carries a sentence instead of numbers. */
export function suppressedCell(reason: SuppressionCause, k: number): SuppressedCell {
  return { suppressed: true, reason, message: suppressionMessage(reason, k) };
}

// One formatter for every report: creating an Intl formatter per call costs about half a millisecond.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const longDate = (iso: string): string => LONG_DATE.format(new Date(iso));
const count = (n: number): string => n.toLocaleString('en-GB');

/** Why scores are, or are not, shown. */
export function statusSentence(frame: Pick<ReportFrame, 'wave' | 'k' | 'count'>): string {
  const { wave, k } = frame;
  if (wave.state === 'scheduled' || wave.state === 'draft') {
    return `${wave.name} opens on ${longDate(wave.opensAt)}. There are no responses yet.`;
  }
  if (wave.state === 'open') {
    return (
      `${wave.name} is open until ${longDate(wave.closesAt)}. Scores appear here when it closes; ` +
      'until then you can see only how many people have responded.'
    );
  }
  if (frame.count < k) {
    return (
      `Fewer than ${k} people responded, so no results can be shown: with so few responses, ` +
      'people’s answers could be worked out.'
    );
  }
  return `${wave.name} closed on ${longDate(wave.closesAt)}. These results are from ${frame.count} responses.`;
}

export const comparisonLabels = {
  england: 'England (other local authorities)',
  region: (region: string) => `${region} (other local authorities)`,
} as const;

/** A region with too few other LAs: hidden so that it never describes a single other LA. */
export function regionTooSmall(): SuppressedCell {
  return {
    suppressed: true,
    reason: 'differencing',
    message: `Fewer than ${REGION_MINIMUM_OTHER_LAS} other local authorities in the region responded`,
  };
}

export const NOT_COMPARABLE_MESSAGE =
  'The survey may not have measured this the same way in both waves, so the change is not shown as a change.';

export const changeMessages = {
  noPreviousWave: 'There is no earlier wave to compare with.',
  tooFewBefore: (k: number, previousWave: string) =>
    `Fewer than ${k} responses in ${previousWave}, so there is nothing to compare with.`,
  unchecked: 'Whether the survey measured this the same way in both waves could not be checked.',
  notComparable: NOT_COMPARABLE_MESSAGE,
  shown: (previousWave: string) =>
    `Compared with ${previousWave}; the survey measured this the same way in both waves.`,
} as const;

export const driversMessages = {
  unavailable: 'What drives intention to stay could not be worked out.',
  local: (n: number) => `Based on ${count(n)} responses from your local authority.`,
  national: (n: number) =>
    `Based on ${count(n)} responses from across England, because your local authority has fewer than ${LOCAL_DRIVERS_MINIMUM} complete responses.`,
} as const;

const DIMENSION_TITLES: Readonly<Record<string, string>> = {
  role: 'Role',
  teamType: 'Team type',
  employment: 'Employment',
};

/** The heading of a grouping question's table. */
export const dimensionTitle = (question: string): string => DIMENSION_TITLES[question] ?? question;

/** The row of those who skipped an optional grouping question. */
export const NOT_ANSWERED_LABEL = 'Did not say';
