import type { CfaResult } from '@swhc/psychometrics';
import { CliError } from '../cli/cli-error';
import type { JsonObject } from './command';

/** The fit measures of one CFA in the CLI's snake_case names. */
export function fitMeasuresJson(fit: CfaResult): JsonObject {
  return {
    n: fit.n,
    chisq: fit.chisq,
    df: fit.df,
    pvalue: fit.pvalue,
    cfi: fit.cfi,
    tli: fit.tli,
    rmsea: fit.rmsea,
    rmsea_ci_lower: fit.rmseaCiLower,
    rmsea_ci_upper: fit.rmseaCiUpper,
    srmr: fit.srmr,
    converged: fit.converged,
  };
}

/** Parameter estimates as lavaan's parameterEstimates rows (group numbered from 1 in order of appearance). */
export function estimatesJson(fit: CfaResult): JsonObject[] {
  return fit.estimates.map((e) => ({
    lhs: e.lhs,
    op: e.op,
    rhs: e.rhs,
    group: e.group,
    est: e.est,
  }));
}

/** A fit that stopped short of the optimum is an error for the CLI, not a result to print. */
export function requireConverged(fit: CfaResult, what: string): void {
  if (!fit.converged) {
    throw new CliError(`${what} did not converge (lavaan's criterion: max |gradient| <= 1e-3)`);
  }
}
