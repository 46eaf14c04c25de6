/**
 * Gram matrices of column blocks: `cross += X'X` (lower triangle) for X stored column by column with a
 * fixed stride, the kernel behind covariance and asymptotic-covariance sums over rows of data.
 */

/**
 * Adds the column dot products of a block to the lower triangle of `cross` (p×p, row-major): for columns
 * a ≥ b, cross[a·p + b] += Σ_{r < len} block[a·stride + r]·block[b·stride + r]. Two columns by two (four
 * sums per pass over the rows), so each loaded value is used twice. Read only the lower triangle: the
 * entry (a, a+1) above it also receives a sum for even a.
 */
export function addLowerGram(
  block: Float64Array,
  p: number,
  stride: number,
  len: number,
  cross: Float64Array,
): void {
  let a = 0;
  for (; a + 1 < p; a += 2) {
    const a0 = a * stride;
    const a1 = a0 + stride;
    for (let b = 0; b <= a; b += 2) {
      const b0 = b * stride;
      const b1 = b0 + stride;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let r = 0; r < len; r++) {
        const x0 = block[a0 + r]!;
        const x1 = block[a1 + r]!;
        const y0 = block[b0 + r]!;
        const y1 = block[b1 + r]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      // (a, b+1) lies above the diagonal when b = a; it is never read.
      cross[a * p + b]! += s00;
      cross[a * p + b + 1]! += s01;
      cross[(a + 1) * p + b]! += s10;
      cross[(a + 1) * p + b + 1]! += s11;
    }
  }
  if (a < p) {
    // odd p: the last column against all columns
    const a0 = a * stride;
    for (let b = 0; b <= a; b++) {
      const b0 = b * stride;
      let s = 0;
      for (let r = 0; r < len; r++) s += block[a0 + r]! * block[b0 + r]!;
      cross[a * p + b]! += s;
    }
  }
}

/** Copies the lower triangle of a p×p row-major matrix onto its upper triangle. */
export function symmetrizeFromLower(m: Float64Array, p: number): void {
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) m[b * p + a] = m[a * p + b]!;
}
