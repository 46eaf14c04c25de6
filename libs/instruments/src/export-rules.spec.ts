import { LOCAL_AUTHORITY } from './export-rules';
import { exportRulesFor } from './export-rules-registry';
import { INSTRUMENTS } from './instrument-registry';
import { HEALTH_CHECK_V1 } from './health-check-v1/health-check-v1';

describe.each(INSTRUMENTS.map((i) => [`${i.key} v${i.version}`, i] as const))(
  'export rules of %s',
  (_name, instrument) => {
    const rules = exportRulesFor(instrument);
    const question = (name: string) => instrument.questions.find((q) => q.name === name);

    it('name only the LA and about-you questions as quasi-identifiers, each once', () => {
      const names = rules.quasiIdentifiers.map((q) => q.variable);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        if (name !== LOCAL_AUTHORITY) expect(question(name)?.role).toBe('about-you');
      }
      // Every about-you question is declared: a new one cannot slip into exports unprotected.
      const aboutYou = instrument.questions
        .filter((q) => q.role === 'about-you')
        .map((q) => q.name);
      expect(names.filter((n) => n !== LOCAL_AUTHORITY).sort()).toEqual([...aboutYou].sort());
      expect(names).toContain(LOCAL_AUTHORITY);
    });

    it('group every answer once at each level, each level merging the level before', () => {
      for (const qi of rules.quasiIdentifiers) {
        let previous: string[][] | null = null;
        for (const level of qi.levels) {
          if (level.kind !== 'groups') continue;
          const values = (question(qi.variable)?.choices ?? []).map((c) => String(c.value));
          const members = level.groups.flatMap((g) => g.members);
          expect([...members].sort()).toEqual([...values].sort());
          const groups = level.groups.map((g) => [...g.members]);
          if (previous) {
            for (const group of previous)
              expect(groups.some((g) => group.every((v) => g.includes(v)))).toBe(true);
          }
          previous = groups;
        }
      }
    });

    it('declare sensitive variables that are numeric questions outside the quasi-identifiers', () => {
      for (const name of rules.sensitive) {
        expect(question(name)?.answerType).toBe('numeric');
        expect(rules.quasiIdentifiers.map((q) => q.variable)).not.toContain(name);
      }
    });
  },
);

it('gives a version without declared rules the strict defaults', () => {
  const unknown = { ...HEALTH_CHECK_V1, version: 99 };
  const rules = exportRulesFor(unknown);
  expect(rules.sensitive).toEqual(['intentionToStay']);
  expect(rules.quasiIdentifiers.find((q) => q.variable === 'role')?.levels).toEqual([]);
  expect(rules.quasiIdentifiers[0]?.levels[0]?.kind).toBe('region');
});
