/**
 * Test-only helpers for the CFA/omega reference tests: the exact-optimum values made by
 * ./lavaan-optimum.R (R 4.2.2, lavaan 0.6-14) and a log of the largest relative deviation per
 * statistic, printed after a suite when REFERENCE_DEVIATIONS=1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OptimumReference {
  readonly fit_at_optimum: Readonly<Record<string, number>>;
  /** RMSEA 90% CI with uniroot(tol = 1e-15). */
  readonly rmsea_ci_exact: readonly [number, number];
  readonly omega_at_optimum: number | null;
  readonly srmr_group: readonly number[] | Record<string, never>;
}

/** lavaan-optimum.json keyed like test-vectors.json (cfa_HS_3factor, mg_HS_school_scalar, omega_*, …). */
export const atOptimum = JSON.parse(
  readFileSync(join(__dirname, 'lavaan-optimum.json'), 'utf8'),
) as Record<string, OptimumReference>;

export function relativeDeviation(actual: number, expected: number): number {
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Records the worst relative deviation per statistic and fails with a readable message beyond `tol`. */
export class DeviationLog {
  private readonly worst = new Map<string, number>();

  check(label: string, actual: number, expected: number, tol: number, context = ''): void {
    const rel = relativeDeviation(actual, expected);
    this.worst.set(label, Math.max(this.worst.get(label) ?? 0, rel));
    if (!(rel <= tol)) {
      throw new Error(
        `${context} ${label}: ${actual} vs R ${expected} (relative deviation ${rel.toExponential(2)} > ${tol})`,
      );
    }
  }

  print(title: string): void {
    if (!process.env['REFERENCE_DEVIATIONS']) return;
    const lines = [...this.worst].map(([k, v]) => `  ${k}: ${v.toExponential(2)}`);
    process.stdout.write(`${title}: largest relative deviation from R\n${lines.join('\n')}\n`);
  }
}
