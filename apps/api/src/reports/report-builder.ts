import type {
  ConfidenceInterval,
  DriversResult,
  FunnelLimitPoint,
  FunnelScale,
  GroupedDimension,
  GroupRow,
  GroupScaleCell,
  ItemDistribution,
  LaReport,
  ReportResponses,
  ReportWaveSummary,
  ScaleChange,
  ScaleComparison,
  ScaleResult,
  ServiceKind,
  SuppressedCell,
  SuppressionCause,
} from '@swhc/contracts';
import {
  protectDistribution,
  suppressAcrossDimensions,
  suppressionMessage,
  type DimensionSpec,
  type RespondentGroups,
} from '@swhc/disclosure';
import type { InstrumentDefinition, ScaleDefinition } from '@swhc/instruments';
import type { InvarianceVerdict } from './measurement-invariance';
import type { PopulationComparison, ScaleComparisons } from './la-comparisons';
import { driversDataSet, scaleItemsDataSet } from './national-benchmarks.service';
import {
  compareMeans,
  driversOf,
  estimateMean,
  reliabilityOf,
  standardisedDifference,
  type DriversComputation,
  type FunnelComputation,
} from './report-statistics';
import { NOT_ANSWERED, presentValues, type ResponseTable } from './response-table';

/** Drivers come from the LA's own data only from this many complete responses (else England's). */
export const LOCAL_DRIVERS_MINIMUM = 100;
/** A regional comparison needs at least this many other LAs, so it never describes one other LA. */
export const REGION_MINIMUM_OTHER_LAS = 3;
const SIGNIFICANCE = 0.05;

export const NOT_COMPARABLE_MESSAGE =
  'The survey may not have measured this the same way in both waves, so the change is not shown as a change.';

export interface PreviousWaveInputs {
  readonly wave: { readonly id: string; readonly name: string };
  /** This LA's responses in the previous wave. */
  readonly la: ResponseTable;
  /** Per scale, whether scalar invariance across the two waves holds nationally. */
  readonly verdicts: Readonly<Record<string, InvarianceVerdict>> | null;
}

export interface ReportInputs {
  readonly instrument: InstrumentDefinition;
  readonly organisation: {
    readonly id: string;
    readonly gssCode: string;
    readonly name: string;
    readonly region: string;
  };
  readonly service: ServiceKind;
  readonly wave: ReportWaveSummary;
  readonly waves: readonly ReportWaveSummary[];
  readonly k: number;
  readonly count: number;
  readonly headcount: number | null;
  /** This LA's responses; only loaded when the wave is closed and count ≥ K. */
  readonly la: ResponseTable | null;
  /** This LA against England and its region (each without the LA), per scale. */
  readonly comparisons: Readonly<Record<string, ScaleComparisons>> | null;
  /** Null when there is no earlier closed wave of the same instrument. */
  readonly previous: PreviousWaveInputs | null;
  readonly funnel: Readonly<Record<string, FunnelComputation>> | null;
  readonly nationalDrivers: DriversComputation | null;
  readonly now: Date;
}

// One formatter for every report: creating an Intl formatter per call costs about half a millisecond.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const longDate = (iso: string): string => LONG_DATE.format(new Date(iso));

function suppressed(reason: SuppressionCause, k: number): SuppressedCell {
  return { suppressed: true, reason, message: messageFor(reason, k) };
}

/** Plain words for every reason a cell is hidden. */
export function messageFor(reason: SuppressionCause, k: number): string {
  switch (reason) {
    case 'below-k':
    case 'complementary':
    case 'differencing':
      return suppressionMessage(reason, k);
    case 'dominant-answer':
      return `Hidden because fewer than ${k} people answered differently from everyone else`;
    case 'small-category':
      return `Hidden because fewer than ${k} people gave one of the answers`;
  }
}

function responsesSection(inputs: ReportFrame): ReportResponses {
  const { count, headcount, k } = inputs;
  if (count < k) {
    return {
      count: null,
      headcount,
      responseRate: null,
      message: suppressionMessage('below-k', k),
    };
  }
  return {
    count,
    headcount,
    responseRate: headcount && headcount > 0 ? (100 * count) / headcount : null,
    message: null,
  };
}

function statusSentence(inputs: ReportFrame): string {
  const { wave, k, count } = inputs;
  if (wave.state === 'not-open') {
    return `${wave.name} opens on ${longDate(wave.opensAt)}. There are no responses yet.`;
  }
  if (wave.state === 'open') {
    return (
      `${wave.name} is open until ${longDate(wave.closesAt)}. Scores appear here when it closes; ` +
      'until then you can see only how many people have responded.'
    );
  }
  if (count < k) {
    return (
      `Fewer than ${k} people responded, so no results can be shown: with so few responses, ` +
      'people’s answers could be worked out.'
    );
  }
  return `${wave.name} closed on ${longDate(wave.closesAt)}. These results are from ${count} responses.`;
}

const ciOf = (ci: ConfidenceInterval): ConfidenceInterval => ({ lower: ci.lower, upper: ci.upper });

function comparison(
  label: string,
  compared: PopulationComparison | null,
  k: number,
): ScaleComparison | SuppressedCell {
  if (!compared || compared.others.n < k) return suppressed('below-k', k);
  const { others, difference } = compared;
  return {
    label,
    n: others.n,
    mean: (others.mean / 100) * 4 + 1,
    score: others.mean,
    difference: difference.difference,
    differenceCi: ciOf(difference.ci),
    p: difference.p,
    significant: difference.p < SIGNIFICANCE,
  };
}

function changeOf(
  scale: ScaleDefinition,
  current: readonly number[],
  inputs: ReportInputs,
): ScaleChange {
  const { previous, k } = inputs;
  if (!previous) {
    return {
      status: 'no-previous-wave',
      previousWave: null,
      message: 'There is no earlier wave to compare with.',
    };
  }
  const before = presentValues(previous.la.scaleScores[scale.key]);
  if (before.length < k) {
    return {
      status: 'suppressed',
      previousWave: previous.wave,
      message: `Fewer than ${k} responses in ${previous.wave.name}, so there is nothing to compare with.`,
    };
  }
  const verdict = previous.verdicts?.[scale.key];
  if (!verdict) {
    return {
      status: 'unavailable',
      previousWave: previous.wave,
      message: 'Whether the survey measured this the same way in both waves could not be checked.',
    };
  }
  if (!verdict.holds) {
    return {
      status: 'not-comparable',
      previousWave: previous.wave,
      message: NOT_COMPARABLE_MESSAGE,
    };
  }
  const d = compareMeans(current, before);
  return {
    status: 'shown',
    previousWave: previous.wave,
    previousN: before.length,
    previousScore: estimateMean(before).mean,
    difference: d.difference,
    differenceCi: ciOf(d.ci),
    p: d.p,
    significant: d.p < SIGNIFICANCE,
    hedgesG: standardisedDifference(current, before),
    message: `Compared with ${previous.wave.name}; the survey measured this the same way in both waves.`,
  };
}

function scaleResult(scale: ScaleDefinition, inputs: ReportInputs, la: ResponseTable): ScaleResult {
  const { k, organisation } = inputs;
  const head = { key: scale.key, title: scale.title, higherIsBetter: scale.higherIsBetter };
  const scores = presentValues(la.scaleScores[scale.key]);
  if (scores.length < k) return { ...head, ...suppressed('below-k', k) };
  const means = estimateMean(presentValues(la.scaleMeans[scale.key]));
  const score = estimateMean(scores);

  const compared = inputs.comparisons?.[scale.key];
  const nationalCell = comparison(
    'England (other local authorities)',
    compared?.national ?? null,
    k,
  );
  const regionalCell: ScaleComparison | SuppressedCell =
    compared && compared.otherLasInRegion < REGION_MINIMUM_OTHER_LAS
      ? {
          suppressed: true,
          reason: 'differencing',
          message: `Fewer than ${REGION_MINIMUM_OTHER_LAS} other local authorities in the region responded`,
        }
      : comparison(
          `${organisation.region} (other local authorities)`,
          compared?.regional ?? null,
          k,
        );

  let reliability: { alpha: number; n: number } | null = null;
  try {
    reliability = {
      alpha: reliabilityOf(scaleItemsDataSet(inputs.instrument, scale.key, [la]), scale.items, []),
      n: la.size,
    };
  } catch {
    reliability = null;
  }

  return {
    ...head,
    suppressed: false,
    n: score.n,
    mean: means.mean,
    meanCi: ciOf(means.ci),
    score: score.mean,
    scoreCi: ciOf(score.ci),
    national: nationalCell,
    regional: regionalCell,
    change: changeOf(scale, scores, inputs),
    reliability,
  };
}

function itemDistributions(inputs: ReportInputs, la: ResponseTable): ItemDistribution[] {
  const { instrument, k } = inputs;
  const { min, max } = instrument.responseScale;
  const middle = (min + max) / 2;
  return instrument.scales.flatMap((scale) =>
    scale.items.map((item): ItemDistribution => {
      const head = {
        item,
        text: instrument.questions.find((q) => q.name === item)?.text ?? item,
        scale: scale.key,
        reversed: scale.reversed.includes(item),
      };
      const counts = { disagree: 0, neutral: 0, agree: 0 };
      for (const v of la.items[item] ?? []) {
        if (Number.isNaN(v)) continue;
        if (v < middle) counts.disagree++;
        else if (v > middle) counts.agree++;
        else counts.neutral++;
      }
      const result = protectDistribution(counts, { k, threeWay: null });
      if (result.status === 'suppressed') return { ...head, ...suppressed(result.reason, k) };
      return {
        ...head,
        suppressed: false,
        agree: result.percentages['agree'] ?? 0,
        neutral: result.percentages['neutral'] ?? 0,
        disagree: result.percentages['disagree'] ?? 0,
      };
    }),
  );
}

const DIMENSION_TITLES: Readonly<Record<string, string>> = {
  role: 'Role',
  teamType: 'Team type',
  employment: 'Employment',
};

function groupedResults(inputs: ReportInputs, la: ResponseTable): GroupedDimension[] {
  const { instrument, k } = inputs;
  const questions = instrument.groupingQuestions.map((name) => {
    const question = instrument.questions.find((q) => q.name === name);
    const keys = [...(question?.choices ?? []).map((c) => String(c.value)), NOT_ANSWERED];
    const labels = new Map<string, string>([
      ...(question?.choices ?? []).map((c): [string, string] => [String(c.value), c.text]),
      [NOT_ANSWERED, 'Did not say'],
    ]);
    return { name, keys, labels, required: question?.required ?? false };
  });
  const records: RespondentGroups[] = [];
  for (let r = 0; r < la.size; r++) {
    const record: Record<string, string> = {};
    for (const q of questions) {
      const value = la.grouping[q.name]?.[r] ?? NOT_ANSWERED;
      record[q.name] = q.keys.includes(value) ? value : NOT_ANSWERED;
    }
    records.push(record);
  }
  const dimensions: DimensionSpec[] = questions.map((q) => ({ name: q.name, keys: q.keys }));
  const protectedGroups = suppressAcrossDimensions(records, dimensions, { k });

  // Per scale, a group's mean rests on those of its members with a score on that scale: protect
  // those sets too, across all three dimensions, exactly as the headcounts were protected.
  // scaleCells[scale][dimension] maps a group key to its cell.
  const scaleCells = new Map<string, Map<string, GroupScaleCell>[]>();
  for (const scale of instrument.scales) {
    const column = la.scaleScores[scale.key];
    const scored: number[] = [];
    for (let r = 0; r < la.size; r++) if (!Number.isNaN(column?.[r] ?? Number.NaN)) scored.push(r);
    const protectedScale = suppressAcrossDimensions(
      scored.map((r) => records[r] ?? {}),
      dimensions,
      { k },
    );
    scaleCells.set(
      scale.key,
      questions.map((q, d) => {
        const sums = new Map<string, { n: number; sum: number }>();
        for (const r of scored) {
          const key = records[r]?.[q.name] ?? NOT_ANSWERED;
          const s = sums.get(key) ?? { n: 0, sum: 0 };
          s.n++;
          s.sum += column?.[r] ?? 0;
          sums.set(key, s);
        }
        const byKey = new Map<string, GroupScaleCell>();
        for (const cell of protectedScale.dimensions[d]?.groups ?? []) {
          const s = sums.get(cell.key);
          byKey.set(
            cell.key,
            cell.suppressed || !s
              ? { scale: scale.key, ...suppressed(cell.suppressed ? cell.reason : 'below-k', k) }
              : { scale: scale.key, suppressed: false, n: s.n, score: s.sum / s.n },
          );
        }
        return byKey;
      }),
    );
  }

  return questions.map((q, d): GroupedDimension => {
    const cells = protectedGroups.dimensions[d]?.groups ?? [];
    const groups = cells
      // A required question has no "did not say" group; an empty one would only add a row of nothing.
      .filter((cell) => !(q.required && cell.key === NOT_ANSWERED && cell.suppressed))
      .map((cell): GroupRow => {
        const label = q.labels.get(cell.key) ?? cell.key;
        if (cell.suppressed) return { key: cell.key, label, ...suppressed(cell.reason, k) };
        return {
          key: cell.key,
          label,
          suppressed: false,
          n: cell.n,
          scales: instrument.scales.map(
            (scale) =>
              scaleCells.get(scale.key)?.[d]?.get(cell.key) ?? {
                scale: scale.key,
                ...suppressed('below-k', k),
              },
          ),
        };
      });
    return { dimension: q.name, title: DIMENSION_TITLES[q.name] ?? q.name, groups };
  });
}

function driversSection(inputs: ReportInputs, la: ResponseTable): DriversResult {
  const { instrument, nationalDrivers } = inputs;
  const predictors = instrument.scales.map((s) => s.key);
  let local: DriversComputation | null = null;
  if (la.size >= LOCAL_DRIVERS_MINIMUM) {
    try {
      local = driversOf(driversDataSet(instrument, la), instrument.outcome, predictors);
    } catch {
      local = null;
    }
  }
  const useLocal = local !== null && local.n >= LOCAL_DRIVERS_MINIMUM;
  const chosen = useLocal ? local : nationalDrivers;
  if (!chosen) {
    return { available: false, message: 'What drives intention to stay could not be worked out.' };
  }
  return {
    available: true,
    source: useLocal ? 'organisation' : 'national',
    n: chosen.n,
    r2: chosen.r2,
    shares: instrument.scales.map((scale, i) => {
      const share = chosen.shares[i] ?? 0;
      return {
        scale: scale.key,
        title: scale.title,
        share,
        percentOfR2: chosen.r2 > 0 ? (100 * share) / chosen.r2 : 0,
      };
    }),
    message: useLocal
      ? `Based on ${chosen.n.toLocaleString('en-GB')} responses from your local authority.`
      : `Based on ${chosen.n.toLocaleString('en-GB')} responses from across England, because your local authority has fewer than ${LOCAL_DRIVERS_MINIMUM} complete responses.`,
  };
}

const clamp = (v: number): number => Math.min(100, Math.max(0, v));

/** The funnel's limits at n from the smallest to the largest plotted LA (log-spaced, for drawing). */
export function funnelLimits(
  funnel: FunnelComputation,
  smallest: number,
  largest: number,
  steps = 40,
): FunnelScale['limits'] {
  const from = Math.max(2, Math.floor(smallest * 0.9));
  const to = Math.max(from + 1, Math.ceil(largest * 1.05));
  const out: FunnelLimitPoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const n = Math.round(from * Math.pow(to / from, i / steps));
    if (out.length > 0 && out[out.length - 1]?.n === n) continue;
    const { limits95, limits998 } = funnel.limitsAt(n);
    out.push({
      n,
      lower95: clamp(limits95[0]),
      upper95: clamp(limits95[1]),
      lower998: clamp(limits998[0]),
      upper998: clamp(limits998[1]),
    });
  }
  return out;
}

function funnelSection(inputs: ReportInputs): FunnelScale[] {
  const { funnel, instrument, organisation } = inputs;
  if (!funnel) return [];
  return instrument.scales.flatMap((scale): FunnelScale[] => {
    const f = funnel[scale.key];
    if (!f || f.units.length === 0) return [];
    const points = f.units
      .map((u) => ({
        n: u.n,
        score: u.mean,
        own: u.unit === organisation.id,
        outside95: u.outside95,
        outside998: u.outside998,
      }))
      // Ordered by size and score, never by anything that could name an LA.
      .sort((a, b) => a.n - b.n || a.score - b.score);
    const own = points.find((p) => p.own);
    const ns = points.map((p) => p.n);
    return [
      {
        scale: scale.key,
        title: scale.title,
        target: f.target,
        points,
        limits: funnelLimits(f, Math.min(...ns), Math.max(...ns)),
        ownPosition: !own
          ? null
          : own.outside998
            ? 'outside998'
            : own.outside95
              ? 'outside95'
              : 'inside',
      },
    ];
  });
}

/** The parts of a report that exist only once a wave has closed with at least K responses. */
export type ReleasedSections = Pick<LaReport, 'scales' | 'items' | 'groups' | 'drivers' | 'funnel'>;

/** What every report has, released or not: who, which wave and service, and the counts. */
export type ReportFrame = Pick<
  ReportInputs,
  'instrument' | 'organisation' | 'service' | 'wave' | 'waves' | 'k' | 'count' | 'headcount' | 'now'
>;

/** Whether scores may be shown at all: the wave has closed and the LA has at least K responses. */
export function scoresReleased(frame: Pick<ReportFrame, 'wave' | 'count' | 'k'>): boolean {
  return frame.wave.state === 'closed' && frame.count >= frame.k;
}

/**
 * The released sections from the LA's responses and the national benchmarks. For a closed wave
 * these never change, so the service caches them per LA, wave, service and K.
 */
export function buildReleasedSections(
  inputs: ReportInputs & { readonly la: ResponseTable },
): ReleasedSections {
  const { instrument, la } = inputs;
  return {
    scales: instrument.scales.map((scale) => scaleResult(scale, inputs, la)),
    items: itemDistributions(inputs, la),
    groups: groupedResults(inputs, la),
    drivers: driversSection(inputs, la),
    funnel: funnelSection(inputs),
  };
}

/** A report from its frame and, when scores are released, its released sections. */
export function assembleReport(frame: ReportFrame, sections: ReleasedSections | null): LaReport {
  const released = scoresReleased(frame) && sections !== null;
  return {
    organisation: {
      gssCode: frame.organisation.gssCode,
      name: frame.organisation.name,
      region: frame.organisation.region,
    },
    service: frame.service,
    wave: frame.wave,
    waves: frame.waves,
    minimumGroupSize: frame.k,
    responses: responsesSection(frame),
    scoresReleased: released,
    status: statusSentence(frame),
    scales: released ? sections.scales : [],
    items: released ? sections.items : [],
    groups: released ? sections.groups : [],
    drivers: released ? sections.drivers : null,
    funnel: released ? sections.funnel : [],
    generatedAt: frame.now.toISOString(),
  };
}

/** The whole report from loaded data: pure, so every rule about what may be shown is testable. */
export function buildReport(inputs: ReportInputs): LaReport {
  const { la } = inputs;
  return assembleReport(
    inputs,
    scoresReleased(inputs) && la !== null ? buildReleasedSections({ ...inputs, la }) : null,
  );
}
