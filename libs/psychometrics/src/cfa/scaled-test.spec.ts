/**
 * The U·Γ traces of scaled-test.ts against the definition: U = W_all − W_all Δ E⁻¹ Δ' W_all formed
 * explicitly from block-diagonal W_all = ⊕ f_g W_g and Γ_all = ⊕ Γ_g / f_g (lavaan's convention), on
 * random positive definite blocks. The reduced q×q forms must give the same traces.
 */
import { inverse, matMul, transpose } from '../linalg';
import {
  sandwichUGammaTraces,
  scaledStatistic,
  traceUGamma,
  traceUGammaUGamma,
  type UGammaGroup,
} from './scaled-test';

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

function randomSpd(n: number, rnd: () => number): Float64Array {
  const A = new Float64Array(n * n).map(() => rnd());
  const S = matMul(A, transpose(A, n, n), n, n, n);
  for (let i = 0; i < n; i++) S[i * n + i]! += n;
  return S;
}

function blockDiagonal(blocks: Float64Array[], k: number, scale: number[]): Float64Array {
  const n = blocks.length * k;
  const out = new Float64Array(n * n);
  blocks.forEach((B, g) => {
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) out[(g * k + i) * n + g * k + j] = scale[g]! * B[i * k + j]!;
    }
  });
  return out;
}

function trace(A: Float64Array, n: number): number {
  let t = 0;
  for (let i = 0; i < n; i++) t += A[i * n + i]!;
  return t;
}

describe('U·Γ traces', () => {
  const rnd = generator(20240603);
  const k = 6;
  const q = 4;
  const fg = [0.4, 0.6];
  const groups: UGammaGroup[] = fg.map((f) => ({
    fg: f,
    k,
    W: randomSpd(k, rnd),
    Delta: new Float64Array(k * q).map(() => rnd()),
  }));
  const gamma1 = fg.map(() => randomSpd(k, rnd));
  const gamma2 = fg.map(() => randomSpd(k, rnd));
  const Wall = blockDiagonal(
    groups.map((g) => g.W),
    k,
    fg,
  );
  const n = 2 * k;
  const Dall = new Float64Array(n * q);
  groups.forEach((g, i) => Dall.set(g.Delta, i * k * q));
  const E = matMul(transpose(Dall, n, q), matMul(Wall, Dall, n, n, q), q, n, q);
  const Einv = inverse(E, q);
  const WD = matMul(Wall, Dall, n, n, q);
  const U = Wall.slice();
  const correction = matMul(matMul(WD, Einv, n, q, q), transpose(WD, n, q), n, q, n);
  for (let i = 0; i < n * n; i++) U[i]! -= correction[i]!;
  const G1 = blockDiagonal(
    gamma1,
    k,
    fg.map((f) => 1 / f),
  );
  const G2 = blockDiagonal(
    gamma2,
    k,
    fg.map((f) => 1 / f),
  );

  it('tr(UΓ) equals the trace of the explicit product', () => {
    const explicit = trace(matMul(U, G1, n, n, n), n);
    expect(traceUGamma(groups, gamma1, Einv, q)).toBeCloseTo(explicit, 10);
  });

  it('tr(UΓ₁UΓ₂) equals the trace of the explicit product', () => {
    const UG1 = matMul(U, G1, n, n, n);
    const UG2 = matMul(U, G2, n, n, n);
    const explicit = trace(matMul(UG1, UG2, n, n, n), n);
    expect(traceUGammaUGamma(groups, gamma1, gamma2, Einv, q)).toBeCloseTo(explicit, 9);
  });

  it('the sandwich form Γ = W⁻¹MW⁻¹ gives the same traces as the general one', () => {
    const M1 = fg.map(() => randomSpd(k, rnd));
    const M2 = fg.map(() => randomSpd(k, rnd));
    const sandwich = (M: Float64Array[]): Float64Array[] =>
      M.map((m, i) => {
        const Wi = inverse(groups[i]!.W, k);
        return matMul(matMul(Wi, m, k, k, k), Wi, k, k, k);
      });
    const t = sandwichUGammaTraces(groups, M1, M2, Einv, q);
    expect(t.trace).toBeCloseTo(traceUGamma(groups, sandwich(M1), Einv, q), 10);
    expect(t.traceProduct).toBeCloseTo(
      traceUGammaUGamma(groups, sandwich(M1), sandwich(M2), Einv, q),
      10,
    );
  });

  it('with Γ = W⁻¹ and E = Δ′WΔ, tr(UΓ) is the degrees of freedom k·G − q', () => {
    const wInv = groups.map((g) => inverse(g.W, k));
    expect(traceUGamma(groups, wInv, Einv, q)).toBeCloseTo(n - q, 10);
  });
});

describe('scaledStatistic', () => {
  it('divides by tr(UΓ)/df and refers the result to χ²(df)', () => {
    const s = scaledStatistic(30, 10, 12);
    expect(s.scalingFactor).toBeCloseTo(1.2, 15);
    expect(s.chisq).toBeCloseTo(25, 12);
    expect(s.pvalue).toBeCloseTo(0.00534550548713408, 12); // 1 - pchisq(25, 10) in R 4.2.2
  });

  it('reports no scaling at df = 0 and a negative trace as NA, as lavaan', () => {
    expect(scaledStatistic(0, 0, 1e-12)).toMatchObject({ chisq: 0, scalingFactor: NaN });
    expect(scaledStatistic(5, 3, -1).scalingFactor).toBeNaN();
  });
});
