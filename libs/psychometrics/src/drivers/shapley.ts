/**
 * Shapley / LMG decomposition of R² (Lindeman, Merenda & Gold 1980; Grömping 2006, J. Stat. Softw.
 * 17(1); relaimpo 2.2-7 `calc.relimp(type = "lmg")`):
 *   LMG_j = Σ_{S ⊆ P∖{j}} |S|!(p − |S| − 1)!/p! · [R²(S ∪ {j}) − R²(S)],
 * with all 2^p subset R² computed once from the correlation matrix, R²(S) = r_yS' R_SS⁻¹ r_yS
 * (Cholesky solve), R²(∅) = 0. Rows with a missing outcome or predictor are dropped (relaimpo's
 * na.omit). Optional case weights give relaimpo's `weights =` (cov.wt correlation).
 */
import type { DataSet } from '../data/data-set';
import { solveSpd } from '../linalg';
import { selectColumns } from '../scoring/data-access';
import { ConstantItemError, InvalidArgumentError, TooFewRowsError } from '../scoring/errors';

export interface ShapleyOptions {
  /** Case weights (relaimpo `weights =`); rows with a missing or non-positive weight are dropped. */
  readonly weights?: readonly number[];
}

export interface ShapleyResult {
  /** Complete rows used. */
  readonly n: number;
  /** R² of the full model. */
  readonly r2: number;
  /** LMG shares in predictor order; they sum to r2. */
  readonly shapley: readonly number[];
  /** The same shares keyed by predictor name. */
  readonly shares: Readonly<Record<string, number>>;
}

const MAX_PREDICTORS = 20;

/** Weighted correlation matrix of the columns (weights all 1 = R's cor()). */
function correlation(cols: readonly number[][], w: readonly number[]): number[][] {
  const sw = w.reduce((a, b) => a + b, 0);
  const means = cols.map((c) => {
    let m = c.reduce((s, v, i) => s + (w[i] as number) * v, 0) / sw;
    m += c.reduce((s, v, i) => s + (w[i] as number) * (v - m), 0) / sw; // two-pass refinement
    return m;
  });
  const dev = cols.map((c, j) => c.map((v) => v - (means[j] as number)));
  const cov = dev.map((a) =>
    dev.map((b) => a.reduce((s, v, i) => s + (w[i] as number) * v * (b[i] as number), 0)),
  );
  return cov.map((row, i) =>
    row.map((v, j) =>
      i === j ? 1 : v / Math.sqrt((cov[i]?.[i] as number) * (cov[j]?.[j] as number)),
    ),
  );
}

/**
 * relaimpo LMG shares of R² for `outcome ~ predictors` (2 ≤ p ≤ 20).
 * @throws UnknownColumnError, InvalidArgumentError (fewer than 1 or more than 20 predictors,
 *   duplicates, collinear predictors), TooFewRowsError (n ≤ p + 1 complete rows),
 *   ConstantItemError (a constant outcome or predictor)
 */
export function shapleyR2(
  data: DataSet,
  outcome: string,
  predictors: readonly string[],
  options: ShapleyOptions = {},
): ShapleyResult {
  const p = predictors.length;
  if (p < 1 || p > MAX_PREDICTORS) {
    throw new InvalidArgumentError(`shapleyR2 takes 1 to ${MAX_PREDICTORS} predictors, got ${p}.`);
  }
  const names = [outcome, ...predictors];
  if (new Set(names).size !== names.length) {
    throw new InvalidArgumentError(
      'shapleyR2: the outcome and predictors must be distinct columns.',
    );
  }
  const cols = selectColumns(data, names);
  const weights = options.weights;
  if (weights && weights.length !== data.rows.length) {
    throw new InvalidArgumentError(
      `There are ${weights.length} weights for ${data.rows.length} rows.`,
    );
  }
  const keep: number[] = [];
  for (let r = 0; r < data.rows.length; r++) {
    if (cols.some((c) => Number.isNaN(c[r]))) continue;
    if (weights && !((weights[r] as number) > 0)) continue;
    keep.push(r);
  }
  const n = keep.length;
  if (n <= p + 1) throw new TooFewRowsError(`A regression on ${p} predictor(s)`, p + 2, n);
  const x = cols.map((c) => keep.map((r) => c[r] as number));
  x.forEach((c, j) => {
    if (c.every((v) => v === c[0])) throw new ConstantItemError(names[j] as string);
  });
  const w = keep.map((r) => (weights ? (weights[r] as number) : 1));
  const R = correlation(x, w);
  const ry = (R[0] as number[]).slice(1);
  const rxx = R.slice(1).map((row) => row.slice(1));

  // R² of every subset (bit j of the mask = predictor j)
  const size = 1 << p;
  const r2 = new Float64Array(size);
  for (let mask = 1; mask < size; mask++) {
    const idx: number[] = [];
    for (let j = 0; j < p; j++) if (mask & (1 << j)) idx.push(j);
    const m = idx.length;
    const a = new Float64Array(m * m);
    const b = new Float64Array(m);
    idx.forEach((u, i) => {
      b[i] = ry[u] as number;
      idx.forEach((v, k) => (a[i * m + k] = rxx[u]?.[v] as number));
    });
    let sol: Float64Array;
    try {
      sol = solveSpd(a, m, b, 'predictor correlation matrix');
    } catch {
      throw new InvalidArgumentError(
        `The predictors ${idx.map((j) => predictors[j]).join(', ')} are collinear; drop one of them.`,
      );
    }
    let s = 0;
    for (let i = 0; i < m; i++) s += (b[i] as number) * (sol[i] as number);
    r2[mask] = s;
  }

  // weight of a subset of size s not containing j: s!(p − s − 1)!/p! = 1/(p·C(p − 1, s))
  const weight = new Float64Array(p);
  let binom = 1;
  for (let s = 0; s < p; s++) {
    weight[s] = 1 / (p * binom);
    binom = (binom * (p - 1 - s)) / (s + 1);
  }
  const popcount = (v: number): number => {
    let c = 0;
    for (let u = v; u; u &= u - 1) c++;
    return c;
  };
  const shapley = predictors.map((_, j) => {
    const bit = 1 << j;
    let acc = 0;
    for (let mask = 0; mask < size; mask++) {
      if (mask & bit) continue;
      acc +=
        (weight[popcount(mask)] as number) * ((r2[mask | bit] as number) - (r2[mask] as number));
    }
    return acc;
  });
  const shares: Record<string, number> = {};
  predictors.forEach((name, j) => (shares[name] = shapley[j] as number));
  return { n, r2: r2[size - 1] as number, shapley, shares };
}
