import type { PollQuestion } from '@swhc/contracts';
import { proportionInterval } from '@swhc/psychometrics';
import type { AnswerRow } from './poll-distributions';
import { trendEstimates } from './trend-estimates';

const question: PollQuestion = {
  id: 'q',
  type: 'rating',
  name: 'wellbeing',
  title: 'Wellbeing',
  rateMin: 1,
  rateMax: 5,
  twoWay: { values: [4, 5], label: 'Good', restLabel: 'Less than good' },
};
const row = (region: string, role: string, value: number): AnswerRow => ({
  service: 'children',
  role,
  region,
  answers: { wellbeing: value },
});

describe('trendEstimates', () => {
  // London answers favourably, the North West does not; London is over-represented 3:1.
  const data = [
    ...Array.from({ length: 30 }, (_, i) =>
      row('London', i % 2 ? 'social-worker' : 'team-manager', i % 3 ? 5 : 2),
    ),
    ...Array.from({ length: 10 }, (_, i) =>
      row('North West', i % 2 ? 'social-worker' : 'team-manager', i % 5 ? 1 : 4),
    ),
  ];

  it('gives nothing for fewer than K answers', () => {
    expect(trendEstimates(question, data.slice(0, 9), null, 10)).toEqual({
      n: 9,
      unweighted: null,
      weighted: null,
      note: 'Fewer than 10 answers',
    });
  });

  it('gives the unweighted % favourable with the Wilson interval', () => {
    const result = trendEstimates(question, data, null, 10);
    const favourable = 20 + 2;
    const expected = proportionInterval(
      data.map((_, i) => (i < 30 ? (i % 3 ? 1 : 0) : (i - 30) % 5 ? 0 : 1)),
    );
    expect(result.unweighted?.percentage).toBeCloseTo((100 * favourable) / 40, 10);
    expect(result.unweighted?.lower).toBeCloseTo(100 * expected.lower, 10);
    expect(result.weighted).toBeNull();
  });

  it('rakes to the margins: an even split of regions pulls the estimate towards the North West', () => {
    const margins = {
      region: { London: 500, 'North West': 500 },
      role: { 'social-worker': 600, 'team-manager': 400 },
    };
    const result = trendEstimates(question, data, margins, 10);
    expect(result.weighted?.percentage).toBeLessThan(result.unweighted?.percentage ?? 0);
    expect(result.weighted?.designEffect).toBeGreaterThan(1);
    expect(result.weighted?.effectiveN).toBeCloseTo(40 / (result.weighted?.designEffect ?? 1), 10);
    expect(result.note).toBeNull();
  });

  it('leaves out margin groups nobody answered from, and says so; refuses groups the margins lack', () => {
    const withEmpty = { region: { London: 500, 'North West': 500, 'South West': 200 } };
    expect(trendEstimates(question, data, withEmpty, 10).note).toBe(
      'No answers from South West: weighted to the other groups',
    );
    const lacking = { region: { London: 500 } };
    const result = trendEstimates(question, data, lacking, 10);
    expect(result.weighted).toBeNull();
    expect(result.note).toBe('Not weighted: the region margins have no figure for North West');
  });
});
