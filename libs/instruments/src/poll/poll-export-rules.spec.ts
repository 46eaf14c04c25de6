import { ENGLISH_REGIONS, PANEL_ROLES } from '@swhc/contracts';
import { POLL_EXPORT_RULES } from './poll-export-rules';

const VALUES: Record<'role' | 'region', readonly string[]> = {
  role: PANEL_ROLES.map((r) => r.value),
  region: ENGLISH_REGIONS,
};

describe('poll export rules', () => {
  it('declare role and region once each, with distinct column names', () => {
    expect(POLL_EXPORT_RULES.quasiIdentifiers.map((q) => q.attribute).sort()).toEqual([
      'region',
      'role',
    ]);
    const columns = POLL_EXPORT_RULES.quasiIdentifiers.flatMap((q) => [
      q.column,
      ...q.levels.map((l) => l.column),
    ]);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('group every value of the attribute once at each level, each level merging the one before', () => {
    for (const qi of POLL_EXPORT_RULES.quasiIdentifiers) {
      let previous: string[][] = VALUES[qi.attribute].map((v) => [v]);
      for (const level of qi.levels) {
        const members = level.groups.flatMap((g) => g.members);
        expect({ column: level.column, members: [...members].sort() }).toEqual({
          column: level.column,
          members: [...VALUES[qi.attribute]].sort(),
        });
        const groups = level.groups.map((g) => [...g.members]);
        for (const group of previous)
          expect(groups.some((g) => group.every((v) => g.includes(v)))).toBe(true);
        expect(groups.length).toBeLessThan(previous.length);
        previous = groups;
      }
    }
  });
});
