/**
 * The layout of a group's moments as one vector, shared by the saturated-model (h1) matrices and the
 * model's Jacobian Δ: the p means first (with a mean structure), then the p(p+1)/2 distinct covariances
 * σ_ab, a ≥ b, row by row of the lower triangle. lavaan orders them differently (vech by column); every
 * quantity built from them here is a trace or a product with Δ, which does not depend on the order.
 */
export interface MomentLayout {
  readonly p: number;
  readonly meanStructure: boolean;
  /** Number of moments: p(p+1)/2 (+ p). */
  readonly size: number;
  /** Index of μ_a. */
  mean(a: number): number;
  /** Index of σ_ab (either order). */
  cov(a: number, b: number): number;
}

export function momentLayout(p: number, meanStructure: boolean): MomentLayout {
  const offset = meanStructure ? p : 0;
  return {
    p,
    meanStructure,
    size: offset + (p * (p + 1)) / 2,
    mean: (a) => a,
    cov: (a, b) => (a >= b ? offset + (a * (a + 1)) / 2 + b : offset + (b * (b + 1)) / 2 + a),
  };
}
