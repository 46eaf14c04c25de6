/**
 * WLSMV fits against lavaan 0.6-14 (fixtures/r/lavaan-ordinal.R): cfa(..., ordered = ..., estimator =
 * "WLSMV") with lavaan's defaults, re-evaluated by lavaan at the exact optimum (GN, or Newton steps on
 * lavaan's gradient where GN stops early under equality constraints): fitMeasures(), the scaled-shifted
 * test's shift (lavInspect(fit, "test")), parameterEstimates() with robust SEs, standardizedSolution()
 * (std.lv, std.all), and lavTestLRT(m1, m0, method = "satorra.2000").
 *
 * Tolerances (relative): fit measures, test statistics, their p-values and the Satorra-2000 tests 1e-6
 * (p-values absolutely, to 1e-12, below 1e-6: lavaan computes them as 1 − pchisq(...), and R's
 * non-central pchisq is accurate to 1e-12 absolute — pnchisq's errmax); RMSEA CIs against the roots
 * solved to 1e-15, and lavaan's printed (uniroot-tolerance) CIs reproduced at 1e-6; estimates, SEs and
 * the standardised solution 1e-5 (absolute below 1e-8: fixed zeros).
 */
import { fitOrdinalCfa, fitOrdinalCfaToStatistics, type OrdinalCfaResult } from './fit';
import { ordinalInvarianceFromStatistics } from './invariance';
import { ordinalSampleStatistics } from './sample-statistics';
import { scaledDifferenceTest } from './difference-test';
import { parseModel } from '../cfa/syntax';
import {
  TOLERANCE,
  deviationLog,
  lavaanOrdinal,
  loadCsv,
  type SatorraReference,
  type WlsmvReference,
} from '../../testing';

const R = lavaanOrdinal();
const log = deviationLog('WLSMV (lavaan 0.6-14)');

/** result field ← fitMeasures() name */
const MEASURES: [keyof OrdinalCfaResult, string][] = [
  ['npar', 'npar'],
  ['fmin', 'fmin'],
  ['chisq', 'chisq'],
  ['df', 'df'],
  ['pvalue', 'pvalue'],
  ['chisqScaled', 'chisq.scaled'],
  ['dfScaled', 'df.scaled'],
  ['pvalueScaled', 'pvalue.scaled'],
  ['chisqScalingFactor', 'chisq.scaling.factor'],
  ['baselineChisq', 'baseline.chisq'],
  ['baselineDf', 'baseline.df'],
  ['baselinePvalue', 'baseline.pvalue'],
  ['baselineChisqScaled', 'baseline.chisq.scaled'],
  ['baselineDfScaled', 'baseline.df.scaled'],
  ['baselinePvalueScaled', 'baseline.pvalue.scaled'],
  ['baselineChisqScalingFactor', 'baseline.chisq.scaling.factor'],
  ['cfi', 'cfi'],
  ['tli', 'tli'],
  ['cfiScaled', 'cfi.scaled'],
  ['tliScaled', 'tli.scaled'],
  ['cfiRobust', 'cfi.robust'],
  ['tliRobust', 'tli.robust'],
  ['rmsea', 'rmsea'],
  ['rmseaPvalue', 'rmsea.pvalue'],
  ['rmseaNotClosePvalue', 'rmsea.notclose.pvalue'],
  ['rmseaScaled', 'rmsea.scaled'],
  ['rmseaPvalueScaled', 'rmsea.pvalue.scaled'],
  ['rmseaNotClosePvalueScaled', 'rmsea.notclose.pvalue.scaled'],
  ['rmseaRobust', 'rmsea.robust'],
  ['rmseaPvalueRobust', 'rmsea.pvalue.robust'],
  ['rmseaNotClosePvalueRobust', 'rmsea.notclose.pvalue.robust'],
  ['srmr', 'srmr'],
];

function checkFit(label: string, fit: OrdinalCfaResult, ref: WlsmvReference): void {
  expect(fit.converged).toBe(true);
  expect(fit.maxAbsGradient).toBeLessThan(1e-9);
  expect(ref.max_abs_gradient).toBeLessThan(1e-9);
  const context = label;
  for (const [field, name] of MEASURES) {
    const floor = /pvalue|Pvalue/.test(field) ? 1e-6 : 0;
    log.check(name, fit[field] as number, ref.fit[name] ?? null, TOLERANCE.fitMeasure, {
      floor,
      context,
    });
  }
  log.check(
    'chisq.shift.parameter',
    fit.chisqShiftParameter,
    ref.shift_parameter,
    TOLERANCE.fitMeasure,
    { context },
  );
  const ci: [string, number, number, number | null, number | null][] = [
    [
      'standard',
      fit.rmseaCiLower,
      fit.rmseaCiUpper,
      fit.rmseaCiLavaan.lower,
      fit.rmseaCiLavaan.upper,
    ],
    [
      'scaled',
      fit.rmseaCiLowerScaled,
      fit.rmseaCiUpperScaled,
      fit.rmseaCiLavaan.lowerScaled,
      fit.rmseaCiLavaan.upperScaled,
    ],
    [
      'robust',
      fit.rmseaCiLowerRobust,
      fit.rmseaCiUpperRobust,
      fit.rmseaCiLavaan.lowerRobust,
      fit.rmseaCiLavaan.upperRobust,
    ],
  ];
  const printed: Record<string, [string, string]> = {
    standard: ['rmsea.ci.lower', 'rmsea.ci.upper'],
    scaled: ['rmsea.ci.lower.scaled', 'rmsea.ci.upper.scaled'],
    robust: ['rmsea.ci.lower.robust', 'rmsea.ci.upper.robust'],
  };
  for (const [kind, lower, upper, lowerLavaan, upperLavaan] of ci) {
    const precise = ref.rmsea_ci_precise[kind as 'standard' | 'scaled' | 'robust'];
    const [lo, up] = printed[kind]!;
    // Each end: our exact root vs R's uniroot(tol = 1e-15), our copy of lavaan's root vs its printed value.
    const ends = [
      [lower, precise[0], lowerLavaan, ref.fit[lo]],
      [upper, precise[1], upperLavaan, ref.fit[up]],
    ] as const;
    for (const [exact, rExact, lavaanRoot, lavaanPrinted] of ends) {
      log.check(`rmsea CI ${kind} (exact roots)`, exact, rExact ?? null, TOLERANCE.fitMeasure, {
        context,
      });
      log.check(
        `rmsea CI ${kind} (lavaan's uniroot)`,
        lavaanRoot!,
        lavaanPrinted ?? null,
        TOLERANCE.fitMeasure,
        { context },
      );
    }
  }
  // parameterEstimates(): same rows in the same order (thresholds `x | t1`, scaling factors `x ~*~ x`, …)
  expect(fit.estimates.map((e) => `${e.lhs}${e.op}${e.rhs}@${e.group}`)).toEqual(
    ref.estimates.map((e) => `${e.lhs}${e.op}${e.rhs}@${e.group}`),
  );
  fit.estimates.forEach((e, i) => {
    const r = ref.estimates[i]!;
    const where = { floor: 1e-8, context: `${label} ${r.lhs}${r.op}${r.rhs}@${r.group}` };
    log.check(`est (${r.op})`, e.est, r.est, TOLERANCE.estimate, where);
    log.check(`se (${r.op})`, e.se, r.se, TOLERANCE.estimate, where);
    log.check('std.lv', e.stdLv, r.std_lv, TOLERANCE.estimate, where);
    log.check('std.all', e.stdAll, r.std_all, TOLERANCE.estimate, where);
  });
}

function checkTest(
  label: string,
  ours: ReturnType<typeof scaledDifferenceTest>,
  ref: SatorraReference,
): void {
  expect(ours.dfDiff).toBe(ref.df_diff);
  const o = { context: label };
  log.check('satorra.2000 Chisq diff', ours.chisqDiff, ref.chisq_diff, TOLERANCE.fitMeasure, o);
  log.check(
    'satorra.2000 unscaled difference',
    ours.chisqDiffUnscaled,
    ref.chisq_diff_unscaled,
    TOLERANCE.fitMeasure,
    o,
  );
  log.check('satorra.2000 p', ours.pvalue, ref.pvalue, TOLERANCE.fitMeasure, { ...o, floor: 1e-6 });
  log.check('satorra.2000 scale', ours.scale, ref.scale, TOLERANCE.fitMeasure, o);
  log.check('satorra.2000 shift', ours.shift, ref.shift, TOLERANCE.fitMeasure, o);
}

describe('WLSMV vs lavaan 0.6-14', () => {
  const sim = loadCsv('ordinal-sim.csv');

  it('simulated 24-item, 4-factor instrument, delta parameterization', () => {
    checkFit('sim delta', fitOrdinalCfa(sim, R.meta.sim_model), R.sim_delta);
  });

  it('the same in the theta parameterization (same fit, other scale)', () => {
    const fit = fitOrdinalCfa(sim, R.meta.sim_model, { parameterization: 'theta' });
    checkFit('sim theta', fit, R.sim_theta);
  });

  it('psych::bfi, 15 items, 3 factors', () => {
    const bfi = loadCsv('bfi.csv');
    checkFit('bfi', fitOrdinalCfa(bfi, R.meta.bfi_model, { ordered: 'all' }), R.bfi);
  });

  it('binary items with an empty 2×2 cell', () => {
    checkFit('binary', fitOrdinalCfa(loadCsv('ordinal-binary.csv'), R.meta.binary_model), R.binary);
  });

  describe('two groups: configural → thresholds → thresholds + loadings (Wu & Estabrook)', () => {
    const two = loadCsv('ordinal-two-group.csv');
    const model = parseModel(R.meta.two_group_model);
    const stats = ordinalSampleStatistics(two, model.observed, {
      groups: two.textColumn('school'),
    });
    for (const parameterization of ['delta', 'theta'] as const) {
      it(`${parameterization}: every step and the Satorra (2000) tests`, () => {
        const inv = ordinalInvarianceFromStatistics(stats, model, { parameterization });
        checkFit(
          `configural ${parameterization}`,
          inv.configural,
          R[`two_group_configural_${parameterization}`],
        );
        checkFit(
          `thresholds ${parameterization}`,
          inv.thresholds,
          R[`two_group_thresholds_${parameterization}`],
        );
        checkFit(
          `thresholds+loadings ${parameterization}`,
          inv.thresholdsLoadings,
          R[`two_group_thresholds_loadings_${parameterization}`],
        );
        const lrt = R[`two_group_lrt_${parameterization}`];
        checkTest('thresholds vs configural', inv.tests[0]!, lrt.thresholds_vs_configural);
        checkTest(
          'thresholds+loadings vs thresholds',
          inv.tests[1]!,
          lrt.thresholds_loadings_vs_thresholds,
        );
        checkTest(
          'thresholds+loadings vs configural',
          scaledDifferenceTest(inv.thresholdsLoadings, inv.configural),
          lrt.thresholds_loadings_vs_configural,
        );
        // lavaan reports no robust CFI/TLI/RMSEA once thresholds are held equal
        expect(inv.thresholds.cfiRobust).toBeNaN();
        expect(inv.configural.cfiRobust).not.toBeNaN();
      });
    }

    it('std.lv with a residual covariance: factor variances free in group 2 once loadings are equal', () => {
      const withCov = parseModel(`${R.meta.two_group_model}\nx1 ~~ x2`);
      const fit = fitOrdinalCfaToStatistics(stats, withCov, {
        groupEqual: ['thresholds', 'loadings'],
        stdLv: true,
      });
      checkFit('std.lv', fit, R.two_group_std_lv_delta);
    });

    it('partial invariance: one threshold and one loading exempt (group.partial)', () => {
      const fit = fitOrdinalCfaToStatistics(stats, model, {
        groupEqual: ['thresholds', 'loadings'],
        groupPartial: ['x3 | t1', 'f1 =~ x2'],
      });
      checkFit('partial', fit, R.two_group_partial_delta);
      const free = (lhs: string, op: string, rhs: string): number[] =>
        fit.estimates
          .filter((e) => e.lhs === lhs && e.op === op && e.rhs === rhs)
          .map((e) => e.est);
      expect(new Set(free('x3', '|', 't1')).size).toBe(2);
      expect(new Set(free('x3', '|', 't2')).size).toBe(1);
    });
  });
});
