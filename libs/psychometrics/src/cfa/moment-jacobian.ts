/**
 * Δ = ∂(μ, σ)/∂z': the derivatives of the model-implied moments (moments-layout.ts) with respect to the
 * free parameters, per group (lavaan's computeDelta). For Σ = ΛΨΛ' + Θ and μ = ν + Λα:
 *   ∂σ_ab/∂λ_jc = δ_aj (ΛΨ)_bc + δ_bj (ΛΨ)_ac,   ∂μ_a/∂λ_jc = δ_aj α_c
 *   ∂σ_ab/∂ψ_kl = Λ_ak Λ_bl + Λ_al Λ_bk (k ≠ l; Λ_ak Λ_bk for k = l)
 *   ∂σ_ab/∂θ_jl = 1 when {a, b} = {j, l};  ∂μ_a/∂ν_j = δ_aj;  ∂μ_a/∂α_k = Λ_ak
 * Tied parameters sum their columns (x = K z).
 */
import { matMul } from '../linalg';
import type { MlProblem } from './ml';
import { momentLayout } from './moments-layout';

/** Per group: Δ_g, layout.size × nFree, row-major. */
export function momentJacobian(problem: MlProblem, z: ArrayLike<number>): Float64Array[] {
  const { p, m, nFree: q } = problem;
  const layout = momentLayout(p, problem.model.meanStructure);
  return problem.matrices(z).map((w, g) => {
    const D = new Float64Array(layout.size * q);
    const lp = matMul(w.lambda, w.psi, p, m, m);
    const add = (row: number, col: number, v: number): void => {
      D[row * q + col]! += v;
    };
    for (const e of problem.free[g]!) {
      switch (e.mat) {
        case 'lambda':
          for (let b = 0; b < p; b++) {
            // σ_jb (and σ_jj twice over)
            add(layout.cov(e.r, b), e.z, lp[b * m + e.c]! * (b === e.r ? 2 : 1));
          }
          if (layout.meanStructure) add(layout.mean(e.r), e.z, w.alpha[e.c]!);
          break;
        case 'psi':
          for (let a = 0; a < p; a++) {
            for (let b = 0; b <= a; b++) {
              const v =
                e.r === e.c
                  ? w.lambda[a * m + e.r]! * w.lambda[b * m + e.r]!
                  : w.lambda[a * m + e.r]! * w.lambda[b * m + e.c]! +
                    w.lambda[a * m + e.c]! * w.lambda[b * m + e.r]!;
              if (v !== 0) add(layout.cov(a, b), e.z, v);
            }
          }
          break;
        case 'theta':
          add(layout.cov(e.r, e.c), e.z, 1);
          break;
        case 'nu':
          add(layout.mean(e.r), e.z, 1);
          break;
        case 'alpha':
          for (let a = 0; a < p; a++) add(layout.mean(a), e.z, w.lambda[a * m + e.r]!);
          break;
      }
    }
    return D;
  });
}
