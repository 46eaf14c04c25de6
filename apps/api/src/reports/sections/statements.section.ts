import type {
  ItemDistribution,
  StatementBenchmarks,
  StatementChange,
  StatementComparison,
  SuppressedCell,
} from '@swhc/contracts';
import { protectDistribution, type ProtectedDistribution } from '@swhc/disclosure';
import {
  answerSide,
  favourableAnswer,
  type FavourableAnswer,
  type InstrumentDefinition,
  type ScaleDefinition,
} from '@swhc/instruments';
import { PsychometricsError } from '@swhc/psychometrics';
import type { ReportDataSets } from '../data/report-data-sets';
import type { ResponseTable } from '../data/response-table';
import type { ShareCount } from '../data/statement-counts';
import type { ReportFrame } from '../report-frame';
import {
  comparisonLabels,
  REGION_MINIMUM_OTHER_LAS,
  regionTooSmall,
  statementChangeMessages,
  suppressedCell,
} from '../report-wording';
import { compareShares, type Difference } from '../statistics/report-statistics';
import { SIGNIFICANCE, verdictOf } from '../statistics/verdict';

/** Answers to one statement on the three sides of the answer scale. */
function sides(
  instrument: InstrumentDefinition,
  table: ResponseTable,
  item: string,
): Record<'agree' | 'neutral' | 'disagree', number> {
  const counts = { disagree: 0, neutral: 0, agree: 0 };
  for (const v of table.items[item] ?? []) {
    if (!Number.isNaN(v)) counts[answerSide(instrument.responseScale, v)]++;
  }
  return counts;
}

/**
 * The most detailed safe form of a statement's answers: agree / neither / disagree, else favourable
 * against the rest (both at least K), else nothing.
 */
export function protectStatement(
  counts: Readonly<Record<'agree' | 'neutral' | 'disagree', number>>,
  favourable: FavourableAnswer,
  k: number,
): ProtectedDistribution {
  return protectDistribution(counts, {
    k,
    threeWay: null,
    twoWay: { favourable: [favourable], favourableKey: 'favourable', restKey: 'rest' },
  });
}

/** The favourable share of a shown distribution, as a count out of n. */
function favourableCount(shown: ProtectedDistribution, favourable: FavourableAnswer): ShareCount {
  if (shown.status !== 'shown') throw new Error('only a shown distribution has a share');
  const key = shown.collapse === 'two-way' ? 'favourable' : favourable;
  return { favourable: shown.counts[key] ?? 0, n: shown.n };
}

/** Welch on 0/1 answers, or null when the library cannot compare (e.g. both shares 0% or 100%). */
function difference(own: ShareCount, other: ShareCount): Difference | null {
  try {
    return compareShares(own, other);
  } catch (error) {
    if (error instanceof PsychometricsError) return null;
    throw error;
  }
}

/** A difference as the report reads it: its 95% interval, p, and the one verdict rule. */
function readDifference(d: Difference) {
  return {
    difference: d.difference,
    differenceCi: d.ci,
    p: d.p,
    significant: d.p < SIGNIFICANCE,
    verdict: verdictOf(d.difference, d.p),
  };
}

function comparison(
  frame: ReportFrame,
  label: string,
  own: ShareCount,
  other: ShareCount | undefined,
): StatementComparison | SuppressedCell {
  const d = other && other.n >= frame.k ? difference(own, other) : null;
  if (!other || !d) return suppressedCell('below-k', frame.k);
  return {
    label,
    n: other.n,
    favourablePercent: (100 * other.favourable) / other.n,
    ...readDifference(d),
  };
}

/** Change since the previous wave: only where the scale is comparable and last wave's answers were safe. */
function changeOf(
  frame: ReportFrame,
  data: ReportDataSets,
  scale: ScaleDefinition,
  item: string,
  own: ShareCount,
): StatementChange {
  const { previous } = data;
  if (!previous) {
    return {
      status: 'no-previous-wave',
      previousWave: null,
      message: statementChangeMessages.noPreviousWave,
    };
  }
  const previousWave = previous.wave;
  const verdict = previous.verdicts?.[scale.key];
  if (!verdict) {
    return { status: 'unavailable', previousWave, message: statementChangeMessages.unchecked };
  }
  if (!verdict.holds) {
    return {
      status: 'not-comparable',
      previousWave,
      message: statementChangeMessages.notComparable,
    };
  }
  const good = favourableAnswer(scale, item);
  const before = protectStatement(sides(frame.instrument, previous.la, item), good, frame.k);
  const then = before.status === 'shown' ? favourableCount(before, good) : null;
  const d = then ? difference(own, then) : null;
  if (!then || !d) {
    return {
      status: 'suppressed',
      previousWave,
      message: statementChangeMessages.suppressed(previousWave.name),
    };
  }
  return {
    status: 'shown',
    previousWave,
    previousFavourablePercent: (100 * then.favourable) / then.n,
    ...readDifference(d),
  };
}

function benchmarks(
  frame: ReportFrame,
  data: ReportDataSets,
  scale: ScaleDefinition,
  item: string,
  own: ShareCount,
): StatementBenchmarks {
  const others = data.statements?.[item];
  return {
    england: comparison(frame, comparisonLabels.england, own, others?.england),
    region:
      others && others.otherLasInRegion < REGION_MINIMUM_OTHER_LAS
        ? regionTooSmall()
        : comparison(
            frame,
            comparisonLabels.region(frame.organisation.region),
            own,
            others?.region,
          ),
    change: changeOf(frame, data, scale, item, own),
  };
}

/**
 * Each statement's answers as detailed as the privacy rule allows (three-way, else two-way, else
 * hidden; each statement protected on its own), its favourable answer, and its % favourable against
 * England, the region and the previous wave.
 */
export function statementsSection(frame: ReportFrame, data: ReportDataSets): ItemDistribution[] {
  const { instrument, k } = frame;
  return instrument.scales.flatMap((scale) =>
    scale.items.map((item): ItemDistribution => {
      const favourable = favourableAnswer(scale, item);
      const head = {
        item,
        text: instrument.questions.find((q) => q.name === item)?.text ?? item,
        scale: scale.key,
        reversed: scale.reversed.includes(item),
        favourable,
      };
      const shown = protectStatement(sides(instrument, data.la, item), favourable, k);
      if (shown.status === 'suppressed') return { ...head, ...suppressedCell(shown.reason, k) };
      const own = favourableCount(shown, favourable);
      const favourablePercent = (100 * own.favourable) / own.n;
      const compared = benchmarks(frame, data, scale, item, own);
      if (shown.collapse === 'two-way') {
        return {
          ...head,
          suppressed: false,
          split: 'two-way',
          favourablePercent,
          restPercent: shown.percentages['rest'] ?? 0,
          benchmarks: compared,
        };
      }
      return {
        ...head,
        suppressed: false,
        split: 'three-way',
        agree: shown.percentages['agree'] ?? 0,
        neutral: shown.percentages['neutral'] ?? 0,
        disagree: shown.percentages['disagree'] ?? 0,
        favourablePercent,
        benchmarks: compared,
      };
    }),
  );
}
