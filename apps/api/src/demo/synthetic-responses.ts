import type { Answers, ServiceKind } from '@swhc/contracts';
import { choicesFor, type InstrumentDefinition } from '@swhc/instruments';
import { cholesky } from '@swhc/psychometrics';
import { SeededRandom } from './seeded-random';

/**
 * Synthetic answers from a latent-factor model: four correlated factors (demands, support, control,
 * wellbeing), items loading 0.5–0.8 (reverse-keyed items negatively), thresholds that turn the
 * continuous response into 1–5, an LA-level shift per factor, and a few skipped items.
 */

const FACTORS = ['demands', 'support', 'control', 'wellbeing'] as const;

// Factor correlations: demands go against the other three, which go together.
const CORRELATION = [
  [1, -0.4, -0.35, -0.5],
  [-0.4, 1, 0.5, 0.5],
  [-0.35, 0.5, 1, 0.45],
  [-0.5, 0.5, 0.45, 1],
];

// Row-major lower factor L with L·Lᵀ = CORRELATION: L·z turns independent normals into factors.
const FACTOR_CHOLESKY = cholesky(CORRELATION.flat(), FACTORS.length, 'factor correlation');
const THRESHOLDS = [-1.6, -0.6, 0.35, 1.35];

function toLikert(latent: number): number {
  let value = 1;
  for (const t of THRESHOLDS) if (latent > t) value++;
  return value;
}

/** How one LA × service differs from the national picture, in factor SD units. */
export interface UnitProfile {
  readonly shift: readonly number[];
}

export function randomUnitProfile(random: SeededRandom): UnitProfile {
  return { shift: FACTORS.map(() => random.normal() * 0.3) };
}

export interface SyntheticOptions {
  /** Probability that an optional scale item is skipped. */
  readonly skipRate: number;
  /** Added to every factor mean (e.g. a small change between waves). */
  readonly waveShift: readonly number[];
}

export function syntheticAnswers(
  instrument: InstrumentDefinition,
  service: ServiceKind,
  profile: UnitProfile,
  options: SyntheticOptions,
  random: SeededRandom,
): Answers {
  const z = FACTORS.map(() => random.normal());
  const factors = FACTORS.map(
    (_f, i) =>
      z.reduce((sum, zk, k) => sum + (FACTOR_CHOLESKY[i * FACTORS.length + k] ?? 0) * zk, 0) +
      (profile.shift[i] ?? 0) +
      (options.waveShift[i] ?? 0),
  );
  const answers: Answers = {};
  instrument.scales.forEach((scale, s) => {
    scale.items.forEach((item, i) => {
      if (random.next() < options.skipRate) return;
      const loading = 0.5 + ((i * 7 + s * 3) % 7) * 0.05; // 0.50–0.80, fixed per item
      const sign = scale.reversed.includes(item) ? -1 : 1;
      const latent =
        sign * loading * (factors[s] ?? 0) + Math.sqrt(1 - loading * loading) * random.normal();
      answers[item] = toLikert(latent);
    });
  });
  const [demands = 0, support = 0, control = 0, wellbeing = 0] = factors;
  const stay =
    0.45 * wellbeing + 0.3 * support + 0.15 * control - 0.25 * demands + 0.75 * random.normal();
  answers[instrument.outcome] = toLikert(stay + 0.3);
  answers['role'] = random.pick([
    ['asye', 12],
    ['social-worker', 50],
    ['senior-practitioner', 20],
    ['team-manager', 12],
    ['other', 6],
  ]);
  answers['employment'] = random.pick([
    ['permanent', 84],
    ['agency', 16],
  ]);
  const optional: [string, readonly (readonly [string, number])[]][] = [
    ['teamType', teamTypes(instrument, service)],
    [
      'yearsQualified',
      [
        ['0-2', 20],
        ['3-5', 24],
        ['6-10', 24],
        ['11-20', 22],
        ['21+', 10],
      ],
    ],
    [
      'workingPattern',
      [
        ['full-time', 80],
        ['part-time', 20],
      ],
    ],
    [
      'gender',
      [
        ['woman', 78],
        ['man', 17],
        ['other', 1],
        ['prefer-not-to-say', 4],
      ],
    ],
    [
      'ethnicity',
      [
        ['white', 70],
        ['black', 12],
        ['asian', 9],
        ['mixed', 4],
        ['other', 2],
        ['prefer-not-to-say', 3],
      ],
    ],
    [
      'disability',
      [
        ['no', 80],
        ['yes', 14],
        ['prefer-not-to-say', 6],
      ],
    ],
  ];
  for (const [name, choices] of optional) {
    if (random.next() >= 0.08) answers[name] = random.pick(choices);
  }
  return answers;
}

/** The service's own team types, the first ones commonest (front doors and case-holding teams). */
function teamTypes(
  instrument: InstrumentDefinition,
  service: ServiceKind,
): readonly (readonly [string, number])[] {
  const question = instrument.questions.find((q) => q.name === 'teamType');
  if (!question) return [];
  const choices = choicesFor(question, service);
  return choices.map(
    (c, i) => [String(c.value), i === choices.length - 1 ? 6 : 30 - 3 * i] as const,
  );
}

/** `n` answer sets from one unit's profile, all drawn from `seed`: one cohort for tests and fixtures. */
export function syntheticCohort(
  instrument: InstrumentDefinition,
  service: ServiceKind,
  n: number,
  seed: number,
  skipRate = 0,
): Answers[] {
  const random = new SeededRandom(seed);
  const profile = randomUnitProfile(random);
  const options = { skipRate, waveShift: FACTORS.map(() => 0) };
  return Array.from({ length: n }, () =>
    syntheticAnswers(instrument, service, profile, options, random),
  );
}
