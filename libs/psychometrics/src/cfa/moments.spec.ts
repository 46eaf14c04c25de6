import { fitCfa, fitCfaToMoments, sampleMoments } from './index';
import { loadCsv, testVectors } from '../../testing';

const hs = loadCsv('holzinger-swineford-1939.csv');
const V = testVectors();
const HS_MODEL = 'visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9';
const OV = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9'];

describe('sampleMoments (lavaan sample statistics)', () => {
  it('uses the N divisor: equals lavInspect(fit, "sampstat")$cov on HS to 1e-14', () => {
    const m = sampleMoments(hs, OV);
    const ref = V.cfa_HS_3factor.sample_cov_N as number[][];
    expect(m.nPerGroup).toEqual([301]);
    expect(m.groups).toEqual(['']);
    ref.forEach((row, i) =>
      row.forEach((v, j) => expect(Math.abs(m.cov[0]![i * 9 + j]! - v)).toBeLessThan(1e-14)),
    );
  });

  it('orders groups by first appearance, not alphabetically (HS: Pasteur first)', () => {
    const m = sampleMoments(hs, OV, { groups: hs.textColumn('school') });
    expect(m.groups).toEqual(['Pasteur', 'Grant-White']);
    expect(m.nPerGroup).toEqual([156, 145]);
    // a numeric group column: labels are String(value), order of appearance (sex: 1 first in HS)
    const bySex = sampleMoments(hs, OV, { group: 'sex' });
    expect(bySex.groups).toEqual(['1', '2']);
  });

  it('drops rows listwise on the model variables and on the group label', () => {
    const rows = hs.rows.slice(0, 20).map((r) => [...r]);
    rows[3]![hs.columns.indexOf('x2')] = Number.NaN;
    rows[7]![hs.columns.indexOf('sex')] = Number.NaN; // not a model variable: kept
    const data = { columns: hs.columns, rows };
    expect(sampleMoments(data, OV).nPerGroup).toEqual([19]);
    expect(sampleMoments(data, OV).nDropped).toBe(1);
    const labels = rows.map((_, i) => (i === 5 ? '' : i % 2 === 0 ? 'a' : 'b'));
    const g = sampleMoments(data, OV, { groups: labels });
    expect(g.groups).toEqual(['a', 'b']);
    expect(g.nPerGroup).toEqual([10, 8]); // row 3 (b) missing x2, row 5 (b) missing its label
    expect(g.nDropped).toBe(2);
  });

  it('fitCfaToMoments gives the same fit as fitCfa, also from nested-array moments', () => {
    const direct = fitCfa(hs, HS_MODEL);
    const m = sampleMoments(hs, [...OV, 'ageyr']); // a superset of the model variables is fine
    const viaMoments = fitCfaToMoments(m, HS_MODEL);
    expect(viaMoments.chisq).toBe(direct.chisq);
    const nested = sampleMoments(hs, OV);
    const rows = Array.from({ length: 9 }, (_, i) =>
      Array.from(nested.cov[0]!.subarray(i * 9, i * 9 + 9)),
    );
    const fromPlain = fitCfaToMoments({ variables: OV, nPerGroup: [301], cov: [rows] }, HS_MODEL);
    expect(Math.abs(fromPlain.chisq - direct.chisq)).toBeLessThan(1e-9);
    expect(fromPlain.groups).toEqual(['']);
  });

  it('multi-group fit from moments matches the raw-data fit', () => {
    const groups = hs.textColumn('school');
    const direct = fitCfa(hs, HS_MODEL, { groups, groupEqual: ['loadings'] });
    const m = sampleMoments(hs, OV, { groups });
    const viaMoments = fitCfaToMoments(m, HS_MODEL, { groupEqual: ['loadings'] });
    expect(viaMoments.chisq).toBe(direct.chisq);
    expect(viaMoments.groups).toEqual(['Pasteur', 'Grant-White']);
  });
});
