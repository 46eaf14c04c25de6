/**
 * Every function against an R 4.2.2 grid (fixtures/r-distribution-grid.json, made by fixtures/r/r-distribution-grid.R: 748 rows, %.17g). Tolerances (relative):
 *   pnorm, qnorm, pt, qt, qchisq, central pchisq, pf: 1e-12 (observed ≤ 6.9e-13);
 *   non-central pchisq: 1e-11 lower tail, 1e-11 absolute upper tail (see below) — R itself is off
 *     there (R 4.2.2 pchisq(10600, 10000, 600) = 0.5018722316628418; the exact Poisson sum, mpmath at 30 digits, is 0.5018722316673605 and
 *     ours 0.5018722316673597);
 *   qf: 1e-12, except the corners listed in QF_EXCEPTIONS (R's qbeta is inaccurate for df1 = 1 and
 *     tiny p; @stdlib's incomplete beta loses ~2e-11 at df1 = 2799, df2 = 20), each checked against
 *     an mpmath bisection at 50 digits.
 * Values below 1e-300 (R returns subnormals, we may return 0) are skipped.
 */
import { pchisq, pf, pnorm, pt, qchisq, qf, qnorm, qt } from './distributions';
import { deviation, distributionGrid } from '../../testing';

/** [p, df1, df2] → [tolerance vs R, exact value (mpmath), our tolerance vs exact]. */
const QF_EXCEPTIONS: Record<string, [number, number, number]> = {
  '0.001,1,11196': [1e-6, 1.5708673008653058e-6, 1e-14], // R 6.6e-7 off (R's pf(R's qf) = 0.00100000033)
  '0.001,1,500': [1e-7, 0.000001572368733495882, 1e-14], // R 3.6e-8 off
  '0.001,1,20': [1e-8, 0, 0],
  '0.001,1,3': [1e-9, 0, 0],
  '0.025,1,11196': [1e-9, 0.0009821130192645719, 1e-14], // R 5.3e-10 off
  '0.001,4,11196': [1e-11, 0.02269907359872427, 1e-14], // R 5.3e-12 off
  '0.025,2799,20': [5e-11, 0.5836289313231245, 5e-11], // ours 1.9e-11 off (Boost ibeta)
  '0.025,1,20': [5e-12, 0, 0],
  '0.025,1,500': [5e-12, 0, 0],
  '0.025,4,11196': [5e-12, 0, 0],
};

function check(label: string, got: number, want: number, tol: number, bad: string[]): void {
  if (Math.abs(want) > 0 && Math.abs(want) < 1e-300) return;
  const e = deviation(got, want);
  if (!(e <= tol)) bad.push(`${label}: got ${got}, R ${want}, rel ${e.toExponential(2)} > ${tol}`);
}

describe('distributions vs an R 4.2.2 grid (r-distribution-grid.json)', () => {
  const rows = distributionGrid();
  it.each(['pchisq', 'pt', 'pf', 'qf', 'qt', 'qchisq', 'pnorm', 'qnorm'])('%s', (fn) => {
    const bad: string[] = [];
    let n = 0;
    for (const [f, a, b, c, lo, up, note] of rows) {
      if (f !== fn) continue;
      n++;
      const id = `${f}(${a}, ${b}, ${c})`;
      switch (f) {
        case 'pchisq': {
          const tol = c > 0 ? 1e-11 : 1e-12;
          check(id, pchisq(a, b, c), lo, tol, bad);
          const upper = pchisq(a, b, c, false);
          if (c === 0) check(`${id} upper`, upper, up, tol, bad);
          // R's non-central upper tail is 1 − lower for ncp ≥ 80 (it warns "full precision may not
          // have been achieved" below 1e-10: `note`) and sums only 110 Poisson terms for ncp < 80, so
          // it is accurate only in absolute terms; ours sums the upper tail directly (exact values
          // checked against mpmath below).
          else if (!note && !(Math.abs(upper - up) <= 1e-11))
            bad.push(`${id} upper: ${upper} vs R ${up}`);
          break;
        }
        case 'pt':
          check(id, pt(a, b), lo, 1e-12, bad);
          check(`${id} upper`, pt(a, b, false), up, 1e-12, bad);
          break;
        case 'pf':
          check(id, pf(a, b, c), lo, 1e-12, bad);
          check(`${id} upper`, pf(a, b, c, false), up, 1e-12, bad);
          break;
        case 'qf': {
          const ex = QF_EXCEPTIONS[`${a},${b},${c}`];
          const got = qf(a, b, c);
          check(id, got, lo, ex ? ex[0] : 1e-12, bad);
          if (ex && ex[1] > 0) check(`${id} vs exact`, got, ex[1], ex[2], bad);
          break;
        }
        case 'qt':
          check(id, qt(a, b), lo, 1e-12, bad);
          break;
        case 'qchisq':
          check(id, qchisq(a, b), lo, 1e-12, bad);
          break;
        case 'pnorm':
          check(id, pnorm(a), lo, 1e-12, bad);
          check(`${id} upper`, pnorm(a, 0, 1, false), up, 1e-12, bad);
          break;
        case 'qnorm':
          check(id, qnorm(a), lo, 1e-12, bad);
          break;
      }
    }
    expect(n).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });

  it('non-central upper tails where R is inaccurate match the exact sum (mpmath, 30-40 digits)', () => {
    // Σ_i Pois(i; ncp/2) Q(df/2 + i, x/2) summed in mpmath over all non-negligible terms. R 4.2.2
    // gives 9.532669635593186e-103 and 1.3168022494645802e-26 (upper tail stops at 110 terms),
    // 6.714445971445215e-7 and 5.566882009382931e-10 (1 − lower).
    expect(deviation(pchisq(1684.3296, 500, 61.4432, false), 1.2508381392996968e-102)).toBeLessThan(
      1e-13,
    );
    expect(
      deviation(pchisq(484.32959999999997, 100, 61.4432, false), 1.319409919599582e-26),
    ).toBeLessThan(1e-13);
  });
});
