import {
  cholesky,
  choleskyInverse,
  choleskyLogDet,
  choleskySolve,
  determinant,
  identity,
  inverse,
  inverseSpd,
  logDetSpd,
  matMul,
  matVec,
  maxAbsDiff,
  NotPositiveDefiniteError,
  SingularMatrixError,
  solve,
  solveSpd,
  symmetricEigen,
  toRows,
  toSquare,
  transpose,
  tryCholesky,
} from './index';
import { PsychometricsError } from '../errors';

/** A reproducible SPD matrix: BᵀB + n·I with B from a small LCG. */
function randomSpd(n: number, seed: number): Float64Array {
  let s = seed;
  const rnd = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
  const b = new Float64Array(n * n).map(() => rnd());
  const a = matMul(transpose(b, n, n), b, n, n, n);
  for (let i = 0; i < n; i++) a[i * n + i]! += 0.1 * n;
  return a;
}

describe('Cholesky', () => {
  it('factors a known 3×3 matrix exactly', () => {
    const a = [4, 12, -16, 12, 37, -43, -16, -43, 98];
    const l = cholesky(a, 3);
    expect(Array.from(l)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    // log|A| = 2·log(2·1·3) = log 36
    expect(choleskyLogDet(l, 3)).toBeCloseTo(Math.log(36), 14);
    expect(logDetSpd(a, 3)).toBeCloseTo(Math.log(36), 14);
  });

  it('inverse × A = I and solve agree, up to 40×40', () => {
    for (const n of [1, 2, 5, 9, 24, 40]) {
      const a = randomSpd(n, n * 7 + 1);
      const inv = inverseSpd(a, n);
      expect(maxAbsDiff(matMul(inv, a, n, n, n), identity(n))).toBeLessThan(1e-12);
      expect(maxAbsDiff(matMul(a, inv, n, n, n), identity(n))).toBeLessThan(1e-12);
      const b = Float64Array.from({ length: n }, (_, i) => i + 1);
      const x = solveSpd(a, n, b);
      expect(maxAbsDiff(matVec(a, x, n, n), b)).toBeLessThan(1e-11);
      const l = cholesky(a, n);
      expect(
        maxAbsDiff(choleskySolve(l, n, b), matVec(choleskyInverse(l, n), b, n, n)),
      ).toBeLessThan(1e-11);
      // log-determinant against the LU determinant
      expect(choleskyLogDet(l, n)).toBeCloseTo(Math.log(determinant(a, n)), 9);
    }
  });

  it('log-determinant of a diagonal and of a compound-symmetry matrix match closed forms', () => {
    expect(logDetSpd([2, 0, 0, 0, 3, 0, 0, 0, 5], 3)).toBeCloseTo(Math.log(30), 14);
    // (1−ρ)^(n−1)·(1+(n−1)ρ) for an equicorrelation matrix
    const n = 6;
    const rho = 0.3;
    const a = new Float64Array(n * n).fill(rho);
    for (let i = 0; i < n; i++) a[i * n + i] = 1;
    expect(logDetSpd(a, n)).toBeCloseTo(
      (n - 1) * Math.log(1 - rho) + Math.log(1 + (n - 1) * rho),
      13,
    );
  });

  it('reports a non-positive-definite matrix as a typed error naming the minor', () => {
    const a = [1, 2, 2, 1]; // eigenvalues 3, −1
    expect(() => cholesky(a, 2, 'sample covariance')).toThrow(NotPositiveDefiniteError);
    expect(() => cholesky(a, 2, 'sample covariance')).toThrow(
      'sample covariance is not positive definite (leading minor 2 is not positive)',
    );
    try {
      inverseSpd(a, 2);
    } catch (e) {
      expect(e).toBeInstanceOf(PsychometricsError);
      expect((e as NotPositiveDefiniteError).pivot).toBe(1);
    }
    expect(tryCholesky(a, 2)).toBeNull();
    expect(tryCholesky([1, 0, 0, Number.NaN], 2)).toBeNull();
  });

  it('rejects a numerically singular matrix when given a relative tolerance', () => {
    // x3 = x1 + x2: rank 2
    const a = [1, 0.5, 1.5, 0.5, 2, 2.5, 1.5, 2.5, 4];
    expect(() => cholesky(a, 3, 'S', { relativeTolerance: 1e-10 })).toThrow(
      NotPositiveDefiniteError,
    );
  });
});

describe('LU (general systems)', () => {
  it('solves and inverts a non-symmetric matrix', () => {
    const a = [0, 2, 1, 1, 1, 0, 3, 0, 1]; // needs pivoting (a11 = 0)
    const inv = inverse(a, 3);
    expect(maxAbsDiff(matMul(inv, a, 3, 3, 3), identity(3))).toBeLessThan(1e-15);
    const x = solve(a, 3, [3, 2, 4]);
    expect(maxAbsDiff(x, [1, 1, 1])).toBeLessThan(1e-15);
    expect(determinant(a, 3)).toBeCloseTo(-5, 14);
  });

  it('inverse × A = I for random non-symmetric matrices', () => {
    for (const n of [3, 10, 30]) {
      const a = randomSpd(n, n);
      a[1]! += 0.7; // break the symmetry
      const inv = inverse(a, n);
      expect(maxAbsDiff(matMul(inv, a, n, n, n), identity(n))).toBeLessThan(1e-12);
    }
  });

  it('reports a singular matrix as a typed error', () => {
    expect(() => solve([1, 2, 2, 4], 2, [1, 1], 'Hessian')).toThrow(SingularMatrixError);
    expect(() => inverse([1, 2, 2, 4], 2, 'Hessian')).toThrow(
      'Hessian is singular to working precision',
    );
    expect(determinant([1, 2, 2, 4], 2)).toBe(0);
  });
});

describe('symmetric eigen-decomposition (Jacobi)', () => {
  it('recovers A = V·diag(λ)·Vᵀ with orthonormal V', () => {
    const n = 12;
    const a = randomSpd(n, 3);
    a[5]! -= 2; // make it indefinite but keep symmetry
    a[5 * n]! -= 2;
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 1; i < n; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    const vt = transpose(vectors, n, n);
    expect(maxAbsDiff(matMul(vt, vectors, n, n, n), identity(n))).toBeLessThan(1e-13);
    const d = new Float64Array(n * n);
    for (let i = 0; i < n; i++) d[i * n + i] = values[i]!;
    expect(maxAbsDiff(matMul(matMul(vectors, d, n, n, n), vt, n, n, n), a)).toBeLessThan(1e-12);
  });

  it('gives the known eigenvalues of a 2×2 matrix', () => {
    const { values } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(1, 15);
    expect(values[1]).toBeCloseTo(3, 15);
  });
});

describe('conversions', () => {
  it('accepts nested rows or flat arrays', () => {
    expect(
      toSquare([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({ n: 2, data: Float64Array.from([1, 2, 3, 4]) });
    expect(toSquare([1, 2, 3, 4]).n).toBe(2);
    expect(toRows([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(() => toSquare([1, 2, 3])).toThrow(PsychometricsError);
  });
});
