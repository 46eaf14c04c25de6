import type {
  ScaleChange,
  ScaleComparison,
  ScaleHead,
  ScaleResult,
  SuppressedCell,
} from '@swhc/contracts';
import {
  meanOfScore,
  reportedTurnedRound,
  scaleReporting,
  type InstrumentDefinition,
  type ScaleDefinition,
} from '@swhc/instruments';
import type { ReportDataSets } from '../data/report-data-sets';
import { presentValues } from '../data/response-table';
import type { ReportFrame } from '../report-frame';
import {
  changeMessages,
  comparisonLabels,
  REGION_MINIMUM_OTHER_LAS,
  regionTooSmall,
  scaleSentence,
  suppressedCell,
} from '../report-wording';
import type { PopulationComparison } from '../statistics/la-comparisons';
import {
  compareMeans,
  estimateMean,
  standardisedDifference,
} from '../statistics/report-statistics';
import { SIGNIFICANCE, verdictOf } from '../statistics/verdict';
import { scaleReliability } from './reliability.section';

const ciOf = (ci: { lower: number; upper: number }) => ({ lower: ci.lower, upper: ci.upper });

/** The LA against another population; hidden when that population has fewer than K responses. */
function comparisonCell(
  frame: ReportFrame,
  label: string,
  compared: PopulationComparison | null,
): ScaleComparison | SuppressedCell {
  if (!compared || compared.others.n < frame.k) return suppressedCell('below-k', frame.k);
  const { others, difference } = compared;
  return {
    label,
    n: others.n,
    mean: meanOfScore(frame.instrument.responseScale, others.mean),
    score: others.mean,
    difference: difference.difference,
    differenceCi: ciOf(difference.ci),
    p: difference.p,
    significant: difference.p < SIGNIFICANCE,
    verdict: verdictOf(difference.difference, difference.p),
  };
}

/** Change since the previous wave, shown only where the scale was measured the same way in both. */
function changeOf(
  frame: ReportFrame,
  data: ReportDataSets,
  scale: ScaleDefinition,
  current: readonly number[],
): ScaleChange {
  const { previous } = data;
  if (!previous) {
    return {
      status: 'no-previous-wave',
      previousWave: null,
      message: changeMessages.noPreviousWave,
    };
  }
  const previousWave = previous.wave;
  const before = presentValues(previous.la.scaleScores[scale.key]);
  if (before.length < frame.k) {
    return {
      status: 'suppressed',
      previousWave,
      message: changeMessages.tooFewBefore(frame.k, previousWave.name),
    };
  }
  const verdict = previous.verdicts?.[scale.key];
  if (!verdict) {
    return { status: 'unavailable', previousWave, message: changeMessages.unchecked };
  }
  if (!verdict.holds) {
    return { status: 'not-comparable', previousWave, message: changeMessages.notComparable };
  }
  const d = compareMeans(current, before);
  return {
    status: 'shown',
    previousWave,
    previousN: before.length,
    previousScore: estimateMean(before).mean,
    difference: d.difference,
    differenceCi: ciOf(d.ci),
    p: d.p,
    significant: d.p < SIGNIFICANCE,
    hedgesG: standardisedDifference(current, before),
    verdict: verdictOf(d.difference, d.p),
    message: changeMessages.shown(previousWave.name),
  };
}

/** A scale as reports show it: higher is better, under its reported title. */
export function scaleHead(instrument: InstrumentDefinition, scale: ScaleDefinition): ScaleHead {
  const reporting = scaleReporting(instrument, scale);
  return {
    key: scale.key,
    title: reporting.title,
    higherIsBetter: true,
    turnedRoundFrom: reportedTurnedRound(scale) ? scale.title : null,
    about: reporting.about,
  };
}

function scaleResult(
  frame: ReportFrame,
  data: ReportDataSets,
  scale: ScaleDefinition,
): ScaleResult {
  const { k, organisation } = frame;
  const head = scaleHead(frame.instrument, scale);
  const scores = presentValues(data.la.scaleScores[scale.key]);
  if (scores.length < k) return { ...head, ...suppressedCell('below-k', k) };
  const means = estimateMean(presentValues(data.la.scaleMeans[scale.key]));
  const score = estimateMean(scores);
  const compared = data.comparisons?.[scale.key];
  const national = comparisonCell(frame, comparisonLabels.england, compared?.national ?? null);
  const change = changeOf(frame, data, scale, scores);
  return {
    ...head,
    suppressed: false,
    n: score.n,
    mean: means.mean,
    meanCi: ciOf(means.ci),
    score: score.mean,
    scoreCi: ciOf(score.ci),
    national,
    regional:
      compared && compared.otherLasInRegion < REGION_MINIMUM_OTHER_LAS
        ? regionTooSmall()
        : comparisonCell(
            frame,
            comparisonLabels.region(organisation.region),
            compared?.regional ?? null,
          ),
    change,
    reliability: scaleReliability(frame, data, scale),
    sentence: scaleSentence(head.title, score.mean, national, change),
  };
}

/** Each scale's score with its interval, its comparisons with England and the region, and its change. */
export function scoresSection(frame: ReportFrame, data: ReportDataSets): ScaleResult[] {
  return frame.instrument.scales.map((scale) => scaleResult(frame, data, scale));
}
