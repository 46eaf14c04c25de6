import fc from 'fast-check';
import { findDifferencingViolations, type RespondentGroups } from '@swhc/disclosure';
import { HEALTH_CHECK_V1 } from '@swhc/instruments';
import { frameAndData, inputs, OWN, rows } from '../testing/synthetic-report';
import { tableOf } from '../testing/tables';
import { statementCells } from './group-statements';
import { dimensionsOf, groupingQuestions, respondentGroups } from './grouping';

const { frame } = frameAndData(inputs(rows(OWN, 20)));
const questions = groupingQuestions(HEALTH_CHECK_V1);
const ROLES = ['social-worker', 'senior-practitioner', 'team-manager'];
const TEAMS = ['long-term', 'front-door', 'not-answered'];
const EMPLOYMENT = ['permanent', 'agency'];

const respondent = fc.record({
  role: fc.integer({ min: 0, max: ROLES.length - 1 }),
  team: fc.integer({ min: 0, max: TEAMS.length - 1 }),
  employment: fc.integer({ min: 0, max: 5 }),
  answer: fc.integer({ min: 1, max: 5 }),
});

describe('statements by group', () => {
  it('property: no served % favourable lets anyone work out fewer than K answers, or a group answering alike', () => {
    let runsWithCells = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 10 }),
        fc.array(respondent, { minLength: 40, maxLength: 220 }),
        fc.constantFrom('support1', 'support5'),
        (k, people, item) => {
          const n = people.length;
          const la = tableOf(
            n,
            { [item]: people.map((p) => p.answer) },
            {
              role: people.map((p) => ROLES[p.role] ?? 'asye'),
              teamType: people.map((p) => TEAMS[p.team] ?? 'other'),
              employment: people.map((p) => EMPLOYMENT[p.employment === 0 ? 1 : 0] ?? 'agency'),
            },
          );
          const records = respondentGroups(la, questions);
          // Every row shown: the statement cells must then protect themselves.
          const shownRows = questions.map((q) => new Set(q.keys));
          const cells = statementCells({ ...frame, k }, la, item, questions, records, shownRows);
          const good = (v: number) => (item === 'support5' ? v <= 2 : v >= 4);
          const favourable: RespondentGroups[] = [];
          const rest: RespondentGroups[] = [];
          people.forEach((p, r) => (good(p.answer) ? favourable : rest).push(records[r] ?? {}));
          const served: Record<string, string[]> = {};
          questions.forEach((q, d) => {
            const shown = [...(cells[d] ?? new Map()).entries()].filter(([, c]) => !c.suppressed);
            served[q.name] = shown.map(([key]) => key);
            let hiddenFavourable = favourable.length;
            let hiddenRest = rest.length;
            for (const [key, cell] of shown) {
              if (cell.suppressed) continue;
              const f = favourable.filter((x) => x[q.name] === key).length;
              const o = rest.filter((x) => x[q.name] === key).length;
              // Each served cell: at least K favourable and K other answers, and the right share.
              expect(f).toBeGreaterThanOrEqual(k);
              expect(o).toBeGreaterThanOrEqual(k);
              expect(cell.favourablePercent).toBeCloseTo((100 * f) / (f + o), 9);
              hiddenFavourable -= f;
              hiddenRest -= o;
            }
            // The groups left hidden, taken together, did not all answer alike.
            const hidden = hiddenFavourable + hiddenRest;
            expect(hidden === 0 || (hiddenFavourable > 0 && hiddenRest > 0)).toBe(true);
          });
          // Nothing found by subtraction, within or across dimensions, for either half.
          const dimensions = dimensionsOf(questions);
          if (Object.values(served).some((keys) => keys.length > 0)) {
            runsWithCells++;
            expect(findDifferencingViolations(favourable, dimensions, served, { k })).toEqual([]);
            expect(findDifferencingViolations(rest, dimensions, served, { k })).toEqual([]);
          }
        },
      ),
      { numRuns: 150 },
    );
    // Not vacuous: most random LAs do get some cells.
    expect(runsWithCells).toBeGreaterThan(40);
  });

  it('shows groups large enough on both sides, with their difference from the LA', () => {
    // 60 people: 30 social workers (20 agree), 30 senior practitioners (10 agree).
    const role = [
      ...new Array<string>(30).fill('social-worker'),
      ...new Array<string>(30).fill('senior-practitioner'),
    ];
    const answersOf = [
      ...Array.from({ length: 30 }, (_, i) => (i < 20 ? 4 : 2)),
      ...Array.from({ length: 30 }, (_, i) => (i < 10 ? 5 : 3)),
    ];
    const la = tableOf(
      60,
      { support1: answersOf },
      { role, employment: new Array<string>(60).fill('permanent') },
    );
    const records = respondentGroups(la, questions);
    const cells = statementCells(
      frame,
      la,
      'support1',
      questions,
      records,
      questions.map((q) => new Set(q.keys)),
    );
    const byRole = cells[0];
    expect(byRole?.get('social-worker')).toEqual({
      item: 'support1',
      suppressed: false,
      n: 30,
      favourablePercent: (100 * 20) / 30,
      differenceFromOverall: (100 * 20) / 30 - 50,
    });
    expect(byRole?.get('senior-practitioner')).toMatchObject({ suppressed: false, n: 30 });
    expect(byRole?.get('team-manager')).toMatchObject({ suppressed: true });
  });
});
