import type { CfaResult } from '../index';
import {
  type CfaReference,
  type DeviationLog,
  type FitMeasures,
  TOLERANCE,
  parseParameterKey,
} from '../../testing';

/** Fit measures in the library's names and lavaan's. */
const MEASURES: readonly [keyof CfaResult, keyof FitMeasures][] = [
  ['fmin', 'fmin'],
  ['chisq', 'chisq'],
  ['pvalue', 'pvalue'],
  ['baselineChisq', 'baseline.chisq'],
  ['cfi', 'cfi'],
  ['tli', 'tli'],
  ['rmsea', 'rmsea'],
  ['srmr', 'srmr'],
  ['logl', 'logl'],
];

/**
 * Statistics against lavaan's fitMeasures at the polished optimum, 1e-6 relative (floor 1e-8 for exact
 * zeros); the RMSEA CI against lavaan's formula solved precisely in R (see rmsea_ci_precise in the R script).
 */
export function checkFitMeasures(fit: CfaResult, ref: CfaReference, log: DeviationLog): void {
  expect(fit.df).toBe(ref.fit_at_optimum.df);
  expect(fit.npar).toBe(ref.fit_at_optimum.npar);
  for (const [ours, lavaans] of MEASURES) {
    log.check(lavaans, fit[ours] as number, ref.fit_at_optimum[lavaans], TOLERANCE.fitMeasure, {
      floor: 1e-8,
    });
  }
  log.check('rmsea.ci.lower', fit.rmseaCiLower, ref.rmsea_ci_precise[0], TOLERANCE.fitMeasure, {
    floor: 1e-8,
  });
  log.check('rmsea.ci.upper', fit.rmseaCiUpper, ref.rmsea_ci_precise[1], TOLERANCE.fitMeasure, {
    floor: 1e-8,
  });
}

/** Every free parameter against the polished optimum, 1e-5 relative (floor 0.01 for values near 0). */
export function checkFreeParameters(fit: CfaResult, ref: CfaReference, log: DeviationLog): void {
  const keys = Object.keys(ref.polished.free_params);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    const { lhs, op, rhs, group } = parseParameterKey(key);
    const row = fit.estimates.find(
      (e) =>
        e.lhs === lhs &&
        e.op === op &&
        (e.rhs === rhs || (op === '~~' && e.lhs === rhs && e.rhs === lhs)) &&
        e.group === group,
    );
    if (row === undefined) throw new Error(`no estimate for ${key}`);
    log.check(`parameters (${op})`, row.est, ref.polished.free_params[key]!, TOLERANCE.estimate, {
      floor: 0.01,
    });
  }
}
