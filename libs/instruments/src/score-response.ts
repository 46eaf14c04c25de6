import type { Answers } from '@swhc/contracts';
import { scoreScale } from '@swhc/psychometrics';
import type { InstrumentDefinition } from './instrument-definition';

export interface ScaleScore {
  /** Mean on the response scale (1–5), null when too few items were answered. */
  readonly mean: number | null;
  /** The same mean rescaled to 0–100. */
  readonly score0to100: number | null;
  readonly answered: number;
}

export type ScaleScores = Record<string, ScaleScore>;

/** Scores each scale of a validated response (reverse keys, minimum answered items). */
export function scoreResponse(instrument: InstrumentDefinition, answers: Answers): ScaleScores {
  const { min, max } = instrument.responseScale;
  const scores: ScaleScores = {};
  for (const scale of instrument.scales) {
    const values = scale.items.map((name) => {
      const value = answers[name];
      return typeof value === 'number' ? value : Number.NaN;
    });
    const reversed = scale.items.map((name) => scale.reversed.includes(name));
    scores[scale.key] = scoreScale(values, { reversed, min, max, minAnswered: scale.minAnswered });
  }
  return scores;
}

/** A 0–100 score back on the instrument's answer scale: the inverse of the scoring's rescaling. */
export function meanOfScore(
  responseScale: InstrumentDefinition['responseScale'],
  score0to100: number,
): number {
  return responseScale.min + (score0to100 / 100) * (responseScale.max - responseScale.min);
}
