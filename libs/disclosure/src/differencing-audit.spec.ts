import {
  DisclosureViolationError,
  DuplicateKeyError,
  InvalidMinimumGroupSizeError,
  TooManyGroupsError,
  UnknownDimensionError,
  UnknownGroupKeyError,
  assertNoDifferencing,
  findDifferencingViolations,
} from './index';
import { nestedRoleInTeam as nested, repeat } from './respondents.test-helper';

const dims = [{ name: 'role' }, { name: 'team' }];

describe('findDifferencingViolations', () => {
  it('finds a group shown in one dimension that sits inside a group of another with < K left over', () => {
    const violations = findDifferencingViolations(
      nested,
      dims,
      { role: ['manager', 'practitioner'], team: ['fostering', 'assessment'] },
      { k: 10 },
    );
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.difference === 3)).toBe(true);
    expect(violations[0]?.description).toMatch(/differ by 3 respondent\(s\)$/);
  });

  it('accepts the same population once one dimension is withheld', () => {
    expect(
      findDifferencingViolations(
        nested,
        dims,
        { role: [], team: ['fostering', 'assessment'] },
        { k: 10 },
      ),
    ).toEqual([]);
  });

  it('sees total − Σ served within a dimension (a suppressed group under K)', () => {
    const records = [
      ...repeat(20, { role: 'a' }),
      ...repeat(15, { role: 'b' }),
      ...repeat(4, { role: 'c' }),
    ];
    const violations = findDifferencingViolations(
      records,
      [{ name: 'role' }],
      { role: ['a', 'b'] },
      { k: 10 },
    );
    expect(violations.map((v) => v.difference)).toContain(4);
    expect(
      findDifferencingViolations(records, [{ name: 'role' }], { role: ['a'] }, { k: 10 }),
    ).toEqual([]);
  });

  it('flags a served group under K (its difference from the empty set)', () => {
    const records = [...repeat(20, { role: 'a' }), ...repeat(6, { role: 'b' })];
    const violations = findDifferencingViolations(
      records,
      [{ name: 'role' }],
      { role: ['a', 'b'] },
      { k: 10 },
    );
    expect(violations.some((v) => v.difference === 6)).toBe(true);
  });

  it('treats nothing as derivable from a total under K, but still flags served groups', () => {
    const records = repeat(7, { role: 'a' });
    expect(
      findDifferencingViolations(records, [{ name: 'role' }], { role: [] }, { k: 10 }),
    ).toEqual([]);
    expect(
      findDifferencingViolations(records, [{ name: 'role' }], { role: ['a'] }, { k: 10 }),
    ).toHaveLength(1);
  });

  it('allows sets that coincide exactly (difference 0)', () => {
    const records = [
      ...repeat(15, { role: 'manager', grade: 'senior' }),
      ...repeat(20, { role: 'practitioner', grade: 'main' }),
    ];
    expect(
      findDifferencingViolations(records, [{ name: 'role' }, { name: 'grade' }], {
        role: ['manager', 'practitioner'],
        grade: ['senior', 'main'],
      }),
    ).toEqual([]);
  });

  it('throws DisclosureViolationError from the assertion form', () => {
    const served = { role: ['manager', 'practitioner'], team: ['fostering', 'assessment'] };
    expect(() => assertNoDifferencing(nested, dims, served, { k: 10 })).toThrow(
      DisclosureViolationError,
    );
    expect(() => assertNoDifferencing(nested, dims, served, { k: 10 })).toThrow(
      /^Released groups can be differenced to fewer than K respondents \(\d+ violation\(s\)\); first: /,
    );
    expect(() =>
      assertNoDifferencing(nested, dims, { role: [], team: [] }, { k: 10 }),
    ).not.toThrow();
  });

  it('throws typed errors for bad input', () => {
    expect(() => findDifferencingViolations(nested, dims, {}, { k: 4 })).toThrow(
      InvalidMinimumGroupSizeError,
    );
    expect(() => findDifferencingViolations([{ role: undefined }], [{ name: 'role' }], {})).toThrow(
      UnknownGroupKeyError,
    );
    expect(() =>
      findDifferencingViolations([{ role: 'x' }], [{ name: 'role', keys: ['a'] }], {}),
    ).toThrow(
      `Value "x" for dimension 'role' is not one of its keys; map missing answers to an explicit key such as 'not-answered'.`,
    );
    expect(() => findDifferencingViolations(nested, dims, { grade: [] })).toThrow(
      "Served groups are given for unknown dimension 'grade'.",
    );
    expect(() => findDifferencingViolations(nested, dims, { grade: [] })).toThrow(
      UnknownDimensionError,
    );
    expect(() => findDifferencingViolations(nested, dims, { role: ['director'] })).toThrow(
      UnknownGroupKeyError,
    );
    expect(() => findDifferencingViolations([], [{ name: 'role' }, { name: 'role' }], {})).toThrow(
      DuplicateKeyError,
    );
    expect(() => findDifferencingViolations([], [{ name: 'role', keys: ['a', 'a'] }], {})).toThrow(
      DuplicateKeyError,
    );
  });

  it('refuses to enumerate more served groups than it supports across two dimensions', () => {
    const keys = Array.from({ length: 17 }, (_, i) => `g${i}`);
    const records = keys.flatMap((key) => repeat(10, { d: key, e: key }));
    // A single dimension needs no enumeration, however many groups it has.
    expect(findDifferencingViolations(records, [{ name: 'd' }], { d: keys }, { k: 10 })).toEqual(
      [],
    );
    expect(() =>
      findDifferencingViolations(
        records,
        [{ name: 'd' }, { name: 'e' }],
        { d: keys, e: keys },
        { k: 10 },
      ),
    ).toThrow(TooManyGroupsError);
  });
});
