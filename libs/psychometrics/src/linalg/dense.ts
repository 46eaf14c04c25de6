/**
 * Small dense matrices stored row-major in a Float64Array (element (i, j) of an r×c matrix is
 * `data[i * c + j]`). Symmetric matrices are stored in full. These routines are written for the
 * sizes a questionnaire produces (up to a few hundred rows) and allocate their results.
 */
import { DimensionError } from './errors';

/** Anything indexable as numbers: number[], Float64Array, … */
export type NumericArray = ArrayLike<number>;

/** A row-major square matrix from nested arrays (rows) or a flat array of length n². */
export function toSquare(
  input: NumericArray | readonly (readonly number[])[],
  what = 'matrix',
): { n: number; data: Float64Array } {
  const len = input.length;
  if (len === 0) return { n: 0, data: new Float64Array(0) };
  const first = input[0];
  if (typeof first === 'number') {
    const n = Math.round(Math.sqrt(len));
    if (n * n !== len)
      throw new DimensionError(`${what}: a flat array of length ${len} is not square`);
    return { n, data: Float64Array.from(input as NumericArray) };
  }
  const rows = input as readonly (readonly number[])[];
  const n = rows.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    if (row.length !== n)
      throw new DimensionError(`${what}: row ${i + 1} has ${row.length} entries, expected ${n}`);
    for (let j = 0; j < n; j++) data[i * n + j] = row[j]!;
  }
  return { n, data };
}

/** Nested rows (number[][]) from a row-major square matrix. */
export function toRows(a: NumericArray, n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = a[i * n + j]!;
    out.push(row);
  }
  return out;
}

/** C = A·B with A r×k and B k×c. */
export function matMul(
  a: NumericArray,
  b: NumericArray,
  r: number,
  k: number,
  c: number,
): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    const io = i * c;
    for (let t = 0; t < k; t++) {
      const ait = a[i * k + t]!;
      if (ait === 0) continue;
      const to = t * c;
      for (let j = 0; j < c; j++) out[io + j]! += ait * b[to + j]!;
    }
  }
  return out;
}

/** y = A·x with A r×c. */
export function matVec(a: NumericArray, x: NumericArray, r: number, c: number): Float64Array {
  const out = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    let s = 0;
    const io = i * c;
    for (let j = 0; j < c; j++) s += a[io + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

/** Aᵀ for A r×c. */
export function transpose(a: NumericArray, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j]!;
  return out;
}

/** The n×n identity. */
export function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/** max |a_ij − b_ij|. */
export function maxAbsDiff(a: NumericArray, b: NumericArray): number {
  if (a.length !== b.length)
    throw new DimensionError(`maxAbsDiff: lengths ${a.length} and ${b.length} differ`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
