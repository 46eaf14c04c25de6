import {
  DEFAULT_MINIMUM_GROUP_SIZE,
  DisclosureError,
  InvalidMinimumGroupSizeError,
  isSettableMinimumGroupSize,
  meetsMinimumGroupSize,
  resolveMinimumGroupSize,
  suppressionMessage,
} from './index';

describe('resolveMinimumGroupSize', () => {
  it('defaults to K = 10 when nothing is configured', () => {
    expect(DEFAULT_MINIMUM_GROUP_SIZE).toBe(10);
    expect(resolveMinimumGroupSize()).toBe(10);
    expect(resolveMinimumGroupSize(null)).toBe(10);
  });

  it('accepts an administrator setting of 5 or more', () => {
    expect(resolveMinimumGroupSize(5)).toBe(5);
    expect(resolveMinimumGroupSize(25)).toBe(25);
  });

  it.each([4, 0, -10, 7.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects K = %p with a typed error',
    (k) => {
      expect(() => resolveMinimumGroupSize(k)).toThrow(InvalidMinimumGroupSizeError);
      expect(() => resolveMinimumGroupSize(k)).toThrow(DisclosureError);
    },
  );

  it('gives a stable message naming the floor and the bad value', () => {
    expect(() => resolveMinimumGroupSize(3)).toThrow(
      'Minimum group size K must be a whole number of at least 5; got 3.',
    );
    try {
      resolveMinimumGroupSize(3);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidMinimumGroupSizeError);
      expect((error as InvalidMinimumGroupSizeError).name).toBe('InvalidMinimumGroupSizeError');
      expect((error as InvalidMinimumGroupSizeError).k).toBe(3);
    }
  });
});

describe('isSettableMinimumGroupSize', () => {
  it('allows an administrator whole numbers from 5 to 100', () => {
    for (const k of [5, 10, 100]) expect(isSettableMinimumGroupSize(k)).toBe(true);
    for (const k of [4, 101, 7.5, Number.NaN, '10', null]) {
      expect(isSettableMinimumGroupSize(k)).toBe(false);
    }
  });
});

describe('meetsMinimumGroupSize', () => {
  it('is true from K upwards', () => {
    expect(meetsMinimumGroupSize(9, 10)).toBe(false);
    expect(meetsMinimumGroupSize(10, 10)).toBe(true);
    expect(meetsMinimumGroupSize(5, 5)).toBe(true);
  });

  it('validates K', () => {
    expect(() => meetsMinimumGroupSize(10, 2)).toThrow(InvalidMinimumGroupSizeError);
  });
});

describe('suppressionMessage', () => {
  it('says "fewer than K responses" using the configured K', () => {
    expect(suppressionMessage('below-k')).toBe('Fewer than 10 responses');
    expect(suppressionMessage('below-k', 15)).toBe('Fewer than 15 responses');
  });

  it('does not claim a protecting cell is small', () => {
    expect(suppressionMessage('complementary', 10)).toBe(
      'Hidden so that groups of fewer than 10 cannot be worked out',
    );
    expect(suppressionMessage('differencing', 12)).toBe(
      'Hidden so that groups of fewer than 12 cannot be worked out',
    );
  });

  it('says why a distribution is hidden without giving its counts', () => {
    expect(suppressionMessage('dominant-answer', 10)).toBe(
      'Hidden because fewer than 10 people answered differently from everyone else',
    );
    expect(suppressionMessage('small-category', 12)).toBe(
      'Hidden because fewer than 12 people gave one of the answers',
    );
  });

  it('validates K', () => {
    expect(() => suppressionMessage('below-k', 4)).toThrow(InvalidMinimumGroupSizeError);
  });
});
