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
  /** Each group's fate, in listing order: served, or the reason it is hidden. */
  const outcomes = (counts: Readonly<Record<string, number>>, total?: number): string[] =>
    suppressGroups(
      Object.entries(counts).map(([key, n]) => ({ key, n })),
      total === undefined ? { k: 10 } : { k: 10, total },
    ).map((c) => (c.suppressed ? c.reason : 'served'));

  it.each([
    [
      'suppresses the next smallest group so the suppressed total is at least K',
      { a: 30, b: 15, c: 12, d: 3 },
      60,
      ['served', 'served', 'complementary', 'below-k'],
    ],
    // 3 + 4 = 7 < 10 would reveal the pair's count and mean, so a third group goes too.
    [
      'does not stop at two small groups whose sum is still under K',
      { a: 30, b: 20, c: 3, d: 4 },
      undefined,
      ['served', 'complementary', 'below-k', 'below-k'],
    ],
    [
      'needs no complement when small groups already add up to K',
      { a: 30, b: 6, c: 5 },
      undefined,
      ['served', 'below-k', 'below-k'],
    ],
    [
      'treats an unlisted remainder of the total ("prefer not to say" not shown) as suppressed',
      { permanent: 40, agency: 15 },
      58,
      ['served', 'complementary'],
    ],
    [
      'accepts a remainder of K or more without further suppression',
      { permanent: 40, agency: 15 },
      65,
      ['served', 'served'],
    ],
    [
      'lets a "not answered" group be protected like any other group',
      { female: 40, male: 14, 'prefer-not-to-say': 2, 'not-answered': 0 },
      56,
      ['served', 'complementary', 'below-k', 'below-k'],
    ],
    [
      'suppresses empty groups but does not complement them (nobody can be exposed)',
      { a: 30, b: 12, c: 0 },
      undefined,
      ['served', 'served', 'below-k'],
    ],
    [
      'breaks ties between equally small groups by listing order',
      { a: 12, b: 12, c: 1 },
      undefined,
      ['complementary', 'served', 'below-k'],
    ],
    [
      'suppresses everything when the whole population is under K',
      { a: 5, b: 3 },
      8,
      ['below-k', 'below-k'],
    ],
  ])('%s', (_title, counts, total, expected) => {
    expect(outcomes(counts, total)).toEqual(expected);
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
