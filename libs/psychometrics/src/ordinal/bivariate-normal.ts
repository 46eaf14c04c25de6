/**
 * The standardised bivariate normal distribution: Φ₂(h, k; ρ) = P(X ≤ h, Y ≤ k) and its density.
 *
 * Φ₂ is Alan Genz's BVND algorithm (Genz 2004, "Numerical computation of rectangular bivariate and
 * trivariate normal and t probabilities", Statistics and Computing 14:251–260; Drezner & Wesolowsky 1990
 * for |ρ| < 0.925), the Fortran routine that the R package pbivnorm wraps and lavaan 0.6-14 calls for
 * polychoric correlations — so the cell probabilities agree with lavaan's to about 1e-16.
 */
import { pnorm } from '../distributions';

// Gauss–Legendre half-rules (abscissae in (−1, 0), weights) with 6, 12 and 20 points, as in BVND.
const W: readonly (readonly number[])[] = [
  [0.1713244923791705, 0.3607615730481384, 0.4679139345726904],
  [
    0.04717533638651177, 0.1069393259953183, 0.1600783285433464, 0.2031674267230659,
    0.2334925365383547, 0.2491470458134029,
  ],
  [
    0.01761400713915212, 0.04060142980038694, 0.06267204833410905, 0.08327674157670475,
    0.1019301198172404, 0.1181945319615184, 0.1316886384491766, 0.1420961093183821,
    0.1491729864726037, 0.1527533871307259,
  ],
];
const X: readonly (readonly number[])[] = [
  [-0.9324695142031522, -0.6612093864662647, -0.238619186083197],
  [
    -0.9815606342467191, -0.904117256370475, -0.769902674194305, -0.5873179542866171,
    -0.3678314989981802, -0.1252334085114692,
  ],
  [
    -0.9931285991850949, -0.9639719272779138, -0.912234428251326, -0.8391169718222188,
    -0.7463319064601508, -0.636053680726515, -0.5108670019508271, -0.3737060887154196,
    -0.2277858511416451, -0.07652652113349732,
  ],
];
const TWO_PI = 2 * Math.PI;

/** Genz's BVND(dh, dk, r) = P(X > dh, Y > dk) for correlation r. */
function bvnd(dh: number, dk: number, r: number): number {
  const ng = Math.abs(r) < 0.3 ? 0 : Math.abs(r) < 0.75 ? 1 : 2;
  const w = W[ng]!;
  const x = X[ng]!;
  const lg = w.length;
  const h = dh;
  let k = dk;
  let hk = h * k;
  let bvn = 0;
  if (Math.abs(r) < 0.925) {
    const hs = (h * h + k * k) / 2;
    const asr = Math.asin(r);
    for (let i = 0; i < lg; i++) {
      let sn = Math.sin((asr * (x[i]! + 1)) / 2);
      bvn += w[i]! * Math.exp((sn * hk - hs) / (1 - sn * sn));
      sn = Math.sin((asr * (-x[i]! + 1)) / 2);
      bvn += w[i]! * Math.exp((sn * hk - hs) / (1 - sn * sn));
    }
    return (bvn * asr) / (2 * TWO_PI) + pnorm(-h) * pnorm(-k);
  }
  if (r < 0) {
    k = -k;
    hk = -hk;
  }
  if (Math.abs(r) < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - k) * (h - k);
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    bvn =
      a *
      Math.exp(-(bs / as + hk) / 2) *
      (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (hk > -160) {
      const b = Math.sqrt(bs);
      bvn -=
        Math.exp(-hk / 2) *
        Math.sqrt(TWO_PI) *
        pnorm(-b / a) *
        b *
        (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    a /= 2;
    for (let i = 0; i < lg; i++) {
      for (const sign of [-1, 1]) {
        const xs = (a * (sign * x[i]! + 1)) ** 2;
        const rs = Math.sqrt(1 - xs);
        const asr = -(bs / xs + hk) / 2;
        if (asr > -100) {
          bvn +=
            a *
            w[i]! *
            Math.exp(asr) *
            (Math.exp((-hk * xs) / (2 * (1 + rs) * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
        }
      }
    }
    bvn = -bvn / TWO_PI;
  }
  if (r > 0) return bvn + pnorm(-Math.max(h, k));
  return -bvn + Math.max(0, pnorm(-h) - pnorm(-k));
}

/**
 * Φ₂(h, k; ρ) = P(X ≤ h, Y ≤ k) for standard normals with correlation ρ (pbivnorm::pbivnorm). Infinite
 * limits are allowed. By symmetry P(X ≤ h, Y ≤ k) = P(−X > −h… ) = BVND(−h, −k, ρ).
 */
export function pbinorm(h: number, k: number, rho: number): number {
  if (h === -Infinity || k === -Infinity) return 0;
  if (h === Infinity) return pnorm(k);
  if (k === Infinity) return pnorm(h);
  return bvnd(-h, -k, rho);
}

/** The bivariate normal density φ₂(u, v; ρ) (lavaan's dbinorm without its |ρ| ≤ 0.9999 clamp). */
export function dbinorm(u: number, v: number, rho: number): number {
  const r = 1 - rho * rho;
  return Math.exp((-0.5 * (u * u - 2 * rho * u * v + v * v)) / r) / (TWO_PI * Math.sqrt(r));
}
