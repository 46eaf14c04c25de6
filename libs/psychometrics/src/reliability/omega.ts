/**
 * McDonald's omega total (McDonald 1999, Test Theory: A Unified Treatment) from a one-factor ML CFA: `cfa('f =~ i1 + … + ik', std.lv = TRUE)`
 * with lavaan 0.6-14's defaults (listwise deletion, N divisor), then
 *
 *   ω = (Σλ)² / ((Σλ)² + Σθ)
 *
 * — the model-implied omega, equal to semTools `compRelSEM(fit, obs.var = FALSE)` and to
 * `semTools::reliability(fit)["omega", ]`. semTools' `compRelSEM()` default (obs.var = TRUE) divides
 * by the observed total variance sum(S) instead; that value is returned as
 * `omegaObservedVariance` but is not the omega total reported here. psych::omega() is a different
 * (EFA-based) estimator and is not reproduced.
 *
 * Reverse-keyed items are recoded as max + min − x with max and min taken over all the items (the
 * global range, as psych 2.2.9 alpha() does), before the fit.
 */
import type { DataSet } from '../data/data-set';
import { CfaDataError, NotIdentifiedError } from '../cfa/errors';
import { fitCfaToMoments, type CfaResult } from '../cfa/fit';
import { sampleMoments } from '../cfa/moments';
import type { CfaModel } from '../cfa/syntax';

export interface OmegaOptions {
  /** Items to reverse-key (must be among `items`). */
  readonly reverse?: readonly string[];
}

export interface OmegaResult {
  /** Complete rows used (listwise over the items). */
  readonly n: number;
  /** (Σλ)² / ((Σλ)² + Σθ), model-implied. */
  readonly omegaTotal: number;
  /** Standardised-latent (std.lv) loadings by item name. Their common sign is arbitrary in ML; ω is not. */
  readonly loadings: Record<string, number>;
  /** Residual variances θ by item name. */
  readonly residualVariances: Record<string, number>;
  /** semTools compRelSEM() default: (Σλ)² / sum(S), S the sample covariance with divisor N. */
  readonly omegaObservedVariance: number;
  /** The underlying one-factor fit (χ², CFI, RMSEA, … and convergence). */
  readonly fit: CfaResult;
  /**
   * The fit's warnings (e.g. a negative residual variance), and loadings of mixed sign: (Σλ)² then
   * cancels, so omega understates the reliability of a scale whose negatively worded items are not
   * reversed.
   */
  readonly warnings: string[];
}

/**
 * Omega total of a scale.
 * @throws CfaDataError (unknown item, reverse item not among the items, too few complete rows),
 *   NotIdentifiedError (fewer than 3 items), NotPositiveDefiniteError (collinear items).
 */
export function omegaTotal(
  data: DataSet,
  items: readonly string[],
  options: OmegaOptions = {},
): OmegaResult {
  if (new Set(items).size !== items.length)
    throw new CfaDataError('omega: an item is listed twice');
  if (items.length < 3) {
    throw new NotIdentifiedError(
      `omega needs a one-factor model with at least 3 items, got ${items.length}`,
    );
  }
  const cols = items.map((it) => {
    const j = data.columns.indexOf(it);
    if (j < 0) throw new CfaDataError(`the item '${it}' is not in the data`);
    return j;
  });
  const reverse = options.reverse ?? [];
  for (const r of reverse) {
    if (!items.includes(r))
      throw new CfaDataError(`the reverse-keyed item '${r}' is not among the items`);
  }
  let rows = data.rows.map((row) => cols.map((j) => row[j] ?? Number.NaN));
  if (reverse.length > 0) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const row of rows) {
      for (const v of row) {
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    const flip = items.map((it) => reverse.includes(it));
    rows = rows.map((row) => row.map((v, a) => (flip[a] ? hi + lo - v : v)));
  }
  const moments = sampleMoments({ columns: [...items], rows }, items);
  // the one-factor model, built directly so that any column name works as an item name
  let factor = 'f';
  while (items.includes(factor)) factor = `${factor}_`;
  const model: CfaModel = {
    statements: items.map((it, i) => ({
      lhs: factor,
      op: '=~',
      rhs: it,
      modifier: {},
      line: i + 1,
    })),
    latent: [factor],
    observed: [...items],
    indicators: { [factor]: [...items] },
    hasMeans: false,
  };
  const fit = fitCfaToMoments(moments, model, { stdLv: true });
  const loadings: Record<string, number> = {};
  const residualVariances: Record<string, number> = {};
  for (const e of fit.estimates) {
    if (e.op === '=~') loadings[e.rhs] = e.est;
    else if (e.op === '~~' && e.lhs === e.rhs && items.includes(e.lhs))
      residualVariances[e.lhs] = e.est;
  }
  let sumL = 0;
  let sumT = 0;
  for (const it of items) {
    sumL += loadings[it]!;
    sumT += residualVariances[it]!;
  }
  const S = moments.cov[0]!;
  let sumS = 0;
  for (let i = 0; i < S.length; i++) sumS += S[i]!;
  const sign = sumL < 0 ? -1 : 1;
  const against = items.filter((it) => sign * loadings[it]! < 0);
  const warnings = [...fit.warnings];
  if (against.length > 0) {
    warnings.push(
      `The loadings have mixed signs (${against.join(', ')} against the rest): reverse the negatively worded items first; with mixed signs (Σλ)² cancels and omega understates reliability.`,
    );
  }
  return {
    n: fit.n,
    omegaTotal: (sumL * sumL) / (sumL * sumL + sumT),
    loadings,
    residualVariances,
    omegaObservedVariance: (sumL * sumL) / sumS,
    fit,
    warnings,
  };
}
