/**
 * The WLSMV sample statistics of ordered variables, group by group, as lavaan 0.6-14 computes them
 * (muthen1984, lav_samplestats_from_data; Muthén 1984, Psychometrika 49:115–132): thresholds, polychoric
 * correlations, and Γ (lavaan's NACOV) = N · A⁻¹ (Σ_rows s sᵀ) A⁻ᵀ, the asymptotic covariance of
 * s = (thresholds, correlations) from the casewise scores s of the univariate and bivariate likelihoods, with
 * A = [A11 0; A21 A22] their block-triangular "information" (outer products of scores), and the DWLS
 * weights 1/diag(Γ).
 *
 * Γ is N Σ_rows IF IFᵀ with IF = A⁻¹s, a row's influence on the statistics. A threshold's influence depends
 * only on the row's category of that variable, a correlation's only on the two categories of its pair, so
 * the threshold blocks of Γ come from bivariate tables and from sums of the correlation influences per
 * category; only the correlation block needs the dense product over the rows.
 */
import type { DataSet } from '../data/data-set';
import type { GroupingOptions } from '../cfa/moments';
import { addLowerGram, inverse, symmetrizeFromLower } from '../linalg';
import { OrdinalDataError } from './errors';
import { ordinalData, type OrdinalData, type OrdinalGroupData } from './ordinal-data';
import { polychoricCorrelation, polychoricScores } from './polychoric';
import { thresholdScores, thresholdsFromCounts } from './thresholds';

/** One group's thresholds and polychoric correlations (lavaan's lavCor(..., ordered = ...)). */
export interface OrdinalGroupCorrelations {
  readonly label: string;
  readonly n: number;
  /** All thresholds, variable by variable (variable order of the analysis). */
  readonly thresholds: Float64Array;
  /** p×p polychoric correlation matrix (row-major, unit diagonal). */
  readonly correlation: Float64Array;
  /** Pairs of variables whose bivariate table has an empty cell (lavaan's zero.cell.tables). */
  readonly emptyCellPairs: readonly (readonly [string, string])[];
}

/** One group's statistics. Vectors follow lavaan's WLS.obs order: thresholds by variable, then vech. */
export interface OrdinalGroupStatistics extends OrdinalGroupCorrelations {
  /** (thresholds, correlations below the diagonal column by column): lavaan's WLS.obs. */
  readonly observed: Float64Array;
  /** P×P asymptotic covariance of `observed` times N (lavaan's NACOV / lavInspect(fit, "gamma")). */
  readonly gamma: Float64Array;
  /** DWLS weights 1/diag(Γ) (lavaan's WLS.VD). */
  readonly weights: Float64Array;
}

interface Layout {
  readonly variables: readonly string[];
  /** Per variable: the observed values that are its categories, ascending. */
  readonly levels: readonly (readonly number[])[];
  /** Number of thresholds of each variable (categories − 1). */
  readonly nThresholds: readonly number[];
  /** lavaan's names of the thresholds, e.g. "x1|t1". */
  readonly thresholdNames: readonly string[];
  /** Rows dropped for a missing value or group label. */
  readonly nDropped: number;
}

export interface PolychoricCorrelations extends Layout {
  readonly groups: readonly OrdinalGroupCorrelations[];
}

export interface OrdinalSampleStatistics extends Layout {
  readonly groups: readonly OrdinalGroupStatistics[];
}

/** A fitted pair (column j, row i > j) with its table. */
interface Pair {
  readonly i: number;
  readonly j: number;
  readonly freq: Float64Array;
  readonly rho: number;
}

interface GroupFit extends OrdinalGroupCorrelations {
  readonly pairs: readonly Pair[];
}

/** Step 1 and 2 of muthen1984: thresholds, then each pair's polychoric, pairs in lavaan's vech order. */
function fitGroup(data: OrdinalData, group: OrdinalGroupData): GroupFit {
  const p = data.variables.length;
  const nth = data.levels.map((l) => l.length - 1);
  const th = group.counts.map((c) => thresholdsFromCounts(c));
  const correlation = new Float64Array(p * p);
  for (let a = 0; a < p; a++) correlation[a * p + a] = 1;
  const pairs: Pair[] = [];
  const emptyCellPairs: [string, string][] = [];
  for (let j = 0; j < p - 1; j++) {
    for (let i = j + 1; i < p; i++) {
      const k1 = nth[j]! + 1;
      const k2 = nth[i]! + 1;
      const freq = new Float64Array(k1 * k2);
      const cj = group.codes[j]!;
      const ci = group.codes[i]!;
      for (let r = 0; r < group.n; r++) freq[cj[r]! * k2 + ci[r]!]!++;
      const names: [string, string] = [data.variables[j]!, data.variables[i]!];
      const { rho, emptyCells } = polychoricCorrelation({ k1, k2, freq }, th[j]!, th[i]!, names);
      if (emptyCells) emptyCellPairs.push(names);
      correlation[i * p + j] = rho;
      correlation[j * p + i] = rho;
      pairs.push({ i, j, freq, rho });
    }
  }
  const thresholds = new Float64Array(nth.reduce((a, b) => a + b, 0));
  let o = 0;
  for (const t of th) {
    thresholds.set(t, o);
    o += t.length;
  }
  return { label: group.label, n: group.n, thresholds, correlation, emptyCellPairs, pairs };
}

/** Rows gathered per block before the correlation influences are multiplied out. */
const BLOCK_ROWS = 256;

/** Step 3 of muthen1984: Γ and the DWLS weights. */
function gammaOf(
  data: OrdinalData,
  group: OrdinalGroupData,
  fit: GroupFit,
): OrdinalGroupStatistics {
  const p = data.variables.length;
  const n = group.n;
  const nth = data.levels.map((l) => l.length - 1);
  const thOffset: number[] = [];
  let totalTh = 0;
  for (let a = 0; a < p; a++) {
    thOffset.push(totalTh);
    totalTh += nth[a]!;
  }
  const pairs = fit.pairs;
  const pstar = pairs.length;
  const P = totalTh + pstar;
  const th = nth.map((m, a) => fit.thresholds.subarray(thOffset[a], thOffset[a]! + m));

  // influence of each category on a variable's thresholds: A11⁻¹ s(y) (A11 is block-diagonal by variable)
  const thInfluence = th.map((t, a) => {
    const { score, crossProduct } = thresholdScores(t, group.counts[a]!);
    const m = nth[a]!;
    const inv = inverse(crossProduct, m, `threshold information of '${data.variables[a]}'`);
    const out = new Float64Array((m + 1) * m);
    for (let y = 0; y <= m; y++)
      for (let s = 0; s < m; s++) {
        let v = 0;
        for (let t = 0; t < m; t++) v += inv[s * m + t]! * score[y * m + t]!;
        out[y * m + s] = v;
      }
    return out;
  });

  // influence of each cell on a correlation: (s_ρ − A21·A11⁻¹s_τ)/A22, with A21 (ρ-score × the bivariate
  // likelihood's threshold scores) and A22 (ρ-score squared) summed over the rows cell by cell
  const corInfluence = pairs.map(({ i, j, freq, rho }) => {
    const k1 = nth[j]! + 1;
    const k2 = nth[i]! + 1;
    const sc = polychoricScores(rho, th[j]!, th[i]!);
    const n1 = k1 - 1;
    const n2 = k2 - 1;
    const a21j = new Float64Array(n1);
    const a21i = new Float64Array(n2);
    let a22 = 0;
    for (let c = 0; c < k1 * k2; c++) {
      const f = freq[c]!;
      if (f === 0) continue;
      const r = sc.rho[c]!;
      a22 += f * r * r;
      for (let t = 0; t < n1; t++) a21j[t]! += f * r * sc.th1[c * n1 + t]!;
      for (let t = 0; t < n2; t++) a21i[t]! += f * r * sc.th2[c * n2 + t]!;
    }
    if (!(a22 > 0)) {
      throw new OrdinalDataError(
        `the polychoric correlation of '${data.variables[j]}' and '${data.variables[i]}' has no information (all its cells are empty or improbable)`,
      );
    }
    const infJ = thInfluence[j]!;
    const infI = thInfluence[i]!;
    const influence = new Float64Array(k1 * k2);
    for (let a = 0; a < k1; a++)
      for (let b = 0; b < k2; b++) {
        let v = sc.rho[a * k2 + b]!;
        for (let t = 0; t < n1; t++) v -= a21j[t]! * infJ[a * n1 + t]!;
        for (let t = 0; t < n2; t++) v -= a21i[t]! * infI[b * n2 + t]!;
        influence[a * k2 + b] = v / a22;
      }
    return influence;
  });

  const gamma = new Float64Array(P * P);
  // thresholds × thresholds: Σ_y n_y F[y]F[y]' within a variable, Σ_ab n_ab F_j[a] F_i[b]' across a pair
  for (let a = 0; a < p; a++) {
    const m = nth[a]!;
    const F = thInfluence[a]!;
    const counts = group.counts[a]!;
    for (let s = 0; s < m; s++)
      for (let t = 0; t <= s; t++) {
        let v = 0;
        for (let y = 0; y <= m; y++) v += counts[y]! * F[y * m + s]! * F[y * m + t]!;
        gamma[(thOffset[a]! + s) * P + thOffset[a]! + t] = v;
      }
  }
  for (const { i, j, freq } of pairs) {
    const mj = nth[j]!;
    const mi = nth[i]!;
    const Fj = thInfluence[j]!;
    const Fi = thInfluence[i]!;
    for (let s = 0; s < mi; s++)
      for (let t = 0; t < mj; t++) {
        let v = 0;
        for (let a = 0; a <= mj; a++)
          for (let b = 0; b <= mi; b++)
            v += freq[a * (mi + 1) + b]! * Fj[a * mj + t]! * Fi[b * mi + s]!;
        gamma[(thOffset[i]! + s) * P + thOffset[j]! + t] = v; // i > j: below the diagonal
      }
  }
  // correlations × correlations (dense, blockwise) and Σ_rows IF_cor · [y_v = c] per variable and category
  const maxK = Math.max(...nth) + 1;
  const byCategory = new Float64Array(pstar * p * maxK);
  const corGram = new Float64Array(pstar * pstar);
  const block = new Float64Array(pstar * BLOCK_ROWS);
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const len = Math.min(BLOCK_ROWS, n - start);
    for (let q = 0; q < pstar; q++) {
      const { i, j } = pairs[q]!;
      const k2 = nth[i]! + 1;
      const cj = group.codes[j]!;
      const ci = group.codes[i]!;
      const inf = corInfluence[q]!;
      const row = q * BLOCK_ROWS;
      for (let r = 0; r < len; r++) block[row + r] = inf[cj[start + r]! * k2 + ci[start + r]!]!;
      for (let v = 0; v < p; v++) {
        const codes = group.codes[v]!;
        const o = (q * p + v) * maxK;
        for (let r = 0; r < len; r++) byCategory[o + codes[start + r]!]! += block[row + r]!;
      }
    }
    addLowerGram(block, pstar, BLOCK_ROWS, len, corGram);
  }
  for (let q = 0; q < pstar; q++) {
    for (let q2 = 0; q2 <= q; q2++)
      gamma[(totalTh + q) * P + totalTh + q2] = corGram[q * pstar + q2]!;
    // correlations × thresholds: Σ_c F_v[c, t] Σ_rows IF_cor [y_v = c]
    for (let v = 0; v < p; v++) {
      const m = nth[v]!;
      const F = thInfluence[v]!;
      const o = (q * p + v) * maxK;
      for (let t = 0; t < m; t++) {
        let s = 0;
        for (let c = 0; c <= m; c++) s += F[c * m + t]! * byCategory[o + c]!;
        gamma[(totalTh + q) * P + thOffset[v]! + t] = s;
      }
    }
  }
  for (let a = 0; a < P; a++) for (let b = 0; b <= a; b++) gamma[a * P + b]! *= n;
  symmetrizeFromLower(gamma, P);

  const observed = new Float64Array(P);
  observed.set(fit.thresholds, 0);
  pairs.forEach((pair, q) => (observed[totalTh + q] = pair.rho));
  const weights = new Float64Array(P);
  for (let a = 0; a < P; a++) weights[a] = 1 / gamma[a * P + a]!;
  return {
    label: fit.label,
    n,
    thresholds: fit.thresholds,
    correlation: fit.correlation,
    emptyCellPairs: fit.emptyCellPairs,
    observed,
    gamma,
    weights,
  };
}

function layout(od: OrdinalData): Layout {
  const nThresholds = od.levels.map((l) => l.length - 1);
  return {
    variables: od.variables,
    levels: od.levels,
    nThresholds,
    thresholdNames: od.variables.flatMap((v, a) =>
      Array.from({ length: nThresholds[a]! }, (_, t) => `${v}|t${t + 1}`),
    ),
    nDropped: od.nDropped,
  };
}

/**
 * Thresholds and polychoric correlations of `variables` (all treated as ordered), per group, after
 * listwise deletion — lavaan's lavCor(data, ordered = variables), without the asymptotic covariance.
 * @throws OrdinalDataError, EmptyCategoryError, CfaDataError (group options)
 */
export function polychoricCorrelations(
  data: DataSet,
  variables: readonly string[],
  grouping: GroupingOptions = {},
): PolychoricCorrelations {
  const od = ordinalData(data, variables, grouping);
  return {
    ...layout(od),
    groups: od.groups.map((g) => {
      const f = fitGroup(od, g);
      return {
        label: f.label,
        n: f.n,
        thresholds: f.thresholds,
        correlation: f.correlation,
        emptyCellPairs: f.emptyCellPairs,
      };
    }),
  };
}

/**
 * Thresholds, polychoric correlations, Γ and DWLS weights of `variables` (all treated as ordered), per
 * group, after listwise deletion.
 * @throws OrdinalDataError, EmptyCategoryError, CfaDataError (group options)
 */
export function ordinalSampleStatistics(
  data: DataSet,
  variables: readonly string[],
  grouping: GroupingOptions = {},
): OrdinalSampleStatistics {
  const od = ordinalData(data, variables, grouping);
  return { ...layout(od), groups: od.groups.map((g) => gammaOf(od, g, fitGroup(od, g))) };
}
