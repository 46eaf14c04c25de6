/**
 * Model-syntax features and lavaan defaults against lavaan 0.6-14 (R 4.2.2): fixtures/lavaan-features.json,
 * made by fixtures/r/lavaan-features.R on HolzingerSwineford1939 — cross-loadings, residual covariances
 * (written either way round), fixed factor covariances, equality labels (within and across groups), NA*
 * markers, fixed loadings/variances, std.lv, `~ 1`, group.equal classes, a numeric group column.
 * Tolerances (relative): chisq, CFI, TLI 1e-6 (statistics at the optimum); SRMR and estimates 1e-4 (lavaan's
 * default estimates are up to ~2e-5 from the optimum); df, npar, row order, fixed values exact.
 */
import { fitCfa, type CfaFitOptions, type GroupEqual } from './index';
import { deviationLog, lavaanFeatures, loadCsv } from '../../testing';

const cases = lavaanFeatures();
const hs = loadCsv('holzinger-swineford-1939.csv');
const log = deviationLog('lavaan syntax features');

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('matches lavaan: fit, df, npar, parameter rows', () => {
    const groupEqual =
      c['group.equal'] === undefined ? [] : ([] as string[]).concat(c['group.equal']);
    const options: CfaFitOptions & { groups?: string[]; group?: string } = {
      stdLv: c['std.lv'] ?? false,
      groupEqual: groupEqual as GroupEqual[],
    };
    const r =
      c.group === 'school'
        ? fitCfa(hs, c.model, { ...options, groups: hs.textColumn('school') })
        : fitCfa(hs, c.model, c.group === undefined ? options : { ...options, group: c.group });
    expect(r.converged).toBe(true);
    expect(r.maxAbsGradient).toBeLessThan(1e-10);
    expect([r.df, r.npar]).toEqual([c.fit['df'], c.fit['npar']]);
    if (c.group_labels.length > 0) expect(r.groups).toEqual(c.group_labels);
    for (const k of ['chisq', 'cfi', 'tli'] as const)
      log.check(k, r[k], c.fit[k]!, 1e-6, { context: id });
    log.check('srmr', r.srmr, c.fit['srmr']!, 1e-4, { context: id });
    expect(r.estimates.map((e) => `${e.lhs}${e.op}${e.rhs}@${e.group}`)).toEqual(
      c.params.map((p) => `${p.lhs}${p.op}${p.rhs}@${p.group}`),
    );
    r.estimates.forEach((e, i) => {
      const p = c.params[i]!;
      if (!e.free) expect(e.est).toBe(p.est);
      else
        log.check('estimates vs lavaan default', e.est, p.est, 1e-4, {
          context: `${id} ${e.lhs}${e.op}${e.rhs}@${e.group}`,
        });
    });
  });
});
