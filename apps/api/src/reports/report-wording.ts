/**
 * Every sentence the LA report serves, in one place (GOV.UK style: plain words, sentence case).
 * Suppression sentences come from libs/disclosure, which owns the rule they describe.
 */
import {
  CHANGE_LABELS,
  type DriverShare,
  type FunnelScale,
  type ScaleChange,
  type ScaleComparison,
  type SuppressedCell,
  type SuppressionCause,
  type Verdict,
} from '@swhc/contracts';
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
/** A score as a whole number, as every sentence and table of the report writes it. */
export const whole = (v: number): string => String(Math.round(v));
/** A difference with its sign (a true minus), to one decimal, as the PDF's tables write it. */
export const signed = (v: number): string =>
  `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`;
const points = (v: number): string => {
  const size = Math.abs(v);
  const text = size < 9.95 ? size.toFixed(1) : String(Math.round(size));
  return `${text} point${text === '1' || text === '1.0' ? '' : 's'}`;
};

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

/** The count and the response rate in one sentence; a rate over 100% says the headcount is off. */
export function responsesSentence(
  responses: number,
  headcount: number | null,
  rate: number | null,
): string {
  const people = `${count(responses)} ${responses === 1 ? 'person' : 'people'} responded`;
  if (headcount === null || rate === null) {
    return `${people}. No headcount has been entered, so there is no response rate.`;
  }
  if (rate > 100) {
    return `${people}, more than the headcount of ${count(headcount)} that was entered: check the headcount.`;
  }
  return `${people}: ${whole(rate)}% of the ${count(headcount)} social workers in the service.`;
}

/** One sentence per scale: its score, England, and the change, in that order. */
export function scaleSentence(
  title: string,
  score: number,
  national: ScaleComparison | SuppressedCell,
  change: ScaleChange,
): string {
  const parts = [`${title} scored ${whole(score)} out of 100`];
  if ('suppressed' in national) parts.push('it could not be compared with England');
  else if (national.verdict === 'similar') {
    parts.push(`close to England (${whole(national.score)}), with no clear difference`);
  } else {
    const side = national.verdict === 'better' ? 'higher' : 'lower';
    parts.push(`${side} than England (${whole(national.score)}), a clear difference`);
  }
  const first = `${parts.join(': ')}.`;
  if (change.status === 'shown') {
    const since = change.previousWave.name;
    if (change.verdict === 'similar') return `${first} No clear change since ${since}.`;
    const way = change.difference > 0 ? 'Up' : 'Down';
    const word = change.verdict === 'better' ? 'a clear improvement' : 'clearly worse';
    return `${first} ${way} ${points(change.difference)} since ${since}, ${word}.`;
  }
  if (change.status === 'not-comparable') {
    return `${first} The change since ${change.previousWave?.name ?? 'the last wave'} is not shown: the survey may not have measured this the same way in both waves.`;
  }
  return first;
}

/** The word for a verdict on a change (e.g. in a table cell). */
export const changeLabel = (verdict: Verdict): string => CHANGE_LABELS[verdict];

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
  local: (n: number, la: string) => `Based on ${count(n)} responses from ${la}.`,
  national: (n: number, la: string) =>
    `Based on ${count(n)} responses from across England, because ${la} has fewer than ${LOCAL_DRIVERS_MINIMUM} complete responses.`,
} as const;

/** What the drivers say: the two areas that go most with staying, and how much all four explain. */
export function driversSentence(shares: readonly DriverShare[], r2: number): string {
  const ranked = [...shares].sort((a, b) => b.share - a.share);
  const [first, second] = ranked;
  if (!first) return driversMessages.unavailable;
  const lead = second
    ? `${first.title} goes most with whether people expect to stay, then ${second.title.toLowerCase()}.`
    : `${first.title} goes most with whether people expect to stay.`;
  return `${lead} Together the ${shares.length} areas account for ${whole(100 * r2)}% of the differences between people in how likely they are to stay.`;
}

/**
 * The funnel's caption: the LA's point, the headline verdict (the same as the scale's), and — only
 * when the funnel's limits say otherwise — why the two checks can differ, so they never read as two
 * answers.
 */
export function funnelCaption(
  la: string,
  plot: Pick<FunnelScale, 'ownPosition' | 'points'>,
  national: ScaleComparison | SuppressedCell | null,
): string {
  const own = plot.points.find((p) => p.own);
  if (!own || plot.ownPosition === null) return `${la} is not on this plot.`;
  const where = `${la} (the blue diamond) scored ${whole(own.score)} from ${count(own.n)} responses.`;
  if (!national || 'suppressed' in national) return where;
  const headline =
    national.verdict === 'similar'
      ? 'Compared with England there is no clear difference.'
      : `Compared with England this is clearly ${national.verdict}.`;
  const outside = plot.ownPosition !== 'inside';
  const agrees = (national.verdict === 'similar') === !outside;
  if (agrees) return `${where} ${headline}`;
  return (
    `${where} ${headline} The point is ${outside ? 'just outside' : 'inside'} the funnel’s 95% limits: ` +
    'the funnel is a rougher check against one England average for every local authority, so near ' +
    'the edge it can differ from the comparison above, which allows for how much answers vary here.'
  );
}

/** Why a statement's change is not shown. */
export const statementChangeMessages = {
  noPreviousWave: changeMessages.noPreviousWave,
  suppressed: (previousWave: string) =>
    `The answers in ${previousWave} cannot be shown without risking identification.`,
  unchecked: changeMessages.unchecked,
  notComparable: changeMessages.notComparable,
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
