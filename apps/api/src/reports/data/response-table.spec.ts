import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import {
  buildResponseTable,
  NOT_ANSWERED,
  presentValues,
  rowsByOrganisation,
  subTable,
  type ResponseRow,
} from './response-table';

const rows: ResponseRow[] = [
  {
    organisationId: 'x',
    answers: { support1: 4, role: 'asye', intentionToStay: 5 },
    scores: {
      support: { mean: 4, score0to100: 75, answered: 6 },
      demands: { mean: 4, score0to100: 75, answered: 6 },
    },
  },
  {
    organisationId: 'y',
    answers: { support1: 2, role: 'other' },
    scores: { support: { mean: null, score0to100: null, answered: 2 } },
  },
  {
    organisationId: 'x',
    answers: { support1: 3, teamType: 'long-term' },
    scores: { support: { mean: 3, score0to100: 50, answered: 6 } },
  },
];

describe('response tables', () => {
  const table = buildResponseTable(HEALTH_CHECK_V1, rows);

  it('turns rows into columns with NaN for missing values and a key for skipped groupings', () => {
    expect(table.size).toBe(3);
    expect(table.organisationIds).toEqual(['x', 'y']);
    expect(Array.from(table.organisationOf)).toEqual([0, 1, 0]);
    expect(presentValues(table.scaleScores['support'])).toEqual([75, 50]);
    expect(Number.isNaN(table.outcome[1])).toBe(true);
    expect(table.grouping['teamType']).toEqual([NOT_ANSWERED, NOT_ANSWERED, 'long-term']);
  });

  it('reads every scale with higher is better: job demands turned round, items left as answered', () => {
    expect(presentValues(table.scaleScores['demands'])).toEqual([25]);
    expect(presentValues(table.scaleMeans['demands'])).toEqual([2]);
    expect(presentValues(table.scaleMeans['support'])).toEqual([4, 3]);
    expect(Array.from(table.items['support1'] ?? [])).toEqual([4, 2, 3]);
  });

  it('takes one organisation’s rows out of a bigger table', () => {
    const byOrganisation = rowsByOrganisation(table);
    expect(byOrganisation.map((r) => Array.from(r))).toEqual([[0, 2], [1]]);
    const x = subTable(table, byOrganisation[0] ?? new Int32Array(0));
    expect(x.size).toBe(2);
    expect(x.organisationIds).toEqual(['x']);
    expect(Array.from(x.items['support1'] ?? [])).toEqual([4, 3]);
    expect(x.grouping['role']).toEqual(['asye', NOT_ANSWERED]);
    expect(subTable(table, new Int32Array(0)).size).toBe(0);
  });
});
