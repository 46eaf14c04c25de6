import {
  DuplicateKeyError,
  InconsistentTotalError,
  InvalidCountError,
  InvalidMinimumGroupSizeError,
  suppressGroups,
  type GroupCell,
} from './index';

const suppressedKeys = <T>(cells: readonly GroupCell<T>[]): string[] =>
  cells.filter((c) => c.suppressed).map((c) => c.key);

describe('suppressGroups: primary suppression', () => {
  it('serves groups of K or more with their n and value', () => {
    const cells = suppressGroups(
      [
        { key: 'practitioner', n: 40, value: 3.2 },
        { key: 'manager', n: 10, value: 3.9 },
      ],
      { k: 10 },
    );
    expect(cells).toEqual([
      { key: 'practitioner', n: 40, value: 3.2, suppressed: false },
      { key: 'manager', n: 10, value: 3.9, suppressed: false },
    ]);
  });

  it('hides both n and value of a group under K', () => {
    const cells = suppressGroups(
      [
        { key: 'a', n: 30, value: 'x' },
        { key: 'b', n: 20, value: 'y' },
        { key: 'c', n: 12, value: 'z' },
        { key: 'd', n: 9, value: 'w' },
      ],
      { k: 10 },
    );
    expect(cells[3]).toEqual({
      key: 'd',
      n: null,
      value: null,
      suppressed: true,
      reason: 'below-k',
    });
  });

  it('uses K = 10 by default and validates a configured K', () => {
    expect(suppressedKeys(suppressGroups([{ key: 'a', n: 9 }]))).toEqual(['a']);
    expect(() => suppressGroups([{ key: 'a', n: 9 }], { k: 4 })).toThrow(
      InvalidMinimumGroupSizeError,
    );
  });

  it('serves a group with no value as value null', () => {
    expect(suppressGroups([{ key: 'a', n: 11 }], { k: 10 })[0]).toEqual({
      key: 'a',
      n: 11,
      value: null,
      suppressed: false,
    });
  });
});

describe('suppressGroups: complementary suppression', () => {
  it('suppresses the next smallest group so the suppressed total is at least K', () => {
    const cells = suppressGroups(
      [
        { key: 'a', n: 30 },
        { key: 'b', n: 15 },
        { key: 'c', n: 12 },
        { key: 'd', n: 3 },
      ],
      { k: 10, total: 60 },
    );
    expect(cells.map((c) => (c.suppressed ? c.reason : 'served'))).toEqual([
      'served',
      'served',
      'complementary',
      'below-k',
    ]);
  });

  it('does not stop at two small groups whose sum is still under K', () => {
    // 3 + 4 = 7 < 10 would reveal the pair's count and mean, so a third group goes too.
    const cells = suppressGroups(
      [
        { key: 'a', n: 30 },
        { key: 'b', n: 20 },
        { key: 'c', n: 3 },
        { key: 'd', n: 4 },
      ],
      { k: 10 },
    );
    expect(suppressedKeys(cells)).toEqual(['b', 'c', 'd']);
    expect(cells[1]).toMatchObject({ reason: 'complementary' });
  });

  it('needs no complement when small groups already add up to K', () => {
    const cells = suppressGroups(
      [
        { key: 'a', n: 30 },
        { key: 'b', n: 6 },
        { key: 'c', n: 5 },
      ],
      { k: 10 },
    );
    expect(suppressedKeys(cells)).toEqual(['b', 'c']);
  });

  it('treats an unlisted remainder of the total ("prefer not to say" not shown) as suppressed', () => {
    const cells = suppressGroups(
      [
        { key: 'permanent', n: 40 },
        { key: 'agency', n: 15 },
      ],
      { k: 10, total: 58 },
    );
    expect(suppressedKeys(cells)).toEqual(['agency']);
    expect(cells[1]).toMatchObject({ reason: 'complementary' });
  });

  it('accepts a remainder of K or more without further suppression', () => {
    const cells = suppressGroups(
      [
        { key: 'permanent', n: 40 },
        { key: 'agency', n: 15 },
      ],
      { k: 10, total: 65 },
    );
    expect(suppressedKeys(cells)).toEqual([]);
  });

  it('lets a "not answered" group be protected like any other group', () => {
    const cells = suppressGroups(
      [
        { key: 'female', n: 40 },
        { key: 'male', n: 14 },
        { key: 'prefer-not-to-say', n: 2 },
        { key: 'not-answered', n: 0 },
      ],
      { k: 10, total: 56 },
    );
    expect(suppressedKeys(cells)).toEqual(['male', 'prefer-not-to-say', 'not-answered']);
  });

  it('suppresses empty groups but does not complement them (nobody can be exposed)', () => {
    const cells = suppressGroups(
      [
        { key: 'a', n: 30 },
        { key: 'b', n: 12 },
        { key: 'c', n: 0 },
      ],
      { k: 10 },
    );
    expect(cells.map((c) => (c.suppressed ? c.reason : 'served'))).toEqual([
      'served',
      'served',
      'below-k',
    ]);
  });

  it('breaks ties between equally small groups by listing order', () => {
    const cells = suppressGroups(
      [
        { key: 'a', n: 12 },
        { key: 'b', n: 12 },
        { key: 'c', n: 1 },
      ],
      { k: 10 },
    );
    expect(suppressedKeys(cells)).toEqual(['a', 'c']);
  });

  it('suppresses everything when the whole population is under K', () => {
    const cells = suppressGroups(
      [
        { key: 'a', n: 5 },
        { key: 'b', n: 3 },
      ],
      { k: 10, total: 8 },
    );
    expect(suppressedKeys(cells)).toEqual(['a', 'b']);
  });
});

describe('suppressGroups: errors', () => {
  it.each([-1, 2.5, Number.NaN])('rejects a count of %p', (n) => {
    expect(() => suppressGroups([{ key: 'a', n }], { k: 10 })).toThrow(InvalidCountError);
  });

  it('gives a stable message for a bad count', () => {
    expect(() => suppressGroups([{ key: 'a', n: -1 }], { k: 10 })).toThrow(
      "Count for 'a' must be a whole number of at least 0; got -1.",
    );
  });

  it('rejects duplicate keys', () => {
    expect(() =>
      suppressGroups(
        [
          { key: 'a', n: 10 },
          { key: 'a', n: 12 },
        ],
        { k: 10 },
      ),
    ).toThrow(new DuplicateKeyError('a', 'groups'));
  });

  it('rejects groups that add up to more than the total', () => {
    expect(() => suppressGroups([{ key: 'a', n: 30 }], { k: 10, total: 20 })).toThrow(
      'Groups add up to 30, more than the total of 20.',
    );
    expect(() => suppressGroups([{ key: 'a', n: 30 }], { k: 10, total: 20 })).toThrow(
      InconsistentTotalError,
    );
  });

  it('rejects an invalid total', () => {
    expect(() => suppressGroups([{ key: 'a', n: 30 }], { k: 10, total: -5 })).toThrow(
      InvalidCountError,
    );
  });
});
