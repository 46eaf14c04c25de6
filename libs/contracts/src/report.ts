/**
 * The LA results report:
 * GET /api/organisations/{gssCode}/report?wave={waveId}&service={children|adults}.
 *
 * Every number here obeys the minimum group size K: a cell that would describe fewer than K
 * respondents carries `suppressed: true` and a sentence instead of numbers.
 */
import type { ServiceKind } from './survey';
import type { WaveRef, WaveState } from './waves';

/** Why a cell carries no numbers. */
export type SuppressionCause =
  'below-k' | 'complementary' | 'differencing' | 'dominant-answer' | 'small-category';

export interface SuppressedCell {
  readonly suppressed: true;
  readonly reason: SuppressionCause;
  /** e.g. "Fewer than 10 responses". */
  readonly message: string;
}

/**
 * What a report shows of one thing (a scale, a statement, a group): its `Head` always, and either
 * the `Shown` figures or, where they would describe too few people, why they are suppressed.
 */
export type ShownOrSuppressed<Head, Shown> =
  (Head & { readonly suppressed: false } & Shown) | (Head & SuppressedCell);

export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
}

export interface ReportWaveSummary {
  readonly id: string;
  readonly name: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly state: WaveState;
}

export interface ReportResponses {
  /** Null when fewer than K responses (then `message` says so). */
  readonly count: number | null;
  readonly headcount: number | null;
  /** 0–100, null without a headcount or below K. */
  readonly responseRate: number | null;
  readonly message: string | null;
  /** The count and rate in one sentence (e.g. when the headcount looks too low). */
  readonly sentence: string;
}

/**
 * The one verdict of a comparison, read the way every score is read (higher is better): 'better' or
 * 'worse' only when the difference is statistically clear (p < 0.05), else 'similar'.
 */
export type Verdict = 'better' | 'similar' | 'worse';

/** A difference tested with Welch's t: this LA (or wave) minus the other, and what it amounts to. */
export interface TestedDifference {
  /** In the figure's unit: 0–100 points for a scale's score, percentage points for a statement. */
  readonly difference: number;
  readonly differenceCi: ConfidenceInterval;
  readonly p: number;
  readonly significant: boolean;
  readonly verdict: Verdict;
}

/** This LA against another population (England or the region, in both cases without this LA). */
export interface ScaleComparison extends TestedDifference {
  /** e.g. "England (other local authorities)" or "North East (other local authorities)". */
  readonly label: string;
  readonly n: number;
  readonly mean: number;
  readonly score: number;
}

/** Why a scale's or statement's change since the previous wave is not shown, in `message`. */
export interface ChangeNotShown {
  readonly status: 'not-comparable' | 'no-previous-wave' | 'suppressed' | 'unavailable';
  readonly previousWave: WaveRef | null;
  readonly message: string;
}

export type ScaleChange =
  | (TestedDifference & {
      readonly status: 'shown';
      readonly previousWave: WaveRef;
      readonly previousN: number;
      readonly previousScore: number;
      /** Hedges' g (small-sample corrected standardised difference). */
      readonly hedgesG: number;
      readonly message: string;
    })
  | ChangeNotShown;

export interface ScaleReliability {
  readonly alpha: number;
  readonly n: number;
}

/**
 * Every scale is reported so that higher is better. A scale the instrument scores the other way
 * (job demands) is served turned round under its reported title, and names the instrument's scale.
 */
export interface ScaleHead {
  readonly key: string;
  /** The reported title, e.g. "Manageable workload". */
  readonly title: string;
  /** Always true: kept so that older readers see the direction stated. */
  readonly higherIsBetter: boolean;
  /** The instrument's own scale when the report turns it round (e.g. "Job demands"), else null. */
  readonly turnedRoundFrom: string | null;
  /** What the scale covers, completing "This scale is about …". */
  readonly about: string;
}

export type ScaleResult = ShownOrSuppressed<
  ScaleHead,
  {
    readonly n: number;
    /** Mean on the 1–5 answer scale with its 95% t interval. */
    readonly mean: number;
    readonly meanCi: ConfidenceInterval;
    /** The same mean on 0–100, with its 95% t interval. */
    readonly score: number;
    readonly scoreCi: ConfidenceInterval;
    readonly national: ScaleComparison | SuppressedCell;
    readonly regional: ScaleComparison | SuppressedCell;
    readonly change: ScaleChange;
    /** Null when alpha cannot be computed (e.g. an item everyone answered the same way). */
    readonly reliability: ScaleReliability | null;
    /** The headline in plain English: the score, England, and the change. */
    readonly sentence: string;
  }
>;

/** A scale whose figures are shown (at least K responses). */
export type ServedScaleResult = Extract<ScaleResult, { suppressed: false }>;

/** This LA's % favourable on a statement against another population's (Welch on 0/1 answers). */
export interface StatementComparison extends TestedDifference {
  readonly label: string;
  readonly n: number;
  readonly favourablePercent: number;
}

export type StatementChange =
  | (TestedDifference & {
      readonly status: 'shown';
      readonly previousWave: WaveRef;
      readonly previousFavourablePercent: number;
    })
  | ChangeNotShown;

export interface StatementBenchmarks {
  readonly england: StatementComparison | SuppressedCell;
  readonly region: StatementComparison | SuppressedCell;
  /** Only where the scale measured the same thing in both waves. */
  readonly change: StatementChange;
}

interface StatementHead {
  readonly item: string;
  readonly text: string;
  readonly scale: string;
  /** Reverse-keyed in the instrument (agreeing lowers the raw score). */
  readonly reversed: boolean;
  /** The answer that is good news for this statement; reverse-keyed statements' is usually 'disagree'. */
  readonly favourable: 'agree' | 'disagree';
}

/**
 * A statement's answers, as detailed as the privacy rule allows: agree / neither / disagree
 * (split 'three-way'), else favourable against the rest (split 'two-way'), else nothing.
 * Percentages are 0–100, unrounded, of those who answered.
 */
export type ItemDistribution = ShownOrSuppressed<
  StatementHead,
  | {
      readonly split: 'three-way';
      readonly agree: number;
      readonly neutral: number;
      readonly disagree: number;
      readonly favourablePercent: number;
      readonly benchmarks: StatementBenchmarks;
    }
  | {
      /** Shown only as % favourable against the rest: a three-way split would not have been safe. */
      readonly split: 'two-way';
      readonly favourablePercent: number;
      readonly restPercent: number;
      readonly benchmarks: StatementBenchmarks;
    }
>;

export type GroupScaleCell = ShownOrSuppressed<
  { readonly scale: string },
  {
    readonly n: number;
    readonly score: number;
    /** The group's score minus the LA's, in 0–100 points (positive = better). */
    readonly differenceFromOverall: number;
  }
>;

/** A group's % favourable on one statement (only when the split is safe in the group and beyond). */
export type GroupStatementCell = ShownOrSuppressed<
  { readonly item: string },
  {
    readonly n: number;
    readonly favourablePercent: number;
    /** Minus the LA's % favourable, in percentage points (positive = better). */
    readonly differenceFromOverall: number;
  }
>;

export type GroupRow = ShownOrSuppressed<
  { readonly key: string; readonly label: string },
  {
    readonly n: number;
    readonly scales: readonly GroupScaleCell[];
    readonly statements: readonly GroupStatementCell[];
  }
>;

export interface GroupedDimension {
  readonly dimension: string;
  readonly title: string;
  readonly groups: readonly GroupRow[];
}

export interface DriverShare {
  readonly scale: string;
  readonly title: string;
  /** Shapley (LMG) share of R²: the shares add up to `r2`. */
  readonly share: number;
  /** The share as a percentage of R². */
  readonly percentOfR2: number;
}

export type DriversResult =
  | {
      readonly available: true;
      /** 'organisation' when this LA has at least 100 complete responses, else 'national'. */
      readonly source: 'organisation' | 'national';
      readonly n: number;
      readonly r2: number;
      readonly shares: readonly DriverShare[];
      /** Where the figures come from. */
      readonly message: string;
      /** What they say, in plain English. */
      readonly sentence: string;
    }
  | { readonly available: false; readonly message: string };

export interface FunnelPoint {
  readonly n: number;
  readonly score: number;
  /** True only for the LA the report is about; other LAs carry no name or code. */
  readonly own: boolean;
  readonly outside95: boolean;
  readonly outside998: boolean;
}

export interface FunnelLimitPoint {
  readonly n: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

export interface FunnelScale {
  readonly scale: string;
  readonly title: string;
  /** England's mean 0–100 score over the plotted LAs. */
  readonly target: number;
  readonly points: readonly FunnelPoint[];
  readonly limits: readonly FunnelLimitPoint[];
  /** Where this LA lies against the funnel's limits; null when it is not plotted. */
  readonly ownPosition: 'inside' | 'outside95' | 'outside998' | null;
  /** This LA's point and the scale's headline verdict in words (the same verdict as the scale's). */
  readonly caption: string;
}

/** A statement clearly above or below England (favourable %). */
export interface StatementHighlight {
  readonly item: string;
  readonly text: string;
  readonly scale: string;
  readonly favourablePercent: number;
  readonly englandFavourablePercent: number;
  /** In percentage points, this LA minus England. */
  readonly difference: number;
}

/** The answer at a glance: the first screen and the first page. */
export interface ReportSummary {
  /** Up to three statements most clearly above England. */
  readonly strengths: readonly StatementHighlight[];
  /** Up to three statements most clearly below England. */
  readonly concerns: readonly StatementHighlight[];
  /** The scales that go most with intention to stay, largest share first (at most two). */
  readonly topDrivers: readonly DriverShare[];
}

export interface LaReport {
  readonly organisation: {
    readonly gssCode: string;
    readonly name: string;
    readonly region: string;
  };
  readonly service: ServiceKind;
  readonly wave: ReportWaveSummary;
  /** Waves a picker may offer, newest first. */
  readonly waves: readonly ReportWaveSummary[];
  readonly minimumGroupSize: number;
  readonly responses: ReportResponses;
  /** False while the wave is open or when the LA has fewer than K responses. */
  readonly scoresReleased: boolean;
  /** Plain words on why scores are (not) shown. */
  readonly status: string;
  /** Null unless scores are released. */
  readonly summary: ReportSummary | null;
  readonly scales: readonly ScaleResult[];
  readonly items: readonly ItemDistribution[];
  readonly groups: readonly GroupedDimension[];
  readonly drivers: DriversResult | null;
  readonly funnel: readonly FunnelScale[];
  readonly generatedAt: string;
}

export interface HeadcountRequest {
  readonly wave: string;
  readonly service: ServiceKind;
  readonly headcount: number;
}

export interface HeadcountResponse extends HeadcountRequest {
  readonly organisation: string;
}

/** How a verdict is named against another population (cards, tables, captions, CSV, PDF). */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  better: 'Better',
  similar: 'Similar',
  worse: 'Worse',
};

/** How a verdict is named for a change since the previous wave. */
export const CHANGE_LABELS: Readonly<Record<Verdict, string>> = {
  better: 'Improved',
  similar: 'No clear change',
  worse: 'Got worse',
};

/** A verdict against England in a few words (chart labels, card headings). */
export const VERDICT_AGAINST_ENGLAND: Readonly<Record<Verdict, string>> = {
  better: 'Better than England',
  similar: 'Similar to England',
  worse: 'Worse than England',
};
