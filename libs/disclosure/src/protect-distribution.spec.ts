import {
  AGREE_NEUTRAL_DISAGREE,
  InvalidCollapseError,
  InvalidCountError,
  InvalidMinimumGroupSizeError,
  InvalidTwoWaySplitError,
  distributionUnsafeReason,
  protectDistribution,
} from './index';

describe('protectDistribution', () => {
  it('shows a distribution where every answer is 0 or at least K and no answer dominates', () => {
    const result = protectDistribution({ '1': 0, '2': 10, '3': 10, '4': 20, '5': 10 }, { k: 10 });
    expect(result).toEqual({
      status: 'shown',
      collapse: 'none',
      n: 50,
      counts: { '1': 0, '2': 10, '3': 10, '4': 20, '5': 10 },
      percentages: { '1': 0, '2': 20, '3': 20, '4': 40, '5': 20 },
    });
  });

  it('collapses 1–5 answers to disagree/neutral/agree when a small category would show', () => {
    const result = protectDistribution({ '1': 4, '2': 8, '3': 12, '4': 15, '5': 6 }, { k: 10 });
    expect(result).toEqual({
      status: 'shown',
      collapse: 'three-way',
      n: 45,
      counts: { disagree: 12, neutral: 12, agree: 21 },
      percentages: { disagree: (100 * 12) / 45, neutral: (100 * 12) / 45, agree: (100 * 21) / 45 },
    });
  });

  it.each([
    ['serves nothing for fewer than K answers', { '1': 3, '2': 3, '3': 2 }, null, 'below-k'],
    // 18 of 25 agree: the 7 who did not are exposed as a group, collapsed or not.
    [
      'suppresses when one answer holds more than n − K (the rest would be a group under K)',
      { '1': 0, '2': 3, '3': 4, '4': 10, '5': 8 },
      25,
      'dominant-answer',
    ],
    [
      'suppresses a unanimous answer: it would say what every member answered',
      { '1': 0, '2': 0, '3': 0, '4': 30, '5': 0 },
      30,
      'dominant-answer',
    ],
    [
      'suppresses when a small category stays small after every collapse',
      { '1': 12, '2': 10, '3': 3, '4': 11, '5': 10 },
      46,
      'small-category',
    ],
    [
      'does not collapse non-Likert categories by default',
      { agree: 20, neutral: 5, disagree: 20 },
      45,
      'small-category',
    ],
  ])('%s', (_title, counts, n, reason) => {
    expect(protectDistribution(counts, { k: 10 })).toEqual({ status: 'suppressed', n, reason });
  });

  it('treats exactly n − K as safe', () => {
    expect(protectDistribution({ agree: 10, disagree: 10 }, { k: 10 }).status).toBe('shown');
    expect(protectDistribution({ agree: 11, disagree: 9 }, { k: 10 })).toMatchObject({
      status: 'suppressed',
    });
  });

  it('uses the caller’s three-way collapse instead of the default', () => {
    const agreeOrNot = { agree: 'agree', neutral: 'not agree', disagree: 'not agree' };
    const result = protectDistribution(
      { agree: 20, neutral: 5, disagree: 20 },
      { k: 10, threeWay: agreeOrNot },
    );
    expect(result).toMatchObject({
      status: 'shown',
      collapse: 'three-way',
      counts: { agree: 20, 'not agree': 25 },
    });
  });

  it('falls back to the declared two-way split before hiding, and says so', () => {
    // Three-way: disagree 12, neutral 3, agree 31 — the 3 neutral answers would show.
    const counts = { '1': 4, '2': 8, '3': 3, '4': 15, '5': 16 };
    expect(protectDistribution(counts, { k: 10 })).toMatchObject({
      status: 'suppressed',
      reason: 'small-category',
    });
    const result = protectDistribution(counts, { k: 10, twoWay: { favourable: ['4', '5'] } });
    expect(result).toEqual({
      status: 'shown',
      collapse: 'two-way',
      n: 46,
      counts: { favourable: 31, rest: 15 },
      percentages: { favourable: (100 * 31) / 46, rest: (100 * 15) / 46 },
    });
  });

  it('names the halves of a two-way split as the caller asks', () => {
    const result = protectDistribution(
      { never: 3, sometimes: 9, often: 20 },
      { k: 10, twoWay: { favourable: ['often'], favourableKey: 'often', restKey: 'less often' } },
    );
    expect(result).toMatchObject({
      collapse: 'two-way',
      counts: { often: 20, 'less often': 12 },
    });
  });

  it('hides a two-way split whose halves would show a group under K', () => {
    // 40 favourable of 48: the 8 others are exposed.
    expect(
      protectDistribution(
        { '1': 2, '2': 3, '3': 3, '4': 20, '5': 20 },
        { k: 10, twoWay: { favourable: ['4', '5'] } },
      ),
    ).toMatchObject({ status: 'suppressed', n: 48, reason: 'dominant-answer' });
  });

  it('prefers the three-way collapse over the two-way split when both are safe', () => {
    const result = protectDistribution(
      { '1': 4, '2': 8, '3': 12, '4': 15, '5': 6 },
      { k: 10, twoWay: { favourable: ['4', '5'] } },
    );
    expect(result).toMatchObject({ collapse: 'three-way' });
  });

  it('tries only the two-way split when the three-way collapse is switched off', () => {
    const result = protectDistribution(
      { '1': 4, '2': 8, '3': 12, '4': 15, '5': 6 },
      { k: 10, threeWay: null, twoWay: { favourable: ['4', '5'] } },
    );
    expect(result).toMatchObject({ collapse: 'two-way', counts: { favourable: 21, rest: 24 } });
  });

  it('uses K = 10 by default', () => {
    expect(protectDistribution({ a: 9 }).status).toBe('suppressed');
    expect(AGREE_NEUTRAL_DISAGREE['4']).toBe('agree');
  });

  it('throws typed errors for bad counts, K and collapses', () => {
    expect(() => protectDistribution({ '1': -2 })).toThrow(InvalidCountError);
    expect(() => protectDistribution({ '1': 20 }, { k: 3 })).toThrow(InvalidMinimumGroupSizeError);
    expect(() =>
      protectDistribution(
        { '1': 12, '6': 12, '2': 1 },
        { k: 10, threeWay: AGREE_NEUTRAL_DISAGREE },
      ),
    ).toThrow("Collapse mapping has no target for category '6'.");
    expect(() => protectDistribution({ x: 12, y: 1 }, { threeWay: { x: 'a' } })).toThrow(
      InvalidCollapseError,
    );
  });

  it('rejects a two-way split that is empty, unknown, total or ambiguous, whatever the counts', () => {
    const bad =
      (favourable: string[], keys: { favourableKey?: string; restKey?: string } = {}) =>
      () =>
        protectDistribution({ a: 2, b: 1 }, { twoWay: { favourable, ...keys } });
    expect(bad([])).toThrow('Two-way split is invalid: no category is favourable.');
    expect(bad(['c'])).toThrow("Two-way split is invalid: 'c' is not a category.");
    expect(bad(['a', 'b'])).toThrow(InvalidTwoWaySplitError);
    expect(bad(['a'], { favourableKey: 'x', restKey: 'x' })).toThrow(InvalidTwoWaySplitError);
  });
});

describe('distributionUnsafeReason', () => {
  it('names the rule a distribution breaks, or null', () => {
    expect(distributionUnsafeReason({ a: 10, b: 10 }, 10)).toBeNull();
    expect(distributionUnsafeReason({ a: 5, b: 3 }, 10)).toBe('below-k');
    expect(distributionUnsafeReason({ a: 15, b: 5 }, 10)).toBe('dominant-answer');
    expect(distributionUnsafeReason({ a: 15, b: 15, c: 4 }, 10)).toBe('small-category');
  });
});
