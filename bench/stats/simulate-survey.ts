/**
 * Seeded simulation of the bench data: 4 correlated factors, 6 Likert items each (1–5), loadings 0.5–0.8,
 * five negatively worded items, and a `site` column splitting the rows into two groups with a small
 * latent-mean and intercept difference. Same design as libs/psychometrics/fixtures/r/sim-reference.R.
 */
import { cholesky, type DataSet } from '@swhc/psychometrics';

export const FACTORS = ['workload', 'support', 'wellbeing', 'autonomy'] as const;
export const ITEMS = Array.from({ length: 24 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);
export const REVERSED = ['q05', 'q11', 'q12', 'q17', 'q23'];

/** lavaan syntax of the 4-factor model the bench fits. */
export const FOUR_FACTOR_MODEL = FACTORS.map(
  (f, k) => `${f} =~ ${ITEMS.slice(6 * k, 6 * k + 6).join(' + ')}`,
).join('\n');

const PHI = [
  [1, 0.3, 0.4, 0.2],
  [0.3, 1, 0.5, 0.35],
  [0.4, 0.5, 1, 0.45],
  [0.2, 0.35, 0.45, 1],
];
const THRESHOLDS = [-1.6, -0.7, 0.2, 1.1];

export interface SimulatedSurvey {
  /** The 24 items, complete (no missing values), rows in simulation order. */
  readonly items: DataSet;
  /** 'west' or 'east' per row; west comes first. */
  readonly site: readonly string[];
}

/** mulberry32: a small, fast 32-bit generator, good enough for simulated survey data. */
function uniformSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Box–Muller; the second variate is discarded for simplicity (speed is not the point here).
function normalSource(uniform: () => number): () => number {
  return () => {
    const u = 1 - uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

export function simulateSurvey(n: number, seed: number): SimulatedSurvey {
  const uniform = uniformSource(seed);
  const normal = normalSource(uniform);
  const loadings = ITEMS.map((item) => {
    const size = 0.5 + 0.3 * uniform();
    return REVERSED.includes(item) ? -size : size;
  });
  const offsets = ITEMS.map(() => 0.6 * uniform() - 0.3);
  const shifted = new Set(['q02', 'q09', 'q15', 'q20']);
  const eastMean = [0.2, -0.1, 0.15, 0];
  // Rows of the library's row-major lower Cholesky factor of PHI.
  const factor = cholesky(PHI.flat(), PHI.length, 'PHI');
  const chol = PHI.map((_row, k) =>
    Array.from(factor.subarray(k * PHI.length, (k + 1) * PHI.length)),
  );
  const rows: number[][] = [];
  const site: string[] = [];
  for (let r = 0; r < n; r += 1) {
    const east = r > 0 && uniform() < 0.5;
    site.push(east ? 'east' : 'west');
    const z = FACTORS.map(() => normal());
    const eta = chol.map((row, k) =>
      row.reduce((s, c, j) => s + c * z[j]!, east ? eastMean[k]! : 0),
    );
    rows.push(
      ITEMS.map((item, i) => {
        const lambda = loadings[i]!;
        let y = lambda * eta[Math.floor(i / 6)]! + Math.sqrt(1 - lambda * lambda) * normal();
        if (east && shifted.has(item)) y += 0.25;
        let category = 1;
        for (const t of THRESHOLDS) if (y > t + offsets[i]!) category += 1;
        return category;
      }),
    );
  }
  return { items: { columns: ITEMS, rows }, site };
}

/** The same data as CSV text (header, then one row per respondent), for the R side of the bench. */
export function surveyCsv(survey: SimulatedSurvey): string {
  const lines = [['site', ...survey.items.columns].join(',')];
  survey.items.rows.forEach((row, r) => lines.push(`${survey.site[r]},${row.join(',')}`));
  return `${lines.join('\n')}\n`;
}
