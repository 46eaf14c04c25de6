/**
 * How reports read an instrument's scales and statements: every scale one way, higher is better.
 * A scale whose higher raw score is worse (Health Check v1's job demands) is reported turned round
 * (100 − score on 0–100, min + max − mean on the answer scale) under its reported title; each
 * statement's favourable answer follows from its reverse key and its scale's direction.
 */
import type { InstrumentDefinition, ScaleDefinition } from './instrument-definition';

/** The answer to a statement that is good news: agreeing, or (worded the other way) disagreeing. */
export type FavourableAnswer = 'agree' | 'disagree';

/** Whether reports show this scale turned round (its raw score is higher when things are worse). */
export function reportedTurnedRound(scale: Pick<ScaleDefinition, 'higherIsBetter'>): boolean {
  return !scale.higherIsBetter;
}

/** A respondent's 0–100 scale score as reports read it (higher is better). */
export function reportedScore(
  scale: Pick<ScaleDefinition, 'higherIsBetter'>,
  score0to100: number,
): number {
  return reportedTurnedRound(scale) ? 100 - score0to100 : score0to100;
}

/** A respondent's scale mean on the answer scale as reports read it (higher is better). */
export function reportedMean(
  scale: Pick<ScaleDefinition, 'higherIsBetter'>,
  responseScale: InstrumentDefinition['responseScale'],
  mean: number,
): number {
  return reportedTurnedRound(scale) ? responseScale.min + responseScale.max - mean : mean;
}

/**
 * The favourable answer to a statement of a scale. Agreeing raises the raw score unless the item is
 * reverse-keyed; a raised raw score is good news only when higher is better for the scale.
 */
export function favourableAnswer(
  scale: Pick<ScaleDefinition, 'reversed' | 'higherIsBetter'>,
  item: string,
): FavourableAnswer {
  const agreeingRaisesScore = !scale.reversed.includes(item);
  return agreeingRaisesScore === scale.higherIsBetter ? 'agree' : 'disagree';
}

/** Which side of the answer scale an answer is on: above its middle is agreeing. */
export function answerSide(
  responseScale: InstrumentDefinition['responseScale'],
  answer: number,
): 'agree' | 'neutral' | 'disagree' {
  const middle = (responseScale.min + responseScale.max) / 2;
  return answer > middle ? 'agree' : answer < middle ? 'disagree' : 'neutral';
}
