/**
 * Scale scores for one respondent: reverse keying, a minimum number of answered items, the mean on the
 * answer scale and the same mean rescaled to 0–100.
 */
import { InvalidArgumentError } from './errors';

export interface ScaleKey {
  /** Reverse-keyed items: a flag per item (same length as the answers) or the 0-based item indices. */
  readonly reversed: readonly boolean[] | readonly number[];
  /** Lowest and highest answer code (e.g. 1 and 5). */
  readonly min: number;
  readonly max: number;
  /** A score is given only when at least this many items are answered. */
  readonly minAnswered: number;
}

export interface ScaleScore {
  /** Mean of the answered (reverse-keyed) items on the min–max scale; null below minAnswered. */
  readonly mean: number | null;
  /** (mean − min)/(max − min)·100; null below minAnswered. */
  readonly score0to100: number | null;
  /** Number of non-missing answers. */
  readonly answered: number;
}

/** Reverse-keys one answer: min + max − x (psych 2.2.9 alpha(): `max + min − x`); NaN stays NaN. */
export function reverseItem(x: number, min: number, max: number): number {
  return min + max - x;
}

function reversedFlags(key: ScaleKey, k: number): boolean[] {
  const r = key.reversed;
  if (r.length > 0 && typeof r[0] === 'boolean') {
    if (r.length !== k) {
      throw new InvalidArgumentError(
        `The reversed flags list ${r.length} item(s) but ${k} answer(s) were given.`,
      );
    }
    return [...(r as readonly boolean[])];
  }
  const flags = new Array<boolean>(k).fill(false);
  for (const i of r as readonly number[]) {
    if (!Number.isInteger(i) || i < 0 || i >= k) {
      throw new InvalidArgumentError(`Reversed item index ${i} is outside 0..${k - 1}.`);
    }
    flags[i] = true;
  }
  return flags;
}

/**
 * Scores one respondent. `answers` holds one code per item, NaN = skipped. Answers outside [min, max]
 * are rejected (InvalidArgumentError), as is minAnswered outside 1..k.
 */
export function scoreScale(answers: readonly number[], key: ScaleKey): ScaleScore {
  const { min, max, minAnswered } = key;
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) {
    throw new InvalidArgumentError(`The answer scale needs min < max, got min=${min}, max=${max}.`);
  }
  if (!Number.isInteger(minAnswered) || minAnswered < 1 || minAnswered > answers.length) {
    throw new InvalidArgumentError(
      `minAnswered must be a whole number from 1 to ${answers.length}, got ${minAnswered}.`,
    );
  }
  const flags = reversedFlags(key, answers.length);
  let sum = 0;
  let answered = 0;
  answers.forEach((x, i) => {
    if (Number.isNaN(x)) return;
    if (!(x >= min && x <= max)) {
      throw new InvalidArgumentError(`Answer ${x} to item ${i + 1} is outside ${min}..${max}.`);
    }
    sum += flags[i] ? reverseItem(x, min, max) : x;
    answered++;
  });
  if (answered < minAnswered) return { mean: null, score0to100: null, answered };
  const mean = sum / answered;
  return { mean, score0to100: ((mean - min) / (max - min)) * 100, answered };
}
