/**
 * Thresholds, polychoric correlations and Γ (NACOV) against lavaan 0.6-14: lavInspect(fit, "sampstat"),
 * lavInspect(fit, "gamma") and lavInspect(fit, "zero.cell.tables") of cfa(..., ordered = ..., estimator =
 * "WLSMV") in fixtures/r/lavaan-ordinal.R, with lavaan's polychoric optimiser polished to the exact ML
 * optimum of each table (its nlminb stops up to ~2e-7 short; see the script).
 *
 * Tolerances: thresholds, polychorics and Γ 1e-6 relative (Γ entries below 1e-3 of its mean diagonal are
 * compared absolutely on that scale: Γ has many near-zero covariances between distant statistics).
 */
import { ordinalSampleStatistics, type OrdinalGroupStatistics } from './sample-statistics';
import {
  TOLERANCE,
  deviationLog,
  lavaanOrdinal,
  loadCsv,
  type OrdinalSampleReference,
  type WlsmvReference,
} from '../../testing';
import type { DataSet } from '../data/data-set';
import { parseModel } from '../cfa/syntax';

const R = lavaanOrdinal();
const log = deviationLog('WLSMV sample statistics (lavaan 0.6-14)');
const TOL = TOLERANCE.fitMeasure;

function checkGroup(
  label: string,
  ours: OrdinalGroupStatistics,
  ref: OrdinalSampleReference,
  variables: readonly string[],
): void {
  expect(ours.n).toBe(ref.nobs);
  expect(ours.thresholds.length).toBe(ref.th.length);
  ref.th.forEach((t, i) =>
    log.check('thresholds', ours.thresholds[i]!, t, TOL, { context: `${label} th ${i}` }),
  );
  const p = variables.length;
  let k = 0;
  for (let j = 0; j < p; j++)
    for (let i = j + 1; i < p; i++) {
      log.check('polychorics', ours.correlation[i * p + j]!, ref.cor[k]!, TOL, {
        context: `${label} ${variables[j]}-${variables[i]}`,
      });
      k++;
    }
  const P = ours.observed.length;
  expect(P).toBe(ref.gamma_diag.length);
  const scale = ref.gamma_diag.reduce((a, b) => a + b, 0) / P;
  ref.gamma_diag.forEach((g, i) => {
    log.check('Gamma diagonal', ours.gamma[i * P + i]!, g, TOL, { context: `${label} ${i}` });
    log.check('DWLS weights', ours.weights[i]!, 1 / g, TOL, { context: `${label} ${i}` });
  });
  const entries: [number, number, number][] = [];
  if (ref.gamma) ref.gamma.forEach((row, a) => row.forEach((v, b) => entries.push([a, b, v])));
  if (ref.gamma_sample) {
    const idx = ref.gamma_sample.index;
    ref.gamma_sample.values.forEach((row, a) =>
      row.forEach((v, b) => entries.push([idx[a]!, idx[b]!, v])),
    );
  }
  expect(entries.length).toBeGreaterThanOrEqual(Math.min(P * P, 400));
  for (const [a, b, v] of entries) {
    log.check('Gamma', ours.gamma[a * P + b]!, v, TOL, {
      floor: 1e-3 * scale,
      context: `${label} [${a},${b}]`,
    });
  }
  const pairs = ours.emptyCellPairs.map(([x, y]) => `${x}_${y}`);
  expect(pairs).toEqual([...ref.zero_cell_pairs]);
}

function checkCase(
  label: string,
  data: DataSet,
  model: string,
  ref: WlsmvReference,
  groups?: string[],
): void {
  const variables = parseModel(model).observed;
  const stats = ordinalSampleStatistics(data, variables, groups ? { groups } : {});
  expect(stats.groups.map((g) => g.label)).toEqual(groups ? [...ref.group_labels] : ['']);
  stats.groups.forEach((g, i) =>
    checkGroup(`${label} group ${i + 1}`, g, ref.sample[i]!, variables),
  );
}

describe('ordinalSampleStatistics vs lavaan 0.6-14', () => {
  it('simulated 24-item instrument with rare extreme categories (every 5×5 table has empty cells)', () => {
    const sim = loadCsv('ordinal-sim.csv');
    checkCase('sim', sim, R.meta.sim_model, R.sim_delta);
    expect(R.sim_delta.sample[0]!.zero_cell_pairs.length).toBe(276);
  });

  it('psych::bfi, 15 six-category items after listwise deletion', () => {
    checkCase('bfi', loadCsv('bfi.csv'), R.meta.bfi_model, R.bfi);
  });

  it('two groups: per-group statistics, groups in order of first appearance, the whole Γ', () => {
    const two = loadCsv('ordinal-two-group.csv');
    checkCase(
      'two-group',
      two,
      R.meta.two_group_model,
      R.two_group_configural_delta,
      two.textColumn('school'),
    );
  });

  it('binary items with an empty 2×2 cell: lavaan adds 0.5 keeping the margins (zero.add, zero.keep.margins)', () => {
    expect(R.binary.lavaan_options['zero.add']).toEqual([0.5, 0]);
    expect(R.binary.lavaan_options['zero.keep.margins']).toBe(true);
    checkCase('binary', loadCsv('ordinal-binary.csv'), R.meta.binary_model, R.binary);
    expect(R.binary.sample[0]!.zero_cell_pairs).toEqual(['b1_b2']);
  });
});
