/**
 * Robust ML (estimator = "MLR") and FIML (missing = "ml") against lavaan 0.6-14 at the exact optimum:
 * fixtures/lavaan-robust-fiml.json, made by fixtures/r/lavaan-robust-fiml.R (R 4.2.2, lavaan 0.6-14,
 * EM to 1e-13 and the estimates Newton-polished, then every statistic read from lavaan there).
 *
 * Tolerances (relative; TOLERANCE in @swhc/psychometrics/testing): fit measures and robust statistics
 * 1e-6, estimates, standard errors and the EM moments 1e-5; df, npar and n exact. A p-value near 0 is
 * 1 − pchisq(…), the difference of two numbers near 1, and carries the χ² CDF's absolute error (~1e-14 in
 * R and here), so p-values below 1e-6 are compared absolutely (floor 1e-6: |Δ| ≤ 1e-12); so is SRMR,
 * which is rounding noise on both sides at df = 0.
 */
import type { DataSet } from '../data/data-set';
import {
  deviationLog,
  lavaanRobustFiml,
  loadCsv,
  readFixtureText,
  TOLERANCE,
  type RobustFimlCase,
  type RobustFimlKey,
} from '../../testing';
import { caseData } from './case-data';
import { emSaturated } from './em-saturated';
import {
  CfaDataError,
  fitCfa,
  fitCfaToMoments,
  parseModel,
  sampleMoments,
  type CfaOptions,
  type CfaResult,
} from './index';

const R = lavaanRobustFiml();
const log = deviationLog('MLR and FIML (lavaan 0.6-14)');

const HS_MODEL = 'visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9';
const PD_MODEL = [
  'ind60 =~ x1 + x2 + x3',
  'dem60 =~ y1 + y2 + y3 + y4',
  'dem65 =~ y5 + y6 + y7 + y8',
  'y1 ~~ y5',
  'y2 ~~ y4 + y6',
  'y3 ~~ y7',
  'y4 ~~ y8',
  'y6 ~~ y8',
].join('\n');
const AC_MODEL = 'A =~ A1 + A2 + A3 + A4 + A5\nC =~ C1 + C2 + C3 + C4 + C5';
const BFI_MODEL = ['A', 'C', 'E', 'N', 'O']
  .map((f) => `${f} =~ ${[1, 2, 3, 4, 5].map((i) => `${f}${i}`).join(' + ')}`)
  .join('\n');
const MCAR_MODEL = 'f1 =~ y1 + y2 + y3 + y4\nf2 =~ y5 + y6 + y7 + y8';
const STAFF_MODEL = readFixtureText('sim-four-factor.lav');

const hs = loadCsv('holzinger-swineford-1939.csv');
const bfi = loadCsv('bfi.csv');
const HS_X = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9'];

/** A copy of the data with `change(row, column name, value)` applied to every cell (row 0-based). */
function edited(
  data: DataSet,
  change: (row: number, column: string, v: number) => number,
): DataSet {
  return {
    columns: data.columns,
    rows: data.rows.map((r, i) => r.map((v, j) => change(i, data.columns[j]!, v))),
  };
}
/** bfi with the negatively keyed items reversed (7 − x), as the R script does. */
const bfiR = edited(bfi, (_, c, v) =>
  ['A1', 'C4', 'C5', 'E1', 'E2', 'O2', 'O5'].includes(c) ? 7 - v : v,
);
/** HS with rows 3 and 10 (1-based) blank on x1..x9. */
const hsEmpty = edited(hs, (i, c, v) => ((i === 2 || i === 9) && HS_X.includes(c) ? NaN : v));
/** HS with x3 observed in rows 1..25 only. */
const hsSparse = edited(hs, (i, c, v) => (c === 'x3' && i >= 25 ? NaN : v));
const school = hs.textColumn('school');

interface Case {
  readonly data: DataSet;
  readonly model: string;
  readonly options: CfaOptions;
}
const MLR = { estimator: 'MLR' } as const;
const FIML = { missing: 'ml' } as const;
const CASES: Record<RobustFimlKey, () => Case> = {
  mlr_HS_3factor: () => ({ data: hs, model: HS_MODEL, options: MLR }),
  mlr_HS_3factor_meanstructure: () => ({
    data: hs,
    model: HS_MODEL,
    options: { ...MLR, meanStructure: true },
  }),
  mlr_HS_school_configural: () => ({
    data: hs,
    model: HS_MODEL,
    options: { ...MLR, groups: school },
  }),
  mlr_HS_school_scalar: () => ({
    data: hs,
    model: HS_MODEL,
    options: { ...MLR, groups: school, groupEqual: ['loadings', 'intercepts'] },
  }),
  mlr_PD: () => ({ data: loadCsv('political-democracy.csv'), model: PD_MODEL, options: MLR }),
  mlr_bfi_AC_listwise: () => ({ data: bfiR, model: AC_MODEL, options: MLR }),
  mlr_HS_df0: () => ({ data: hs, model: 'f =~ x4 + x5 + x6', options: MLR }),
  fiml_sim_mcar: () => ({ data: loadCsv('sim-mcar.csv'), model: MCAR_MODEL, options: FIML }),
  fiml_bfi_5factor: () => ({ data: bfiR, model: BFI_MODEL, options: FIML }),
  fiml_bfi_AC_gender: () => ({
    data: bfiR,
    model: AC_MODEL,
    options: { ...FIML, group: 'gender' },
  }),
  fiml_HS_empty_rows: () => ({ data: hsEmpty, model: HS_MODEL, options: FIML }),
  fiml_HS_sparse_x3: () => ({ data: hsSparse, model: HS_MODEL, options: FIML }),
  mlrfiml_sim_mcar: () => ({
    data: loadCsv('sim-mcar.csv'),
    model: MCAR_MODEL,
    options: { ...FIML, ...MLR },
  }),
  mlrfiml_bfi_AC_gender: () => ({
    data: bfiR,
    model: AC_MODEL,
    options: { ...FIML, ...MLR, group: 'gender' },
  }),
  mlrfiml_staff: () => ({
    data: loadCsv('sim-staff-survey.csv'),
    model: STAFF_MODEL,
    options: { ...FIML, ...MLR },
  }),
  mlrfiml_two_group_metric: () => {
    const two = loadCsv('sim-two-group.csv');
    return {
      data: two,
      model: STAFF_MODEL,
      options: { ...FIML, ...MLR, groups: two.textColumn('site'), groupEqual: ['loadings'] },
    };
  },
};

type Pick = (r: CfaResult) => number | undefined;
const STANDARD: [string, Pick][] = [
  ['chisq', (r) => r.chisq],
  ['fmin', (r) => r.fmin],
  ['pvalue', (r) => r.pvalue],
  ['baseline.chisq', (r) => r.baselineChisq],
  ['baseline.pvalue', (r) => r.baselinePvalue],
  ['cfi', (r) => r.cfi],
  ['tli', (r) => r.tli],
  ['rmsea', (r) => r.rmsea],
  ['rmsea.pvalue', (r) => r.rmseaPvalue],
  ['rmsea.notclose.pvalue', (r) => r.rmseaNotClosePvalue],
  ['srmr', (r) => r.srmr],
  ['logl', (r) => r.logl],
  ['unrestricted.logl', (r) => r.unrestrictedLogl],
  ['aic', (r) => r.aic],
  ['bic', (r) => r.bic],
  ['bic2', (r) => r.bic2],
];
const SCALED: [string, Pick][] = [
  ['chisq.scaled', (r) => r.scaled?.chisq],
  ['pvalue.scaled', (r) => r.scaled?.pvalue],
  ['chisq.scaling.factor', (r) => r.scaled?.scalingFactor],
  ['baseline.chisq.scaled', (r) => r.scaled?.baselineChisq],
  ['baseline.pvalue.scaled', (r) => r.scaled?.baselinePvalue],
  ['baseline.chisq.scaling.factor', (r) => r.scaled?.baselineScalingFactor],
  ['cfi.scaled', (r) => r.scaled?.cfi],
  ['tli.scaled', (r) => r.scaled?.tli],
  ['rmsea.scaled', (r) => r.scaled?.rmsea],
  ['rmsea.pvalue.scaled', (r) => r.scaled?.rmseaPvalue],
  ['rmsea.notclose.pvalue.scaled', (r) => r.scaled?.rmseaNotClosePvalue],
];
const ROBUST: [string, Pick][] = [
  ['cfi.robust', (r) => r.robust?.cfi],
  ['tli.robust', (r) => r.robust?.tli],
  ['rmsea.robust', (r) => r.robust?.rmsea],
  ['rmsea.pvalue.robust', (r) => r.robust?.rmseaPvalue],
  ['rmsea.notclose.pvalue.robust', (r) => r.robust?.rmseaNotClosePvalue],
];
const floorOf = (name: string): number => (name.includes('pvalue') || name === 'srmr' ? 1e-6 : 0);

function checkMeasures(key: string, r: CfaResult, ref: RobustFimlCase, list: [string, Pick][]) {
  for (const [name, pick] of list) {
    const expected = ref.fit[name];
    if (expected === undefined) throw new Error(`${key}: R gives no ${name}`);
    const actual = pick(r);
    if (actual === undefined) throw new Error(`${key}: no ${name} in the result`);
    log.check(name, actual, expected, TOLERANCE.fitMeasure, { context: key, floor: floorOf(name) });
  }
}

function checkCi(
  key: string,
  label: string,
  lower: number | undefined,
  upper: number | undefined,
  expected: readonly (number | null)[] | undefined,
) {
  if (!expected) throw new Error(`${key}: R gives no ${label}`);
  log.check(`${label} lower`, lower ?? NaN, expected[0]!, TOLERANCE.fitMeasure, { context: key });
  log.check(`${label} upper`, upper ?? NaN, expected[1]!, TOLERANCE.fitMeasure, { context: key });
}

function checkEstimates(key: string, r: CfaResult, ref: RobustFimlCase) {
  for (const row of ref.params) {
    const mine = r.estimates.find(
      (e) => e.lhs === row.lhs && e.op === row.op && e.rhs === row.rhs && e.group === row.group,
    );
    const where = `${key} ${row.lhs}${row.op}${row.rhs} (group ${row.group})`;
    if (!mine) throw new Error(`${where}: missing from the estimates`);
    log.check('est', mine.est, row.est, TOLERANCE.estimate, { context: where });
    log.check('se', mine.se, row.se, TOLERANCE.estimate, { context: where });
  }
  expect(r.estimates).toHaveLength(ref.params.length);
}

const results = new Map<RobustFimlKey, CfaResult>();
function fitted(key: RobustFimlKey): CfaResult {
  let r = results.get(key);
  if (!r) {
    const c = CASES[key]();
    r = fitCfa(c.data, c.model, c.options);
    results.set(key, r);
  }
  return r;
}

describe.each(Object.keys(CASES) as RobustFimlKey[])('%s', (key) => {
  const ref = R[key];
  const robustMl = key.startsWith('mlr');
  const withMissing = key.includes('fiml');

  it('has lavaan’s n, df, npar, estimator and the standard fit measures', () => {
    const r = fitted(key);
    expect(r.converged).toBe(true);
    expect(r.maxAbsGradient).toBeLessThan(1e-8);
    expect(r.n).toBe(ref.ntotal);
    expect(r.nPerGroup).toEqual(ref.nobs);
    expect(r.df).toBe(ref.fit['df']);
    expect(r.npar).toBe(ref.fit['npar']);
    expect(r.baselineDf).toBe(ref.fit['baseline.df']);
    expect(r.estimator).toBe(robustMl ? 'MLR' : 'ML');
    expect(r.missing).toBe(withMissing ? 'ml' : 'listwise');
    checkMeasures(key, r, ref, STANDARD);
    checkCi(key, 'rmsea CI', r.rmseaCiLower, r.rmseaCiUpper, ref.rmsea_ci_exact);
  });

  it('has lavaan’s estimates and standard errors', () => {
    checkEstimates(key, fitted(key), ref);
  });

  if (robustMl) {
    it('has lavaan’s scaled test and scaled fit measures', () => {
      const r = fitted(key);
      expect(r.scaled).not.toBeNull();
      expect(r.scaled!.df).toBe(ref.fit['df.scaled']);
      expect(r.scaled!.baselineDf).toBe(ref.fit['baseline.df.scaled']);
      checkMeasures(key, r, ref, SCALED);
      if (ref.fit['df']! > 0) {
        log.check('trace UGamma', r.scaled!.traceUGamma, ref.trace_ugamma!, TOLERANCE.fitMeasure, {
          context: key,
        });
      }
      checkCi(
        key,
        'rmsea CI scaled',
        r.scaled!.rmseaCiLower,
        r.scaled!.rmseaCiUpper,
        ref.rmsea_ci_scaled_exact ?? [null, null],
      );
    });
  } else {
    it('has no scaled test', () => {
      expect(fitted(key).scaled).toBeNull();
    });
  }

  if (robustMl || withMissing) {
    it('has lavaan’s robust CFI, TLI and RMSEA', () => {
      const r = fitted(key);
      checkMeasures(key, r, ref, ROBUST);
      checkCi(
        key,
        'rmsea CI robust',
        r.robust?.rmseaCiLower,
        r.robust?.rmseaCiUpper,
        ref.rmsea_ci_robust_exact,
      );
    });
  }
});

describe('FIML: the EM saturated model and the data checks', () => {
  it.each(['fiml_sim_mcar', 'fiml_bfi_AC_gender', 'fiml_HS_sparse_x3'] as RobustFimlKey[])(
    '%s: EM moments as lavaan’s h1 (em.h1.tol = 1e-13)',
    (key) => {
      const c = CASES[key]();
      const vars = parseModel(c.model).observed;
      const cd = caseData(c.data, vars, { group: c.options.group, groups: c.options.groups }, 'ml');
      cd.cases.forEach((cases, g) => {
        const em = emSaturated(cases);
        expect(em.converged).toBe(true);
        const h1 = R[key].h1![g]!;
        h1.mean.forEach((m, a) =>
          log.check('EM mean', em.mean[a]!, m, TOLERANCE.estimate, { context: key }),
        );
        h1.cov.forEach((row, a) =>
          row.forEach((v, b) =>
            log.check('EM cov', em.cov[a * vars.length + b]!, v, TOLERANCE.estimate, {
              context: key,
            }),
          ),
        );
      });
    },
  );

  it('drops rows with every model variable missing, and says so (lavaan: "some cases are empty")', () => {
    const r = fitted('fiml_HS_empty_rows');
    expect(r.n).toBe(299);
    expect(r.warnings).toContain(
      '2 row(s) with every model variable missing were left out (rows 3, 10)',
    );
  });

  it('warns when two variables are seldom observed together (lavaan: less than 10% coverage)', () => {
    expect(fitted('fiml_HS_sparse_x3').warnings).toContain(
      "low coverage: 'x3' is observed in only 8.3% of the rows (lavaan warns below 10%)",
    );
    expect(fitted('fiml_bfi_5factor').warnings.some((w) => w.startsWith('low coverage'))).toBe(
      false,
    );
  });

  it('warns when the EM algorithm stops before converging', () => {
    const c = CASES.fiml_sim_mcar();
    const r = fitCfa(c.data, c.model, { ...c.options, em: { maxIterations: 3 } });
    expect(r.warnings).toContain(
      'the EM algorithm for the saturated model did not converge in 3 iterations; chisq and the fit measures are approximate',
    );
  });

  it('names a variable without values, or without variance, in a group', () => {
    const noX9 = edited(hs, (_, c, v) => (c === 'x9' ? NaN : v));
    expect(() => fitCfa(noX9, HS_MODEL, FIML)).toThrow(
      new CfaDataError("the variable 'x9' has no values"),
    );
    const oneX9 = edited(hs, (i, c, v) => (c === 'x9' && i > 0 ? NaN : v));
    expect(() => fitCfa(oneX9, HS_MODEL, FIML)).toThrow(
      new CfaDataError("the variable 'x9' has no variance (one value)"),
    );
    const constant = edited(hs, (i, c, v) => (c === 'x9' && school[i] === 'Pasteur' ? 5 : v));
    expect(() => fitCfa(constant, HS_MODEL, { ...FIML, groups: school })).toThrow(
      new CfaDataError("the variable 'x9' has no variance in group 'Pasteur' (every value is 5)"),
    );
  });

  it('needs the rows for MLR and FIML, not only their moments', () => {
    const moments = sampleMoments(hs, HS_X);
    expect(() => fitCfaToMoments(moments, HS_MODEL, MLR)).toThrow(CfaDataError);
    expect(() => fitCfaToMoments(moments, HS_MODEL, FIML)).toThrow(CfaDataError);
  });

  it('refuses modification indices and score tests with MLR or FIML rather than give ML’s', () => {
    expect(() => fitCfa(hs, HS_MODEL, { ...MLR, modificationIndices: true })).toThrow(
      new CfaDataError(
        "modification indices and score tests are available for estimator 'ML' with missing 'listwise' only, not estimator 'MLR' with missing 'listwise'",
      ),
    );
    expect(() => fitCfa(hs, HS_MODEL, { ...FIML, scoreTests: true })).toThrow(CfaDataError);
  });

  it('rejects an unknown estimator or missing policy by name', () => {
    expect(() => fitCfa(hs, HS_MODEL, { estimator: 'WLSMV' as 'ML' })).toThrow(
      new CfaDataError("unknown estimator 'WLSMV' (expected ML or MLR)"),
    );
    expect(() => fitCfa(hs, HS_MODEL, { missing: 'pairwise' as 'ml' })).toThrow(
      new CfaDataError("unknown missing 'pairwise' (expected listwise or ml)"),
    );
  });
});
