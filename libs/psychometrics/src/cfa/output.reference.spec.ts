/**
 * What a researcher reads from lavaan 0.6-14, against fixtures/lavaan-output.json (fixtures/r/lavaan-output.R,
 * R 4.2.2), every value at the exact ML optimum: fitMeasures(), parameterEstimates(standardized = TRUE)
 * (se, z, pvalue, std.lv, std.all), modindices() (mi, epc), lavTestScore() (total and univariate), and
 * lavaan's post-fit warnings. Data: HolzingerSwineford1939 (one group and by school: metric, scalar, strict,
 * equal factor (co)variances and means, partial invariance, c(a, b)* labels, std.lv), PoliticalDemocracy
 * (correlated residuals), bfi (15 items, 3 factors; and 5 education groups), a Heywood case and a
 * non-positive-definite factor covariance.
 * Tolerances (relative): fit measures and score tests 1e-6; estimates, SEs, z, standardised solution and
 * modification indices 1e-5; p-values below 1e-9 and values near 0 compared with the absolute floor given.
 */
import { fitCfa, type CfaFitOptions, type CfaResult, type GroupEqual } from './index';
import {
  TOLERANCE,
  deviationLog,
  lavaanOutput,
  loadCsv,
  type FixtureTable,
  type OutputCase,
} from '../../testing';

const data: Record<OutputCase['data'], FixtureTable> = {
  hs: loadCsv('holzinger-swineford-1939.csv'),
  bfi: loadCsv('bfi.csv'),
  'political-democracy': loadCsv('political-democracy.csv'),
};
const log = deviationLog('lavaan output (lavaan 0.6-14 at the exact optimum)');
const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat());

function fit(c: OutputCase): CfaResult {
  const table = data[c.data];
  const o = c.options;
  const options: CfaFitOptions = {
    groupEqual: asList(o['group.equal']) as GroupEqual[],
    groupPartial: asList(o['group.partial']),
    stdLv: o['std.lv'] ?? false,
    ...(o.meanstructure ? { meanStructure: true } : {}),
    modificationIndices: true,
    scoreTests: true,
  };
  if (o.group === undefined) return fitCfa(table, c.model, options);
  // HS school is text; bfi education is a numeric column (labels are String(value), as R's)
  return o.group === 'school'
    ? fitCfa(table, c.model, { ...options, groups: table.textColumn('school') })
    : fitCfa(table, c.model, { ...options, group: o.group });
}

/** result field ← lavaan fitMeasures name */
const MEASURES: [keyof CfaResult, string][] = [
  ['fmin', 'fmin'],
  ['chisq', 'chisq'],
  ['pvalue', 'pvalue'],
  ['baselineChisq', 'baseline.chisq'],
  ['baselinePvalue', 'baseline.pvalue'],
  ['cfi', 'cfi'],
  ['tli', 'tli'],
  ['logl', 'logl'],
  ['unrestrictedLogl', 'unrestricted.logl'],
  ['aic', 'aic'],
  ['bic', 'bic'],
  ['bic2', 'bic2'],
  ['rmsea', 'rmsea'],
  ['rmseaPvalue', 'rmsea.pvalue'],
  ['rmseaNotClosePvalue', 'rmsea.notclose.pvalue'],
  ['srmr', 'srmr'],
];
const key = (r: { lhs: string; op: string; rhs: string; group: number }): string =>
  `${r.lhs} ${r.op} ${r.rhs} @${r.group}`;

describe.each(lavaanOutput().map((c) => [c.id, c] as const))('%s', (id, c) => {
  const r = fit(c);
  const ctx = { context: id };

  it('fit measures: npar, df, N exact; the rest at 1e-6', () => {
    expect(r.converged).toBe(true);
    if (c.group_labels.length > 0) expect(r.groups).toEqual(c.group_labels);
    expect(r.nPerGroup).toEqual(c.nobs);
    expect([r.npar, r.df, r.baselineDf, r.n]).toEqual([
      c.fit['npar'],
      c.fit['df'],
      c.fit['baseline.df'],
      c.fit['ntotal'],
    ]);
    for (const [field, name] of MEASURES) {
      // R's non-central pchisq is 1 − lower in the upper tail, good to ~1e-13 absolute: rmsea.pvalue
      // near 0 is compared absolutely there
      log.check(name, r[field] as number, c.fit[name]!, TOLERANCE.fitMeasure, {
        ...ctx,
        floor: name === 'rmsea.pvalue' ? 1e-7 : 1e-12,
      });
    }
    log.check('rmsea.ci.lower', r.rmseaCiLower, c.rmsea_ci_exact[0], TOLERANCE.fitMeasure, ctx);
    log.check('rmsea.ci.upper', r.rmseaCiUpper, c.rmsea_ci_exact[1], TOLERANCE.fitMeasure, ctx);
  });

  it('estimates: rows, est, se, z, p, std.lv, std.all', () => {
    expect(r.estimates.map(key)).toEqual(c.params.map(key));
    r.estimates.forEach((e, i) => {
      const p = c.params[i]!;
      const at = { context: `${id} ${key(p)}` };
      // lavaan's automatic labels (.pN.) are not reproduced; the user's are
      if (!(p.label ?? '').startsWith('.p')) expect(e.label).toBe(p.label ?? '');
      log.check('est', e.est, p.est, TOLERANCE.estimate, { ...at, floor: 1e-6 });
      log.check('se', e.se, p.se, TOLERANCE.estimate, at);
      log.check('z', e.z, p.z, TOLERANCE.estimate, { ...at, floor: 1e-3 });
      log.check('pvalue', e.pvalue, p.pvalue, TOLERANCE.estimate, { ...at, floor: 1e-9 });
      log.check('std.lv', e.stdLv, p.std_lv, TOLERANCE.estimate, { ...at, floor: 1e-6 });
      log.check('std.all', e.stdAll, p.std_all, TOLERANCE.estimate, { ...at, floor: 1e-6 });
    });
  });

  it('modification indices: the same rows in lavaan’s order, mi and epc', () => {
    const mi = r.modificationIndices!;
    expect(mi.map(key)).toEqual(c.modindices.map(key));
    mi.forEach((m, i) => {
      const ref = c.modindices[i]!;
      const at = { context: `${id} ${key(ref)}` };
      log.check('mi', m.mi, ref.mi, TOLERANCE.estimate, { ...at, floor: 1e-3 });
      log.check('epc', m.epc, ref.epc, TOLERANCE.estimate, { ...at, floor: 1e-3 });
    });
  });

  it('score tests for releasing equality constraints (lavTestScore)', () => {
    if (c.score_test === undefined) {
      expect(r.scoreTests).toBeNull();
      return;
    }
    const st = r.scoreTests!;
    expect(st.total.df).toBe(c.score_test.total.df);
    log.check('score test total', st.total.x2, c.score_test.total.x2, TOLERANCE.fitMeasure, ctx);
    log.check(
      'score test total p',
      st.total.pvalue,
      c.score_test.total.pvalue,
      TOLERANCE.fitMeasure,
      {
        ...ctx,
        floor: 1e-9,
      },
    );
    expect(st.univariate.map((u) => [u.constraint, key(u.left), key(u.right)])).toEqual(
      c.score_test.univariate.map((u) => [u.constraint, key(u.left), key(u.right)]),
    );
    st.univariate.forEach((u, i) => {
      const ref = c.score_test!.univariate[i]!;
      const at = { context: `${id} ${ref.constraint}` };
      log.check('score test', u.x2, ref.x2, TOLERANCE.fitMeasure, { ...at, floor: 1e-3 });
      log.check('score test p', u.pvalue, ref.pvalue, TOLERANCE.fitMeasure, { ...at, floor: 1e-9 });
    });
  });

  it('warns where lavaan warns about the solution', () => {
    const lavaan = c.lavaan_warnings.filter((w) => !/group variable/.test(w));
    expect(r.warnings.length > 0).toBe(lavaan.length > 0);
    if (lavaan.some((w) => /variances are negative/.test(w))) {
      expect(r.warnings.some((w) => /^negative variance estimate: /.test(w))).toBe(true);
    }
    if (lavaan.some((w) => /latent variables\s+is not positive definite/.test(w))) {
      expect(r.warnings).toContain(
        'the covariance matrix of the factors is not positive definite: a factor correlation is beyond ±1 or a combination of factors has negative variance',
      );
    }
  });
});
