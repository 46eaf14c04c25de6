import {
  EmptyQuasiIdentifiersError,
  InvalidMinimumGroupSizeError,
  checkKAnonymity,
  isKAnonymous,
} from './index';

type Row = { region: string; role: string; years: number | null; score: number };

const rows = (count: number, row: Omit<Row, 'score'>): Row[] =>
  Array.from({ length: count }, (_, i) => ({ ...row, score: i % 5 }));

describe('checkKAnonymity', () => {
  const records: Row[] = [
    ...rows(12, { region: 'London', role: 'practitioner', years: 3 }),
    ...rows(4, { region: 'London', role: 'manager', years: 3 }),
    ...rows(10, { region: 'North West', role: 'practitioner', years: 3 }),
    ...rows(2, { region: 'North West', role: 'practitioner', years: null }),
  ];

  it('returns each combination of quasi-identifiers shared by fewer than k records', () => {
    expect(checkKAnonymity(records, ['region', 'role', 'years'], 10)).toEqual([
      { values: { region: 'London', role: 'manager', years: 3 }, count: 4 },
      { values: { region: 'North West', role: 'practitioner', years: null }, count: 2 },
    ]);
    expect(isKAnonymous(records, ['region', 'role', 'years'], 10)).toBe(false);
  });

  it('passes once the identifying combination is coarsened', () => {
    expect(checkKAnonymity(records, ['region'], 10)).toEqual([]);
    expect(isKAnonymous(records, ['region'], 10)).toBe(true);
  });

  it('ignores non-identifying columns and uses K = 10 by default', () => {
    expect(checkKAnonymity(records, ['role'])).toEqual([{ values: { role: 'manager' }, count: 4 }]);
    expect(checkKAnonymity(records, ['role'], 5)).toEqual([
      { values: { role: 'manager' }, count: 4 },
    ]);
    expect(checkKAnonymity(records, ['role'], 25)).toEqual([
      { values: { role: 'practitioner' }, count: 24 },
      { values: { role: 'manager' }, count: 4 },
    ]);
  });

  it('keeps values of different types apart', () => {
    const mixed = [
      ...Array.from({ length: 5 }, () => ({ code: 1 })),
      ...Array.from({ length: 5 }, () => ({ code: '1' })),
    ];
    expect(checkKAnonymity(mixed, ['code'], 6)).toHaveLength(2);
  });

  it('is trivially safe for no records', () => {
    expect(checkKAnonymity([] as Row[], ['region'], 10)).toEqual([]);
  });

  it('throws typed errors for no quasi-identifiers or a bad k', () => {
    expect(() => checkKAnonymity(records, [], 10)).toThrow(EmptyQuasiIdentifiersError);
    expect(() => checkKAnonymity(records, [], 10)).toThrow(
      'At least one quasi-identifier is needed to check k-anonymity.',
    );
    expect(() => checkKAnonymity(records, ['region'], 2)).toThrow(InvalidMinimumGroupSizeError);
  });
});
