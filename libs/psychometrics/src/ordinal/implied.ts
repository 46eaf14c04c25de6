/**
 * Model-implied thresholds and polychoric correlations of a CFA with ordered indicators, and their
 * Jacobian in the free parameters (lavaan 0.6-14 computeSigmaHat.LISREL, computeTH.LISREL,
 * setResidualElements.LISREL / setDeltaElements.LISREL, computeDelta).
 *
 * With C = ΛΨΛ' + Θ (off-diagonal part), μ = Λα and a scale s per variable — the scaling factor Δ in the
 * delta parameterisation, 1/√(diag(ΛΨΛ') + θ_ii) in the theta parameterisation —
 *   implied correlation ρ*_ij = s_i s_j C_ij,   implied threshold τ*_it = s_i (τ_it − μ_i).
 * (Intercepts of ordered variables are 0.) The statistics are ordered as lavaan's WLS.est: thresholds
 * variable by variable, then the correlations below the diagonal column by column.
 */
import type { OrdinalModel } from './model';

/** One group's model matrices (row-major). `theta` holds residual covariances (and variances for theta). */
export interface OrdinalMatrices {
  readonly lambda: Float64Array;
  readonly psi: Float64Array;
  readonly theta: Float64Array;
  readonly tau: Float64Array;
  readonly delta: Float64Array;
  readonly alpha: Float64Array;
}

/** The implied statistics of one group and the pieces the Jacobian reuses. */
export interface OrdinalImplied {
  readonly stats: Float64Array;
  /** s_i. */
  readonly scale: Float64Array;
  /** C = ΛΨΛ' + Θ including its diagonal (theta: V_i = C_ii; delta: diag(ΛΨΛ')). */
  readonly c: Float64Array;
  /** ΛΨ (p×m). */
  readonly lp: Float64Array;
  /** μ = Λα. */
  readonly mu: Float64Array;
}

/** Fills every group's matrices from the fixed values and z. */
export function modelMatrices(model: OrdinalModel, z: ArrayLike<number>): OrdinalMatrices[] {
  const { p, m } = model;
  const nth = model.statsPerGroup - (p * (p - 1)) / 2;
  const out: OrdinalMatrices[] = Array.from({ length: model.nGroups }, () => ({
    lambda: new Float64Array(p * m),
    psi: new Float64Array(m * m),
    theta: new Float64Array(p * p),
    tau: new Float64Array(nth),
    delta: new Float64Array(p).fill(1),
    alpha: new Float64Array(m),
  }));
  for (const r of model.rows) {
    if (r.derived && r.free < 0) continue;
    const v = r.free >= 0 ? z[r.free]! : r.value;
    const w = out[r.group - 1]!;
    switch (r.mat) {
      case 'lambda':
        w.lambda[r.row * m + r.col] = v;
        break;
      case 'psi':
        w.psi[r.row * m + r.col] = v;
        w.psi[r.col * m + r.row] = v;
        break;
      case 'theta':
        w.theta[r.row * p + r.col] = v;
        w.theta[r.col * p + r.row] = v;
        break;
      case 'tau':
        w.tau[r.row] = v;
        break;
      case 'delta':
        w.delta[r.row] = v;
        break;
      case 'alpha':
        w.alpha[r.row] = v;
        break;
      case 'nu':
        break; // fixed 0 for ordered variables
    }
  }
  return out;
}

/** Implied statistics of one group; null when a latent response variance is not positive (theta). */
export function impliedStatistics(model: OrdinalModel, w: OrdinalMatrices): OrdinalImplied | null {
  const { p, m } = model;
  const lp = new Float64Array(p * m);
  for (let i = 0; i < p; i++)
    for (let f = 0; f < m; f++) {
      let v = 0;
      for (let h = 0; h < m; h++) v += w.lambda[i * m + h]! * w.psi[h * m + f]!;
      lp[i * m + f] = v;
    }
  const c = new Float64Array(p * p);
  const delta = model.parameterization === 'delta';
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let v = i === j && delta ? 0 : w.theta[i * p + j]!;
      for (let f = 0; f < m; f++) v += lp[i * m + f]! * w.lambda[j * m + f]!;
      c[i * p + j] = v;
      c[j * p + i] = v;
    }
  const scale = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    if (delta) scale[i] = w.delta[i]!;
    else {
      const v = c[i * p + i]!;
      if (!(v > 0)) return null;
      scale[i] = 1 / Math.sqrt(v);
    }
  }
  const mu = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let v = 0;
    for (let f = 0; f < m; f++) v += w.lambda[i * m + f]! * w.alpha[f]!;
    mu[i] = v;
  }
  const stats = new Float64Array(model.statsPerGroup);
  for (let i = 0; i < p; i++) {
    const o = model.thresholdOffset[i]!;
    for (let t = 0; t < model.nThresholds[i]!; t++)
      stats[o + t] = scale[i]! * (w.tau[o + t]! - mu[i]!);
  }
  let k = model.statsPerGroup - (p * (p - 1)) / 2;
  for (let j = 0; j < p; j++)
    for (let i = j + 1; i < p; i++) stats[k++] = scale[i]! * scale[j]! * c[i * p + j]!;
  return { stats, scale, c, lp, mu };
}

/** Index of the correlation (i, j), i ≠ j, among a group's statistics. */
export function pairIndex(model: OrdinalModel, i: number, j: number): number {
  const { p } = model;
  const a = Math.max(i, j);
  const b = Math.min(i, j);
  // pairs before column b: b·p − b(b+1)/2; within the column: a − b − 1
  return model.statsPerGroup - (p * (p - 1)) / 2 + b * p - (b * (b + 1)) / 2 + (a - b - 1);
}

/**
 * Jacobian ∂stats/∂z of one group (statsPerGroup × nFree, row-major), by the chain rule through
 * ∂C, ∂μ, ∂τ and ∂s (∂s_i = ∂Δ_i in the delta parameterisation, −½ s_i³ ∂V_i in the theta one):
 *   ∂τ*_it = ∂s_i (τ_it − μ_i) + s_i (∂τ_it − ∂μ_i),   ∂ρ*_ij = (∂s_i s_j + s_i ∂s_j) C_ij + s_i s_j ∂C_ij.
 */
export function groupJacobian(
  model: OrdinalModel,
  group: number,
  w: OrdinalMatrices,
  im: OrdinalImplied,
): Float64Array {
  const { p, m, nFree: q } = model;
  const P = model.statsPerGroup;
  const J = new Float64Array(P * q);
  const theta = model.parameterization === 'theta';
  const { scale: s, c, lp, mu } = im;
  const ds = new Float64Array(p);
  const dmu = new Float64Array(p);
  const touched: number[] = [];
  // adds the contribution of ∂s (vector) and ∂μ (vector) — both sparse, listed in `touched`
  const addScaleAndMean = (z: number): void => {
    for (const i of touched) {
      const o = model.thresholdOffset[i]!;
      for (let t = 0; t < model.nThresholds[i]!; t++) {
        J[(o + t) * q + z]! += ds[i]! * (w.tau[o + t]! - mu[i]!) - s[i]! * dmu[i]!;
      }
      if (ds[i] !== 0) {
        for (let j = 0; j < p; j++) {
          if (j === i) continue;
          J[pairIndex(model, i, j) * q + z]! += ds[i]! * s[j]! * c[i * p + j]!;
        }
      }
    }
    for (const i of touched) {
      ds[i] = 0;
      dmu[i] = 0;
    }
    touched.length = 0;
  };
  const touch = (i: number): void => {
    if (!touched.includes(i)) touched.push(i);
  };
  for (const r of model.rows) {
    if (r.group !== group + 1 || r.free < 0) continue;
    const z = r.free;
    switch (r.mat) {
      case 'tau': {
        let i = 0;
        while (i + 1 < p && model.thresholdOffset[i + 1]! <= r.row) i++;
        J[r.row * q + z]! += s[i]!;
        break;
      }
      case 'delta':
        touch(r.row);
        ds[r.row]! += 1;
        addScaleAndMean(z);
        break;
      case 'alpha':
        for (let i = 0; i < p; i++) {
          const l = w.lambda[i * m + r.row]!;
          if (l === 0) continue;
          touch(i);
          dmu[i]! += l;
        }
        addScaleAndMean(z);
        break;
      case 'lambda': {
        const i = r.row;
        const f = r.col;
        // ∂C_ij = (ΛΨ)_jf for j ≠ i; ∂V_i = 2(ΛΨ)_if; ∂μ_i = α_f
        for (let j = 0; j < p; j++) {
          if (j === i) continue;
          J[pairIndex(model, i, j) * q + z]! += s[i]! * s[j]! * lp[j * m + f]!;
        }
        touch(i);
        dmu[i]! += w.alpha[f]!;
        if (theta) ds[i]! += -0.5 * s[i]! ** 3 * 2 * lp[i * m + f]!;
        addScaleAndMean(z);
        break;
      }
      case 'psi': {
        const f = r.row;
        const h = r.col;
        const dC = (i: number, j: number): number =>
          f === h
            ? w.lambda[i * m + f]! * w.lambda[j * m + f]!
            : w.lambda[i * m + f]! * w.lambda[j * m + h]! +
              w.lambda[i * m + h]! * w.lambda[j * m + f]!;
        for (let j = 0; j < p; j++)
          for (let i = j + 1; i < p; i++) {
            const d = dC(i, j);
            if (d !== 0) J[pairIndex(model, i, j) * q + z]! += s[i]! * s[j]! * d;
          }
        if (theta) {
          for (let i = 0; i < p; i++) {
            const dv = dC(i, i);
            if (dv === 0) continue;
            touch(i);
            ds[i]! += -0.5 * s[i]! ** 3 * dv;
          }
          addScaleAndMean(z);
        }
        break;
      }
      case 'theta':
        if (r.row === r.col) {
          // theta parameterisation: a free residual variance moves the scale only
          touch(r.row);
          ds[r.row]! += -0.5 * s[r.row]! ** 3;
          addScaleAndMean(z);
        } else {
          J[pairIndex(model, r.row, r.col) * q + z]! += s[r.row]! * s[r.col]!;
        }
        break;
      case 'nu':
        break;
    }
  }
  return J;
}
