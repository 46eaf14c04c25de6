import type { ServiceKind } from './survey';
import type { WaveRef } from './waves';

/** The variables national figures may be raked to, with the survey's answers as their categories. */
export type WorkforceMarginVariable = 'role' | 'region';
export const WORKFORCE_MARGIN_VARIABLES: readonly WorkforceMarginVariable[] = ['role', 'region'];

/** Workforce counts per category of each variable given (e.g. the national workforce census). */
export type WorkforceMarginCounts = Partial<
  Record<WorkforceMarginVariable, Record<string, number>>
>;

/** PUT /api/admin/workforce-margins: one service's margins (replaces what was stored). */
export interface WorkforceMarginsRequest {
  service: ServiceKind;
  /** Where the figures come from, shown beside every raked figure. */
  source: string;
  margins: WorkforceMarginCounts;
}

export interface WorkforceMargins {
  readonly service: ServiceKind;
  readonly source: string;
  readonly margins: WorkforceMarginCounts;
  readonly updatedAt: string;
}

/** GET /api/admin/workforce-margins: what is stored, and the categories a complete margin lists. */
export interface WorkforceMarginsOverview {
  readonly stored: readonly WorkforceMargins[];
  readonly categories: Readonly<
    Record<WorkforceMarginVariable, readonly { readonly value: string; readonly text: string }[]>
  >;
}

/** A mean 0–100 scale score with its 95% interval (t, n − 1 df), design effect and effective n. */
export interface ScaleEstimate {
  readonly n: number;
  readonly mean: number;
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
  /** Kish's design effect of the weights (1 unweighted). */
  readonly designEffect: number;
  readonly effectiveN: number;
}

export interface AreaScaleEstimate {
  readonly scale: string;
  readonly title: string;
  /** null when fewer than K answered. */
  readonly unweighted: ScaleEstimate | null;
  /** null when no margins are stored, they cannot be met, or fewer than K answered. */
  readonly raked: ScaleEstimate | null;
}

export interface AreaEstimates {
  /** 'England' or a region's name. */
  readonly area: string;
  /** Responses (null when fewer than K: nothing is shown). */
  readonly n: number | null;
  readonly scales: readonly AreaScaleEstimate[];
}

export interface NationalFunnelUnit {
  readonly gssCode: string;
  readonly name: string;
  readonly region: string;
  readonly n: number;
  readonly score: number;
  readonly outside95: boolean;
  readonly outside998: boolean;
}

export interface NationalFunnel {
  readonly scale: string;
  readonly title: string;
  readonly target: number;
  /** Every LA with at least K answers, by name. */
  readonly units: readonly NationalFunnelUnit[];
  /** LAs with some but fewer than K answers: left out. */
  readonly unitsSuppressed: number;
  readonly limits: readonly {
    readonly n: number;
    readonly lower95: number;
    readonly upper95: number;
    readonly lower998: number;
    readonly upper998: number;
  }[];
}

export interface NationalTrendPoint {
  readonly waveId: string;
  readonly waveName: string;
  readonly unweighted: ScaleEstimate | null;
  readonly raked: ScaleEstimate | null;
  /**
   * Whether this wave may be compared with the one before (scalar invariance in the validation
   * report); null for the first wave.
   */
  readonly comparableWithPrevious: boolean | null;
  readonly why: string | null;
}

export interface NationalTrend {
  readonly scale: string;
  readonly title: string;
  readonly points: readonly NationalTrendPoint[];
}

/** GET /api/research/national?wave=&service= */
export interface NationalPicture {
  readonly wave: WaveRef;
  readonly service: ServiceKind;
  /** Closed waves one may choose, oldest first. */
  readonly waves: readonly WaveRef[];
  readonly minimumGroupSize: number;
  /** The margins raked to (null: none stored for the service, so only unweighted figures). */
  readonly margins: {
    readonly source: string;
    readonly updatedAt: string;
    readonly variables: readonly WorkforceMarginVariable[];
  } | null;
  /** Why the raked figures are missing or how they were made (e.g. responses left out). */
  readonly rakingNote: string | null;
  readonly england: AreaEstimates;
  readonly regions: readonly AreaEstimates[];
  readonly funnels: readonly NationalFunnel[];
  readonly trends: readonly NationalTrend[];
}
