/**
 * The LA results report:
 * GET /api/organisations/{gssCode}/report?wave={waveId}&service={children|adults}.
 *
 * Every number here obeys the minimum group size K: a cell that would describe fewer than K
 * respondents carries `suppressed: true` and a sentence instead of numbers.
 */
import type { ServiceKind } from './survey';
import type { WaveState } from './waves';

/** Why a cell carries no numbers. */
export type SuppressionCause =
  'below-k' | 'complementary' | 'differencing' | 'dominant-answer' | 'small-category';

export interface SuppressedCell {
  readonly suppressed: true;
  readonly reason: SuppressionCause;
  /** e.g. "Fewer than 10 responses". */
  readonly message: string;
}

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
}

/** This LA against another population (England or the region, in both cases without this LA). */
export interface ScaleComparison {
  /** e.g. "England (other local authorities)" or "North East (other local authorities)". */
  readonly label: string;
  readonly n: number;
  readonly mean: number;
  readonly score: number;
  /** This LA minus the comparison, in 0–100 points (Welch). */
  readonly difference: number;
  readonly differenceCi: ConfidenceInterval;
  readonly p: number;
  readonly significant: boolean;
}

export type ScaleChange =
  | {
      readonly status: 'shown';
      readonly previousWave: { readonly id: string; readonly name: string };
      readonly previousN: number;
      readonly previousScore: number;
      /** This wave minus the previous one, in 0–100 points (Welch). */
      readonly difference: number;
      readonly differenceCi: ConfidenceInterval;
      readonly p: number;
      readonly significant: boolean;
      /** Hedges' g (small-sample corrected standardised difference). */
      readonly hedgesG: number;
      readonly message: string;
    }
  | {
      readonly status: 'not-comparable' | 'no-previous-wave' | 'suppressed' | 'unavailable';
      readonly previousWave: { readonly id: string; readonly name: string } | null;
      readonly message: string;
    };

export interface ScaleReliability {
  readonly alpha: number;
  readonly n: number;
}

export type ScaleResult =
  | {
      readonly key: string;
      readonly title: string;
      readonly higherIsBetter: boolean;
      readonly suppressed: false;
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
    }
  | ({
      readonly key: string;
      readonly title: string;
      readonly higherIsBetter: boolean;
    } & SuppressedCell);

export type ItemDistribution =
  | {
      readonly item: string;
      readonly text: string;
      readonly scale: string;
      readonly reversed: boolean;
      readonly suppressed: false;
      /** Percentages (0–100, unrounded) of those who answered. */
      readonly agree: number;
      readonly neutral: number;
      readonly disagree: number;
    }
  | ({
      readonly item: string;
      readonly text: string;
      readonly scale: string;
      readonly reversed: boolean;
    } & SuppressedCell);

export type GroupScaleCell =
  | {
      readonly scale: string;
      readonly suppressed: false;
      readonly n: number;
      readonly score: number;
    }
  | ({ readonly scale: string } & SuppressedCell);

export type GroupRow =
  | {
      readonly key: string;
      readonly label: string;
      readonly suppressed: false;
      readonly n: number;
      readonly scales: readonly GroupScaleCell[];
    }
  | ({ readonly key: string; readonly label: string } & SuppressedCell);

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
      readonly message: string;
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
  /** Where this LA lies, in words; null when it is not plotted. */
  readonly ownPosition: 'inside' | 'outside95' | 'outside998' | null;
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
