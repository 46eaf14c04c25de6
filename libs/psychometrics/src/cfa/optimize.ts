/**
 * Minimises the ML objective (SPEC §9.2): Fisher scoring (Gauss–Newton with the expected information,
 * lavaan's optim.method = "GN") with step halving, then Newton steps on a Hessian obtained by central
 * differences of the analytic gradient until max |∇F| stops falling (typically ≈1e-16). Fisher scoring
 * alone is only linearly convergent when the model misfits; the Newton polish makes the result the exact
 * optimum, which is what the polished references of SPEC §3.10 are.
 */
import { symmetricEigen, tryCholesky, choleskySolve } from '../linalg';
import type { MlProblem } from './ml';

export interface OptimizeOptions {
  /** Upper bound on Fisher-scoring iterations (default 500). */
  readonly maxIterations?: number;
}

export interface OptimizeResult {
  readonly z: Float64Array;
  readonly f: number;
  readonly fGroup: readonly number[];
  readonly grad: Float64Array;
  readonly maxAbsGradient: number;
  readonly iterations: number;
  /** False when the objective could not be evaluated at the start (Σ not positive definite). */
  readonly startOk: boolean;
}

const maxAbs = (v: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
};

/**
 * Cholesky factor of a symmetric H that may be singular or indefinite: H itself, else the
 * Levenberg–Marquardt damped H + μ·diag(H) with growing μ.
 */
function dampedFactor(H: Float64Array, n: number): Float64Array | null {
  let L = tryCholesky(H, n);
  if (L) return L;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(H[i * n + i]!));
  if (!(scale > 0)) scale = 1;
  for (let mu = 1e-8; mu <= 1e8; mu *= 10) {
    const A = H.slice();
    for (let i = 0; i < n; i++)
      A[i * n + i]! += mu * Math.max(Math.abs(H[i * n + i]!), 1e-8 * scale);
    L = tryCholesky(A, n);
    if (L) return L;
  }
  return null;
}

/** Hessian of F at z by central differences of the analytic gradient, symmetrised. */
function numericHessian(problem: MlProblem, z: Float64Array): Float64Array | null {
  const n = z.length;
  const H = new Float64Array(n * n);
  const zz = z.slice();
  for (let j = 0; j < n; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(z[j]!));
    zz[j] = z[j]! + h;
    const up = problem.evaluate(zz, true).grad;
    zz[j] = z[j]! - h;
    const dn = problem.evaluate(zz, true).grad;
    zz[j] = z[j]!;
    if (!up || !dn) return null;
    for (let i = 0; i < n; i++) H[i * n + j] = (up[i]! - dn[i]!) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (H[i * n + j]! + H[j * n + i]!);
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

export function optimize(
  problem: MlProblem,
  z0: Float64Array,
  options: OptimizeOptions = {},
): OptimizeResult {
  const n = problem.nFree;
  const maxIter = options.maxIterations ?? 500;
  let z = z0.slice();
  let ev = problem.evaluate(z, true, true);
  if (!Number.isFinite(ev.f)) {
    return {
      z,
      f: ev.f,
      fGroup: [],
      grad: new Float64Array(n).fill(Number.NaN),
      maxAbsGradient: Number.POSITIVE_INFINITY,
      iterations: 0,
      startOk: false,
    };
  }
  // F is a sum of O(p) terms that cancel, so it is only known to about p·ε; a step that changes it by
  // less than this is judged on the gradient instead.
  const noise = (f: number): number =>
    64 * Number.EPSILON * Math.max(1, Math.abs(f)) * Math.max(1, problem.p);
  const target = 1e-12;
  let iterations = 0;
  let g = maxAbs(ev.grad!);
  let prevG = g;
  let stall = 0;
  let useNewton = false;
  const rates: number[] = [];
  // Phase 1: Fisher scoring with step halving. Close to the optimum the information changes little, so
  // its factorisation is kept ("frozen") while each step still at least halves the gradient.
  let factorL: Float64Array | null = null;
  let frozen = false;
  while (iterations < maxIter && g > target) {
    if (!frozen || factorL === null) {
      if (!ev.info) ev = problem.evaluate(z, true, true);
      factorL = dampedFactor(ev.info!, n);
    }
    if (!factorL) break;
    const step = choleskySolve(factorL, n, ev.grad!);
    let t = 1;
    let accepted = false;
    for (let half = 0; half < 40; half++) {
      const trial = new Float64Array(n);
      for (let i = 0; i < n; i++) trial[i] = z[i]! - t * step[i]!;
      const e = problem.evaluate(trial, true, !frozen);
      if (
        Number.isFinite(e.f) &&
        (e.f < ev.f || (e.f <= ev.f + noise(ev.f) && maxAbs(e.grad!) < g))
      ) {
        z = trial;
        ev = e;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    iterations++;
    if (!accepted) {
      if (frozen) {
        frozen = false; // retry with the current information before giving up
        continue;
      }
      break; // no descent along the scoring direction: at the noise floor
    }
    const gNew = maxAbs(ev.grad!);
    if (frozen && gNew > 0.5 * g) frozen = false;
    else if (!frozen && g < 1e-4 && gNew < 0.5 * g && t === 1) frozen = true;
    prevG = g;
    g = maxAbs(ev.grad!);
    stall = g < 0.9 * prevG ? 0 : stall + 1;
    if (stall >= 5) break;
    // Fisher scoring converges linearly when the model misfits. Once close to the optimum, switch to
    // Newton if scoring would need more iterations (each ≈ 3 gradients) than a numerical Hessian
    // (2n gradients) costs. The rate is the geometric mean of the last three gradient ratios.
    rates.push(g / prevG);
    if (g < 1e-3 && rates.length >= 3) {
      const r = Math.cbrt(
        rates[rates.length - 1]! * rates[rates.length - 2]! * rates[rates.length - 3]!,
      );
      if (r > 0 && r < 1) {
        const remaining = Math.log(target / g) / Math.log(r);
        if (remaining > 4 + (2 * n) / 3) {
          useNewton = true;
          break;
        }
      }
    }
  }
  // Phase 2: Newton polish on a Hessian from central differences of the analytic gradient. The Hessian
  // is reused while each step cuts the gradient at least tenfold (chord iterations), else recomputed.
  if (iterations < maxIter && (useNewton || g > target)) {
    let Lh: Float64Array | null = null;
    let fresh = false;
    for (let k = 0; k < 12 && iterations < maxIter; k++) {
      const g0 = maxAbs(ev.grad!);
      if (g0 <= target) break;
      if (Lh === null) {
        const H = numericHessian(problem, z);
        Lh = H ? tryCholesky(H, n) : null;
        fresh = true;
      }
      let fallback: Float64Array | null = null;
      if (!Lh) {
        if (!ev.info) ev = problem.evaluate(z, true, true);
        fallback = dampedFactor(ev.info!, n);
      }
      const L = Lh ?? fallback;
      if (!L) break;
      const step = choleskySolve(L, n, ev.grad!);
      let t = 1;
      let improved = false;
      for (let half = 0; half < 30; half++) {
        const trial = new Float64Array(n);
        for (let i = 0; i < n; i++) trial[i] = z[i]! - t * step[i]!;
        const e = problem.evaluate(trial, true);
        if (
          Number.isFinite(e.f) &&
          (e.f < ev.f || (e.f <= ev.f + noise(ev.f) && maxAbs(e.grad!) < g0))
        ) {
          z = trial;
          ev = e;
          improved = true;
          break;
        }
        t *= 0.5;
      }
      iterations++;
      const g1 = maxAbs(ev.grad!);
      if (g1 <= 0.1 * g0 && improved) {
        fresh = false;
        continue;
      }
      if (fresh) break; // a fresh Hessian did not help: at the noise floor
      Lh = null; // stale Hessian: recompute
    }
  }
  return {
    z,
    f: ev.f,
    fGroup: ev.fGroup,
    grad: ev.grad!,
    maxAbsGradient: maxAbs(ev.grad!),
    iterations,
    startOk: true,
  };
}

/**
 * Identification at the estimates, and the diagonal of the inverse information (for standard errors).
 * The information is rescaled to unit diagonal (free of the parameters' units); it must then be
 * numerically positive definite. A Cholesky pivot below 1e-10 marks a parameter that is a linear
 * combination of earlier ones; only then is the (costlier) eigen-decomposition run, to name the
 * parameters that load on the null direction.
 */
export function analyseInformation(
  info: Float64Array,
  n: number,
): { unidentified: number[] | null; inverseDiagonal: Float64Array } {
  const inverseDiagonal = new Float64Array(n).fill(Number.NaN);
  const d = new Float64Array(n);
  const zeroDiag: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = info[i * n + i]!;
    if (v > 0 && Number.isFinite(v)) d[i] = 1 / Math.sqrt(v);
    else zeroDiag.push(i);
  }
  if (zeroDiag.length > 0) return { unidentified: zeroDiag, inverseDiagonal };
  const R = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) R[i * n + j] = info[i * n + j]! * d[i]! * d[j]!;
  const L = tryCholesky(R, n, { relativeTolerance: 1e-10 });
  if (!L) {
    const { vectors } = symmetricEigen(R, n);
    const involved: number[] = [];
    for (let i = 0; i < n; i++) if (Math.abs(vectors[i * n]!) > 0.1) involved.push(i);
    return { unidentified: involved, inverseDiagonal };
  }
  // diag(R⁻¹)_i = Σ_k (L⁻¹)_ki², with L⁻¹ by forward substitution, column by column
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    col.fill(0);
    col[j] = 1 / L[j * n + j]!;
    let sum = col[j]! * col[j]!;
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      const io = i * n;
      for (let k = j; k < i; k++) s -= L[io + k]! * col[k]!;
      const v = s / L[io + i]!;
      col[i] = v;
      sum += v * v;
    }
    inverseDiagonal[j] = sum * d[j]! * d[j]!;
  }
  return { unidentified: null, inverseDiagonal };
}
