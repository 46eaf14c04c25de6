import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import { syntheticCohort } from '../../demo/synthetic-responses';
import { buildResponseTable, type ResponseRow } from '../../reports/data/response-table';
import { factorAnalysisOf, ordinalFactorAnalysisOf } from './validation-statistics';

const V1 = HEALTH_CHECK_V1;

function rows(n: number): ResponseRow[] {
  return syntheticCohort(V1, 'children', n, 14).map((answers) => ({
    organisationId: 'x',
    answers,
    scores: {},
  }));
}

describe('the four-factor CFA of the validation report', () => {
  it('fits WLSMV (delta) as the primary analysis beside ML', () => {
    const table = buildResponseTable(V1, rows(400));
    const wlsmv = ordinalFactorAnalysisOf(V1, [table]);
    if (!wlsmv.available) throw new Error(wlsmv.reason);
    expect(wlsmv).toMatchObject({ estimator: 'WLSMV', parameterization: 'delta', n: 400 });
    expect(wlsmv.loadings).toHaveLength(V1.scales.flatMap((s) => s.items).length);
    expect(wlsmv.factorCorrelations).toHaveLength(6);
    expect(factorAnalysisOf(V1, [table]).available).toBe(true);
  });

  it('says why WLSMV could not be fitted (a category empty among complete rows) and keeps ML', () => {
    const item = V1.scales[0]?.items[0] ?? '';
    const other = V1.scales[1]?.items[0] ?? '';
    const data = rows(400).map((row, i) => {
      const answers = { ...row.answers };
      // The top answer of one item is given only once, by a respondent who skipped another item.
      if (i === 0) {
        answers[item] = V1.responseScale.max;
        delete answers[other];
      } else if (answers[item] === V1.responseScale.max) answers[item] = V1.responseScale.max - 1;
      return { ...row, answers };
    });
    const table = buildResponseTable(V1, data);
    const wlsmv = ordinalFactorAnalysisOf(V1, [table]);
    expect(wlsmv.available).toBe(false);
    if (wlsmv.available) return;
    expect(wlsmv.reason).toMatch(new RegExp(`categories of variable '${item}' are empty`));
    expect(factorAnalysisOf(V1, [table]).available).toBe(true);
  });
});
