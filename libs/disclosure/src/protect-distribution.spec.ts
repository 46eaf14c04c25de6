import {
  AGREE_NEUTRAL_DISAGREE,
  InvalidCollapseError,
  InvalidCountError,
  InvalidMinimumGroupSizeError,
  distributionUnsafeReason,
  protectDistribution,
} from './index';

describe('protectDistribution', () => {
  it('shows a distribution where every answer is 0 or at least K and no answer dominates', () => {
    const result = protectDistribution({ '1': 0, '2': 10, '3': 10, '4': 20, '5': 10 }, { k: 10 });
    expect(result).toEqual({
      status: 'shown',
      n: 50,
      counts: { '1': 0, '2': 10, '3': 10, '4': 20, '5': 10 },
      percentages: { '1': 0, '2': 20, '3': 20, '4': 40, '5': 20 },
    });
  });

  it('serves nothing for fewer than K answers', () => {
    expect(protectDistribution({ '1': 3, '2': 3, '3': 2 }, { k: 10 })).toEqual({
      status: 'suppressed',
      n: null,
      reason: 'below-k',
    });
  });

  it('collapses 1–5 answers to disagree/neutral/agree when a small category would show', () => {
    const result = protectDistribution({ '1': 4, '2': 8, '3': 12, '4': 15, '5': 6 }, { k: 10 });
    expect(result).toEqual({
      status: 'collapsed',
      n: 45,
      counts: { disagree: 12, neutral: 12, agree: 21 },
      percentages: { disagree: (100 * 12) / 45, neutral: (100 * 12) / 45, agree: (100 * 21) / 45 },
    });
  });

  it('suppresses when one answer holds more than n − K (the rest would be a group under K)', () => {
    // 18 of 25 agree: the 7 who did not are exposed as a group, collapsed or not.
    expect(protectDistribution({ '1': 0, '2': 3, '3': 4, '4': 10, '5': 8 }, { k: 10 })).toEqual({
      status: 'suppressed',
      n: 25,
      reason: 'dominant-answer',
    });
  });

  it('treats exactly n − K as safe', () => {
    expect(protectDistribution({ agree: 10, disagree: 10 }, { k: 10 }).status).toBe('shown');
    expect(protectDistribution({ agree: 11, disagree: 9 }, { k: 10 })).toMatchObject({
      status: 'suppressed',
    });
  });

  it('suppresses a unanimous answer: it would say what every member answered', () => {
    expect(protectDistribution({ '1': 0, '2': 0, '3': 0, '4': 30, '5': 0 }, { k: 10 })).toEqual({
      status: 'suppressed',
      n: 30,
      reason: 'dominant-answer',
    });
  });

  it('suppresses when a small category stays small after every collapse', () => {
    expect(protectDistribution({ '1': 12, '2': 10, '3': 3, '4': 11, '5': 10 }, { k: 10 })).toEqual({
      status: 'suppressed',
      n: 46,
      reason: 'small-category',
    });
  });

  it('does not collapse non-Likert categories by default', () => {
    expect(protectDistribution({ agree: 20, neutral: 5, disagree: 20 }, { k: 10 })).toMatchObject({
      status: 'suppressed',
      reason: 'small-category',
    });
  });

  it('tries the caller’s collapses in order and serves the first safe one', () => {
    const agreeOrNot = { agree: 'agree', neutral: 'not agree', disagree: 'not agree' };
    const result = protectDistribution(
      { agree: 20, neutral: 5, disagree: 20 },
      { k: 10, collapses: [agreeOrNot] },
    );
    expect(result).toMatchObject({ status: 'collapsed', counts: { agree: 20, 'not agree': 25 } });
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
        { k: 10, collapses: [AGREE_NEUTRAL_DISAGREE] },
      ),
    ).toThrow("Collapse mapping has no target for category '6'.");
    expect(() => protectDistribution({ x: 12, y: 1 }, { collapses: [{ x: 'a' }] })).toThrow(
      InvalidCollapseError,
    );
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
