import { HEALTH_CHECK_V1 } from './health-check-v1/health-check-v1';
import { meanOfScore, scoreResponse } from './score-response';

describe('scoreResponse (Health Check v1)', () => {
  it('reverse-keys items 5 and 6 of each scale as 6 − x', () => {
    // demands5 and demands6 are reversed: 1 → 5 and 2 → 4, so the mean is (5+4+3+2+5+4)/6.
    const scores = scoreResponse(HEALTH_CHECK_V1, {
      demands1: 5,
      demands2: 4,
      demands3: 3,
      demands4: 2,
      demands5: 1,
      demands6: 2,
    });
    expect(scores['demands']?.mean).toBeCloseTo(23 / 6, 12);
    expect(scores['demands']?.score0to100).toBeCloseTo(((23 / 6 - 1) / 4) * 100, 10);
    expect(scores['demands']?.answered).toBe(6);
  });

  it('needs at least 4 of the 6 items for a score', () => {
    const four = scoreResponse(HEALTH_CHECK_V1, {
      support1: 5,
      support2: 5,
      support3: 4,
      support5: 1,
    });
    expect(four['support']).toEqual({ mean: 4.75, score0to100: 93.75, answered: 4 });
    const three = scoreResponse(HEALTH_CHECK_V1, { support1: 5, support2: 5, support3: 4 });
    expect(three['support']).toEqual({ mean: null, score0to100: null, answered: 3 });
  });

  it('scores all-lowest agreement with reversed items at the middle of the range', () => {
    const answers: Record<string, number> = {};
    for (const item of HEALTH_CHECK_V1.scales[3]?.items ?? []) answers[item] = 1;
    // four items score 1 and two reversed items score 5: mean (4·1 + 2·5)/6 = 14/6.
    expect(scoreResponse(HEALTH_CHECK_V1, answers)['wellbeing']?.mean).toBeCloseTo(14 / 6, 12);
  });

  it('gives every scale, with no score when nothing was answered', () => {
    const scores = scoreResponse(HEALTH_CHECK_V1, {});
    expect(Object.keys(scores)).toEqual(['demands', 'support', 'control', 'wellbeing']);
    expect(scores['control']).toEqual({ mean: null, score0to100: null, answered: 0 });
  });
});

describe('meanOfScore', () => {
  it('turns a 0–100 score back into the mean it was rescaled from', () => {
    const answers = Object.fromEntries(
      HEALTH_CHECK_V1.scales[1]?.items.map((item, i) => [item, (i % 5) + 1]) ?? [],
    );
    const support = scoreResponse(HEALTH_CHECK_V1, answers)['support'];
    if (!support || support.mean === null || support.score0to100 === null) throw new Error();
    expect(meanOfScore(HEALTH_CHECK_V1.responseScale, support.score0to100)).toBeCloseTo(
      support.mean,
      12,
    );
    expect(meanOfScore({ min: 1, max: 5 }, 0)).toBe(1);
    expect(meanOfScore({ min: 1, max: 5 }, 100)).toBe(5);
    expect(meanOfScore({ min: 0, max: 10 }, 25)).toBe(2.5);
  });
});
