/**
 * Minimises the ML objective: Fisher scoring (Gauss–Newton with the expected information,
 * lavaan's optim.method = "GN") with step halving, then Newton steps on a Hessian obtained by central
 * differences of the analytic gradient until max |∇F| stops falling (typically ≈1e-16). Fisher scoring
 * alone is only linearly convergent when the model misfits; the Newton polish makes the result the exact
 * optimum, which is what the polished references (fixtures/r/lavaan-optimum.R) are.
 */
import { symmetricEigen, tryCholesky, choleskySolve } from '../linalg';
import { NonConvergenceError, NotIdentifiedError } from './errors';
import type { Evaluation } from './ml';

/**
 * What the optimiser needs from an estimation problem (ML here, DWLS for ordered indicators): the
 * objective with its gradient and a positive (semi)definite curvature matrix for scoring steps.
 */
export interface ObjectiveProblem {
  readonly nFree: number;
  /** Number of observed variables: the objective's rounding noise grows with it. */
  readonly p: number;
  evaluate(z: ArrayLike<number>, wantGrad?: boolean, wantInfo?: boolean): Evaluation;
}

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
export function numericHessian(problem: ObjectiveProblem, z: Float64Array): Float64Array | null {
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

/** The optimiser aims at max |∇F| below this (the polished references have ≈1e-16). */
const TARGET = 1e-12;
/** Above this final max |∇F| another attempt is made (a normal fit ends near 1e-13). */
const RETRY_ABOVE = 1e-8;

/** F is a sum of O(p) terms that cancel, so it is only known to about p·ε. */
function noiseOf(problem: ObjectiveProblem, f: number): number {
  return 64 * Number.EPSILON * Math.max(1, Math.abs(f)) * Math.max(1, problem.p);
}

/** The result when the start values give no finite F (e.g. Σ not positive definite). */
function unusableStart(z: Float64Array, f: number, n: number): OptimizeResult {
  return {
    z,
    f,
    fGroup: [],
    grad: new Float64Array(n).fill(Number.NaN),
    maxAbsGradient: Number.POSITIVE_INFINITY,
    iterations: 0,
    startOk: false,
  };
}

/**
 * Steps z − t·step for t = 1, ½, ¼, … (at most `halvings` tries) and takes the first whose F is
 * lower, or no higher than F's rounding noise with a gradient below `gradientBound`: F is a sum of
 * O(p) terms that cancel, so it is only known to about p·ε, and a step that changes it by less than
 * this is judged on the gradient instead. Null when no try qualifies.
 */
function halvingStep(
  problem: ObjectiveProblem,
  z: Float64Array,
  ev: Evaluation,
  step: Float64Array,
  options: { halvings: number; gradientBound: number; wantInfo: boolean },
): { z: Float64Array<ArrayBuffer>; ev: Evaluation; t: number } | null {
  const n = problem.nFree;
  let t = 1;
  for (let half = 0; half < options.halvings; half++) {
    const trial = new Float64Array(n);
    for (let i = 0; i < n; i++) trial[i] = z[i]! - t * step[i]!;
    const e = problem.evaluate(trial, true, options.wantInfo);
    if (
      Number.isFinite(e.f) &&
      (e.f < ev.f ||
        (e.f <= ev.f + noiseOf(problem, ev.f) && maxAbs(e.grad!) < options.gradientBound))
    ) {
      return { z: trial, ev: e, t };
    }
    t *= 0.5;
  }
  return null;
}

function scoringThenNewton(
  problem: ObjectiveProblem,
  z0: Float64Array,
  maxIter: number,
): OptimizeResult {
  const n = problem.nFree;
  let z = z0.slice();
  let ev = problem.evaluate(z, true, true);
  if (!Number.isFinite(ev.f)) return unusableStart(z, ev.f, n);
  const target = TARGET;
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
    const taken = halvingStep(problem, z, ev, step, {
      halvings: 40,
      gradientBound: g,
      wantInfo: !frozen,
    });
    iterations++;
    if (!taken) {
      if (frozen) {
        frozen = false; // retry with the current information before giving up
        continue;
      }
      break; // no descent along the scoring direction: at the noise floor
    }
    ({ z, ev } = taken);
    const gNew = maxAbs(ev.grad!);
    if (frozen && gNew > 0.5 * g) frozen = false;
    else if (!frozen && g < 1e-4 && gNew < 0.5 * g && taken.t === 1) frozen = true;
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
  // is reused while each step still cuts the gradient (chord iterations), else recomputed.
  if (iterations < maxIter && (useNewton || g > target)) {
    let Lh: Float64Array | null = null;
    let fresh = false;
    for (let k = 0; k < 200 && iterations < maxIter; k++) {
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
      const taken = halvingStep(problem, z, ev, step, {
        halvings: 30,
        gradientBound: g0,
        wantInfo: false,
      });
      iterations++;
      if (taken) ({ z, ev } = taken);
      const g1 = maxAbs(ev.grad!);
      if (!taken) {
        if (fresh) break; // even a fresh Hessian gives no descent: at the noise floor
        Lh = null;
        continue;
      }
      // keep the Hessian (chord steps, one gradient each) while it still cuts the gradient by 10%;
      // a weakly identified direction makes even a fresh numerical Hessian converge only linearly
      if (g1 <= 0.9 * g0) {
        fresh = false;
        continue;
      }
      if (fresh) break; // a fresh Hessian no longer helps
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
 * Quasi-Newton (BFGS on the inverse Hessian, started from the inverse expected information) with an
 * Armijo backtracking line search and a step cap of one unit (or 100%) per parameter — the fallback when
 * Fisher scoring wanders off along a ridge of the likelihood. Ends with the Newton polish.
 */
function bfgsThenNewton(
  problem: ObjectiveProblem,
  z0: Float64Array,
  maxIter: number,
): OptimizeResult {
  const n = problem.nFree;
  let z = z0.slice();
  let ev = problem.evaluate(z, true, true);
  if (!Number.isFinite(ev.f)) return unusableStart(z, ev.f, n);
  // inverse of the (damped) expected information as the first inverse-Hessian approximation
  let Hinv = new Float64Array(n * n);
  const L = dampedFactor(ev.info!, n);
  if (L) {
    const e = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      e.fill(0);
      e[j] = 1;
      const col = choleskySolve(L, n, e);
      for (let i = 0; i < n; i++) Hinv[i * n + j] = col[i]!;
    }
  } else for (let i = 0; i < n; i++) Hinv[i * n + i] = 1;
  let iterations = 0;
  let g = ev.grad!;
  while (iterations < maxIter && maxAbs(g) > 1e-7) {
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= Hinv[i * n + j]! * g[j]!;
      d[i] = v;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i]! * d[i]!;
    if (!(slope < 0)) {
      // not a descent direction: restart from steepest descent
      Hinv = new Float64Array(n * n);
      for (let i = 0; i < n; i++) Hinv[i * n + i] = 1;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = 0;
      for (let i = 0; i < n; i++) slope -= g[i]! * g[i]!;
    }
    let t = 1;
    for (let i = 0; i < n; i++)
      t = Math.min(t, Math.max(1, Math.abs(z[i]!)) / Math.max(Math.abs(d[i]!), 1e-300));
    let accepted: ReturnType<ObjectiveProblem['evaluate']> | null = null;
    let trial = z;
    for (let half = 0; half < 60; half++) {
      trial = new Float64Array(n);
      for (let i = 0; i < n; i++) trial[i] = z[i]! + t * d[i]!;
      const e = problem.evaluate(trial, true);
      if (Number.isFinite(e.f) && e.f <= ev.f + 1e-4 * t * slope) {
        accepted = e;
        break;
      }
      t *= 0.5;
    }
    iterations++;
    if (!accepted) break;
    const gNew = accepted.grad!;
    const sv = new Float64Array(n);
    const yv = new Float64Array(n);
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sv[i] = trial[i]! - z[i]!;
      yv[i] = gNew[i]! - g[i]!;
      sy += sv[i]! * yv[i]!;
    }
    z = trial;
    ev = accepted;
    g = gNew;
    if (sy > 1e-14) {
      // Hinv ← (I − ρ s yᵀ) Hinv (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const hy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += Hinv[i * n + j]! * yv[j]!;
        hy[i] = v;
      }
      let yhy = 0;
      for (let i = 0; i < n; i++) yhy += yv[i]! * hy[i]!;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          Hinv[i * n + j]! +=
            -rho * (hy[i]! * sv[j]! + sv[i]! * hy[j]!) + (rho * rho * yhy + rho) * sv[i]! * sv[j]!;
        }
      }
    }
  }
  const polished = scoringThenNewton(problem, z, Math.max(maxIter - iterations, 1));
  return { ...polished, iterations: iterations + polished.iterations };
}

/** lavaan's start = "simple": loadings 1, variances 1, everything else 0 (intercepts at their start). */
export type StartSet = readonly Float64Array[];

/**
 * Minimises F from the first start; if that ends with max |∇F| above 1e-8 (a ridge, an improper
 * region), retries with BFGS, then from the further starts — as lavaan retries with other settings —
 * and keeps the converged attempt with the lowest F.
 */
export function optimize(
  problem: ObjectiveProblem,
  starts: StartSet,
  options: OptimizeOptions = {},
): OptimizeResult {
  const budget = options.maxIterations ?? 500;
  const retry = options.maxIterations === undefined;
  let best: OptimizeResult | null = null;
  let used = 0;
  const better = (r: OptimizeResult): boolean => {
    if (!best) return true;
    const okR = r.maxAbsGradient <= 1e-3;
    const okB = best.maxAbsGradient <= 1e-3;
    if (okR !== okB) return okR;
    if (okR) return r.f < best.f - noiseOf(problem, best.f);
    return r.maxAbsGradient < best.maxAbsGradient;
  };
  const attempts: [(p: ObjectiveProblem, z: Float64Array, m: number) => OptimizeResult, number][] =
    [];
  starts.forEach((_, k) => {
    attempts.push([scoringThenNewton, k]);
    attempts.push([bfgsThenNewton, k]);
  });
  for (const [method, k] of attempts) {
    const r = method(problem, starts[k]!, Math.max(budget - used, 1));
    used += r.iterations;
    if (better(r)) best = r;
    if (!retry || best!.maxAbsGradient <= RETRY_ABOVE || used >= budget) break;
  }
  return { ...best!, iterations: used };
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

/** An optimum that passed lavaan's checks: identified at the estimates and, if asked, converged. */
export interface CheckedOptimum {
  readonly opt: OptimizeResult;
  /** The objective with gradient and information at the estimates. */
  readonly final: Evaluation;
  readonly analysis: ReturnType<typeof analyseInformation>;
  /** max |∇F| ≤ 1e-3, lavaan's optim.dx.tol. */
  readonly converged: boolean;
}

/**
 * {@link optimize}, then the checks every estimator shares: an unusable start and a singular information
 * at the estimates are errors naming the parameters (`zNames`, "@g1" dropped); non-convergence is an error
 * only with `throwOnNonConvergence`.
 * @throws NonConvergenceError, NotIdentifiedError
 */
export function optimizeChecked(
  problem: ObjectiveProblem,
  starts: StartSet,
  zNames: readonly string[],
  options: OptimizeOptions & { readonly throwOnNonConvergence?: boolean } = {},
): CheckedOptimum {
  const opt = optimize(problem, starts, { maxIterations: options.maxIterations });
  if (!opt.startOk) throw new NonConvergenceError(0, Number.POSITIVE_INFINITY);
  const final = problem.evaluate(opt.z, true, true);
  const analysis = analyseInformation(final.info!, problem.nFree);
  if (analysis.unidentified !== null) {
    const names = analysis.unidentified.map((k) => zNames[k]!.replace(/@g1$/, ''));
    throw new NotIdentifiedError(
      `the information matrix is singular at the estimates; these parameters cannot be told apart: ${names.join(', ')}`,
      names,
    );
  }
  const converged = Number.isFinite(opt.maxAbsGradient) && opt.maxAbsGradient <= 1e-3;
  if (!converged && options.throwOnNonConvergence) {
    throw new NonConvergenceError(opt.iterations, opt.maxAbsGradient);
  }
  return { opt, final, analysis, converged };
}
