import type { PollQuestion, TrendEstimate, TrendMargins } from '@swhc/contracts';
import { proportionInterval, rake } from '@swhc/psychometrics';
import type { AnswerRow } from './poll-distributions';

export type MarginDimension = keyof TrendMargins;
export const MARGIN_DIMENSIONS: readonly MarginDimension[] = ['region', 'role', 'service'];

export interface PollEstimates {
  readonly n: number;
  readonly unweighted: TrendEstimate | null;
  readonly weighted: TrendEstimate | null;
  readonly note: string | null;
}

const asEstimate = (interval: ReturnType<typeof proportionInterval>): TrendEstimate => ({
  percentage: 100 * interval.estimate,
  lower: 100 * interval.lower,
  upper: 100 * interval.upper,
  designEffect: interval.designEffect,
  effectiveN: interval.effectiveN,
});

/**
 * "% giving the favourable answers" in one poll, with a 95% Wilson interval: unweighted, and raked
 * (survey::rake's algorithm) to the margins so the answers stand for the population the margins
 * describe. The interval of the raked estimate uses Kish's effective sample size n / deff, so it widens
 * as the weights vary; the design effect is returned to be shown. Nothing for fewer than K answers.
 */
export function trendEstimates(
  question: PollQuestion,
  rows: readonly AnswerRow[],
  margins: TrendMargins | null,
  k: number,
): PollEstimates {
  const answered = rows.filter((r) => r.answers[question.name] !== undefined);
  const n = answered.length;
  if (n < k) return { n, unweighted: null, weighted: null, note: `Fewer than ${k} answers` };
  const favourable = new Set(question.twoWay.values.map(String));
  const outcomes = answered.map((r) => (favourable.has(String(r.answers[question.name])) ? 1 : 0));
  const unweighted = asEstimate(proportionInterval(outcomes));
  if (margins === null) return { n, unweighted, weighted: null, note: null };

  const dimensions = MARGIN_DIMENSIONS.filter((d) => margins[d] !== undefined);
  const usable: Partial<Record<MarginDimension, Record<string, number>>> = {};
  const dropped: string[] = [];
  for (const dimension of dimensions) {
    const present = new Set(answered.map((r) => r[dimension]));
    const given = margins[dimension] ?? {};
    const missing = [...present].filter((level) => !(level in given));
    if (missing.length > 0) {
      return {
        n,
        unweighted,
        weighted: null,
        note: `Not weighted: the ${dimension} margins have no figure for ${missing.join(', ')}`,
      };
    }
    // A level nobody in this poll belongs to cannot be weighted up; it is left out (and said so).
    usable[dimension] = Object.fromEntries(
      Object.entries(given).filter(([level]) => present.has(level)),
    );
    dropped.push(...Object.keys(given).filter((level) => !present.has(level)));
  }
  const { weights, converged } = rake(
    answered.map((r) => Object.fromEntries(dimensions.map((d) => [d, r[d]]))),
    usable,
    { epsilon: 1e-10, maxPasses: 200, allowNonConvergence: true },
  );
  if (!converged) {
    return {
      n,
      unweighted,
      weighted: null,
      note: 'Not weighted: the margins could not be matched',
    };
  }
  return {
    n,
    unweighted,
    weighted: asEstimate(proportionInterval(outcomes, weights)),
    note:
      dropped.length > 0
        ? `No answers from ${dropped.join(', ')}: weighted to the other groups`
        : null,
  };
}
