import {
  InvalidMinimumGroupSizeError,
  UnknownGroupKeyError,
  findDifferencingViolations,
  suppressAcrossDimensions,
} from './index';
import { nestedRoleInTeam, repeat } from './respondents.test-helper';

describe('suppressAcrossDimensions', () => {
  it('applies primary and complementary suppression within each dimension', () => {
    const records = [
      ...repeat(30, { role: 'practitioner' }),
      ...repeat(15, { role: 'senior' }),
      ...repeat(12, { role: 'manager' }),
      ...repeat(3, { role: 'student' }),
    ];
    const result = suppressAcrossDimensions(records, [{ name: 'role' }], { k: 10 });
    expect(result.total).toEqual({ n: 60, suppressed: false });
    expect(result.dimensions[0]?.groups).toEqual([
      { key: 'practitioner', n: 30, suppressed: false },
      { key: 'senior', n: 15, suppressed: false },
      { key: 'manager', n: null, suppressed: true, reason: 'complementary' },
      { key: 'student', n: null, suppressed: true, reason: 'below-k' },
    ]);
    expect(result.served).toEqual({ role: ['practitioner', 'senior'] });
  });

  it('withholds a dimension whose groups nest inside another’s with fewer than K left over', () => {
    const records = nestedRoleInTeam;
    const dims = [{ name: 'role' }, { name: 'team' }];
    const result = suppressAcrossDimensions(records, dims, { k: 10 });
    expect(
      result.dimensions[0]?.groups.every((g) => g.suppressed && g.reason === 'differencing'),
    ).toBe(true);
    expect(result.served.team).toEqual(['fostering', 'assessment']);
    expect(findDifferencingViolations(records, dims, result.served, { k: 10 })).toEqual([]);
  });

  it('hides one more group on the other side when a dimension already has suppressed groups', () => {
    // team: a 20, b 20, c 20, d 4 → d below K, a complementary. grade = team b plus 5 of c:
    // grade "x" (25) − team "b" (20) = 5, so one of them must stop being derivable.
    const records = [
      ...repeat(20, { team: 'a', grade: 'y' }),
      ...repeat(20, { team: 'b', grade: 'x' }),
      ...repeat(5, { team: 'c', grade: 'x' }),
      ...repeat(15, { team: 'c', grade: 'y' }),
      ...repeat(4, { team: 'd', grade: 'y' }),
    ];
    const dims = [{ name: 'team' }, { name: 'grade' }];
    const result = suppressAcrossDimensions(records, dims, { k: 10 });
    expect(findDifferencingViolations(records, dims, result.served, { k: 10 })).toEqual([]);
    expect(result.dimensions[0]?.groups.find((g) => g.key === 'd')).toMatchObject({
      reason: 'below-k',
    });
    const reasons = result.dimensions.flatMap((d) =>
      d.groups.flatMap((g) => (g.suppressed ? [g.reason] : [])),
    );
    expect(reasons).toContain('differencing');
  });

  it('lists declared empty groups as suppressed and keeps the declared order', () => {
    const records = [
      ...repeat(20, { employment: 'permanent' }),
      ...repeat(11, { employment: 'agency' }),
    ];
    const result = suppressAcrossDimensions(records, [
      { name: 'employment', keys: ['agency', 'permanent', 'other'] },
    ]);
    expect(result.dimensions[0]?.groups).toEqual([
      { key: 'agency', n: 11, suppressed: false },
      { key: 'permanent', n: 20, suppressed: false },
      { key: 'other', n: null, suppressed: true, reason: 'below-k' },
    ]);
  });

  it('suppresses the total and every group when the population is under K', () => {
    const result = suppressAcrossDimensions(repeat(8, { role: 'a' }), [{ name: 'role' }], {
      k: 10,
    });
    expect(result.total).toEqual({ n: null, suppressed: true });
    expect(result.served).toEqual({ role: [] });
  });

  it('throws typed errors for bad K or an unmapped missing answer', () => {
    expect(() => suppressAcrossDimensions([], [], { k: 1 })).toThrow(InvalidMinimumGroupSizeError);
    expect(() => suppressAcrossDimensions([{ role: null }], [{ name: 'role' }])).toThrow(
      UnknownGroupKeyError,
    );
  });
});
