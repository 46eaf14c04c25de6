/**
 * Loads the simulated reference fixtures (libs/psychometrics/fixtures/sim-*, made by
 * fixtures/r/simulate-reference-fixtures.R with R 4.2.2, lavaan 0.6-14, psych 2.2.9, survey 4.1-1) and
 * gives the tests small helpers: closeness with a stated tolerance and lavaan's parameter keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSet } from '../data/data-set';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export interface FixtureTable {
  readonly header: readonly string[];
  readonly cells: readonly (readonly string[])[];
}

/**
 * Reads a CSV written by R's write.csv(na = ""): quoted text, unquoted numbers, empty = missing. The
 * fixtures hold no commas or quotes inside fields, so splitting on commas is exact for them.
 */
export function readFixtureCsv(name: string): FixtureTable {
  const lines = readFileSync(join(FIXTURES, name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const split = (line: string): string[] =>
    line.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1'));
  const [head, ...rest] = lines;
  return { header: split(head ?? ''), cells: rest.map(split) };
}

/** Named columns as numbers (empty cell = NaN). */
export function numericColumns(table: FixtureTable, names: readonly string[]): DataSet {
  const idx = names.map((n) => {
    const j = table.header.indexOf(n);
    if (j < 0) throw new Error(`fixture has no column ${n}`);
    return j;
  });
  return {
    columns: [...names],
    rows: table.cells.map((row) => idx.map((j) => (row[j] === '' ? Number.NaN : Number(row[j])))),
  };
}

export function textColumnOf(table: FixtureTable, name: string): string[] {
  const j = table.header.indexOf(name);
  if (j < 0) throw new Error(`fixture has no column ${name}`);
  return table.cells.map((row) => row[j] ?? '');
}

export function readFixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** lavaan fitMeasures, keyed as R names them. */
export type FitMeasures = Readonly<
  Record<
    | 'npar'
    | 'fmin'
    | 'chisq'
    | 'df'
    | 'pvalue'
    | 'baseline.chisq'
    | 'baseline.df'
    | 'cfi'
    | 'tli'
    | 'rmsea'
    | 'rmsea.ci.lower'
    | 'rmsea.ci.upper'
    | 'rmsea.pvalue'
    | 'srmr'
    | 'logl'
    | 'aic'
    | 'bic',
    number
  >
>;

export interface CfaReference {
  readonly code: string;
  readonly nobs: readonly number[];
  readonly group_labels: readonly string[];
  readonly converged: boolean;
  /** fitMeasures at lavaan's own estimate. */
  readonly fit: FitMeasures;
  /** fitMeasures re-evaluated at the polished optimum (SRMR included). */
  readonly fit_at_optimum: FitMeasures;
  /** lavaan's RMSEA 90% CI formula with uniroot(tol = 1e-15): lavaan's own roots are ~1e-4 loose near 0. */
  readonly rmsea_ci_precise: readonly [number, number];
  readonly polished: {
    readonly free_params: Readonly<Record<string, number>>;
    readonly fmin: number;
    readonly chisq: number;
    readonly max_abs_gradient: number;
  };
}

export interface AlphaReference {
  readonly code: string;
  readonly items: readonly string[];
  readonly reverse: readonly string[];
  readonly n: number;
  readonly raw_alpha: number;
  readonly std_alpha: number;
  readonly g6: number;
  readonly average_r: number;
  readonly feldt: readonly [number, number];
  readonly r_drop: readonly number[];
  readonly alpha_if_dropped: readonly number[];
}

export interface OmegaReference {
  readonly code: string;
  readonly items: readonly string[];
  readonly reverse: readonly string[];
  readonly nobs: number;
  readonly omega_polished: number;
  readonly omega_lavaan: number;
  readonly loadings_polished: Readonly<Record<string, number>>;
}

export interface SimReference {
  readonly meta: Readonly<Record<string, unknown>>;
  readonly alpha: Readonly<Record<string, AlphaReference>>;
  readonly omega: Readonly<Record<string, OmegaReference>>;
  readonly cfa_four_factor: CfaReference;
  readonly invariance: {
    readonly configural: CfaReference;
    readonly metric: CfaReference;
    readonly scalar: CfaReference;
    readonly lrt: {
      readonly chisq_diff: number[];
      readonly df_diff: number[];
      readonly p: number[];
    };
  };
  readonly rake: {
    readonly margins: Readonly<Record<string, Readonly<Record<string, number>>>>;
    readonly n: number;
    readonly sum_w: number;
    readonly weights: readonly number[];
    readonly deff_kish: number;
    readonly weighted_mean_overall: number;
  };
  readonly drivers: {
    readonly outcome: string;
    readonly predictors: readonly string[];
    readonly n: number;
    readonly r2: number;
    readonly shapley: Readonly<Record<string, number>>;
  };
  readonly compare: {
    readonly groups: readonly [string, string];
    readonly n1: number;
    readonly n2: number;
    readonly mean1: number;
    readonly mean2: number;
    readonly welch_t: number;
    readonly df: number;
    readonly p: number;
    readonly hedges_g: number;
  };
  readonly funnel: {
    readonly target: number;
    readonly sigma: number;
    readonly units: readonly {
      readonly unit: string;
      readonly n: number;
      readonly mean: number;
      readonly z: number;
      readonly outside95: boolean;
      readonly outside998: boolean;
    }[];
  };
}

/** R's results on the simulated data (see the R script for each entry's code). */
export const reference = JSON.parse(readFixtureText('sim-reference.json')) as SimReference;

/** Tolerances (relative) stated by the brief: closed forms, CFA statistics, parameters vs the polished optimum. */
export const TOL = { closedForm: 1e-9, cfaStatistic: 1e-6, parameter: 1e-5 } as const;

/** Largest relative deviation seen per statistic, printed at the end of a suite for the report. */
export class DeviationLog {
  private readonly worst = new Map<string, number>();

  /** Checks |actual − expected| ≤ tol·max(|expected|, floor) with jest, and records the relative deviation. */
  check(label: string, actual: number, expected: number, tol: number, floor = 1): void {
    const scale = Math.max(Math.abs(expected), floor);
    const rel = Math.abs(actual - expected) / scale;
    this.worst.set(label, Math.max(this.worst.get(label) ?? 0, rel));
    if (!(rel <= tol)) {
      throw new Error(
        `${label}: ${actual} vs R ${expected} (relative deviation ${rel.toExponential(2)} > ${tol})`,
      );
    }
    expect(rel).toBeLessThanOrEqual(tol);
  }

  summary(): string {
    return [...this.worst].map(([k, v]) => `${k}: ${v.toExponential(2)}`).join('\n');
  }
}

/** A free parameter key of the JSON ("support=~q08@g2", "q01~1@g1") split into lavaan's columns. */
export function parseParameterKey(key: string): {
  lhs: string;
  op: string;
  rhs: string;
  group: number;
} {
  const at = key.lastIndexOf('@g');
  const body = key.slice(0, at);
  const group = Number(key.slice(at + 2));
  for (const op of ['=~', '~~', '~1']) {
    const i = body.indexOf(op);
    if (i > 0) return { lhs: body.slice(0, i), op, rhs: body.slice(i + op.length), group };
  }
  throw new Error(`cannot read parameter key ${key}`);
}
