import fc from 'fast-check';
import {
  checkKAnonymity,
  checkLDiversity,
  ImpossibleAnonymisationError,
  InvalidDiversityError,
  InvalidHierarchyError,
  planAnonymisation,
  type AnonymisationPlan,
  type QuasiIdentifierColumn,
  type SensitiveColumn,
} from './index';

/** Raise locally for a soak, e.g. DISCLOSURE_PROPERTY_RUNS=5000. */
const RUNS = Number(process.env['DISCLOSURE_PROPERTY_RUNS'] ?? 0) || 60;

type Released = Record<string, number | null>;

/** Every record as the plan releases it (withheld ones left out), quasi-identifiers and sensitive values by name. */
function releasedRows(
  plan: AnonymisationPlan,
  qis: readonly QuasiIdentifierColumn[],
  sensitive: readonly SensitiveColumn[],
): Released[] {
  const rows: Released[] = [];
  for (let i = 0; i < plan.records; i++) {
    const values = sensitive.map((s) => s.values[i] as number);
    const r = plan.release(
      qis.map((q) => q.codes[i] as number),
      values,
    );
    if (r === null) continue;
    const row: Released = {};
    qis.forEach((q, j) => (row[q.name] = r.codes[j] ?? null));
    sensitive.forEach((s, j) => {
      const v = values[j] as number;
      row[s.name] = r.blankSensitive[j] || Number.isNaN(v) ? null : v;
    });
    rows.push(row);
  }
  return rows;
}

function shownQuasiIdentifiers(plan: AnonymisationPlan): string[] {
  return plan.quasiIdentifiers.filter((q) => !q.removed).map((q) => q.name);
}

describe('planAnonymisation', () => {
  // 60 records of one wave: LA (3 LAs in 2 regions), role, ethnicity; one record is the only
  // team manager from a minority ethnic group in LA 0.
  const n = 60;
  const la = Int32Array.from({ length: n }, (_, i) => i % 3);
  const role = Int32Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
  const ethnicity = Int32Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i % 2));
  const wave = new Int32Array(n);
  const qis: QuasiIdentifierColumn[] = [
    { name: 'wave', codes: wave, removable: false },
    { name: 'la', codes: la, levels: [[0, 0, 1]] },
    { name: 'role', codes: role },
    { name: 'ethnicity', codes: ethnicity },
  ];
  const intention: SensitiveColumn = {
    name: 'intention',
    values: Float64Array.from({ length: n }, (_, i) => 1 + (i % 5)),
  };

  it('generalises or suppresses a unique role × ethnicity × LA combination', () => {
    const plan = planAnonymisation(qis, [intention], { k: 10 });
    const rows = releasedRows(plan, qis, [intention]);
    expect(checkKAnonymity(rows, shownQuasiIdentifiers(plan), 10)).toEqual([]);
    const unique = plan.release([0, 0, 1, 1], [1]);
    // The manager is no longer told apart: role, ethnicity or LA is coarser, removed or blank.
    expect(unique).not.toBeNull();
    const shown = unique?.codes ?? [];
    expect(shown[1] === 0 && shown[2] === 1 && shown[3] === 1).toBe(false);
    expect(plan.records).toBe(n);
  });

  it('prefers coarsening LA to region over losing other columns when that is enough', () => {
    // 40 records in 4 LAs of 2 regions, 10 per LA but only 5 per LA × employment.
    const m = 40;
    const cols: QuasiIdentifierColumn[] = [
      {
        name: 'la',
        codes: Int32Array.from({ length: m }, (_, i) => i % 4),
        levels: [[0, 0, 1, 1]],
      },
      {
        name: 'employment',
        codes: Int32Array.from({ length: m }, (_, i) => Math.floor(i / 4) % 2),
      },
    ];
    const plan = planAnonymisation(cols, [], { k: 10, maxSuppressedShare: 0 });
    expect(plan.quasiIdentifiers.map((q) => [q.name, q.level, q.removed])).toEqual([
      ['la', 1, false],
      ['employment', 0, false],
    ]);
    expect(plan.quasiIdentifiers[0]?.cellsGeneralised).toBe(m);
    expect(plan.suppressedRecords).toBe(0);
  });

  it('blanks a sensitive variable in a class where everyone gave the same answer', () => {
    const m = 20;
    const cols: QuasiIdentifierColumn[] = [
      { name: 'region', codes: Int32Array.from({ length: m }, (_, i) => (i < 10 ? 0 : 1)) },
    ];
    const same: SensitiveColumn = {
      name: 'intention',
      values: Float64Array.from({ length: m }, (_, i) => (i < 10 ? 5 : 1 + (i % 2))),
    };
    const plan = planAnonymisation(cols, [same], { k: 10 });
    expect(plan.sensitive).toEqual([{ name: 'intention', classesBlanked: 1, cellsBlanked: 10 }]);
    expect(plan.release([0], [5])?.blankSensitive).toEqual([true]);
    expect(plan.release([1], [1])?.blankSensitive).toEqual([false]);
  });

  it('refuses when a group that cannot be coarsened (a wave × service) has fewer than k records', () => {
    const cols: QuasiIdentifierColumn[] = [
      {
        name: 'service',
        codes: Int32Array.from({ length: 25 }, (_, i) => (i < 20 ? 0 : 1)),
        removable: false,
      },
      { name: 'role', codes: new Int32Array(25) },
    ];
    expect(() => planAnonymisation(cols, [], { k: 10 })).toThrow(ImpossibleAnonymisationError);
    expect(() => planAnonymisation(cols, [], { k: 10 })).toThrow(
      '1 group(s) that cannot be generalised have fewer than 10 records; first: {"service":1} with 5.',
    );
  });

  it('plans an empty release for no records', () => {
    const plan = planAnonymisation([{ name: 'wave', codes: [], removable: false }], [], { k: 10 });
    expect(plan).toMatchObject({ records: 0, suppressedRecords: 0, withheldRecords: 0 });
  });

  it('rejects codes and hierarchies it cannot use', () => {
    expect(() =>
      planAnonymisation([{ name: 'la', codes: [0, 1, 2], levels: [[0, 0]] }], [], { k: 5 }),
    ).toThrow(InvalidHierarchyError);
    expect(() =>
      planAnonymisation(
        [
          {
            name: 'years',
            codes: [0, 1, 2],
            levels: [
              [0, 0, 1],
              [0, 1, 1],
            ],
          },
        ],
        [],
        {
          k: 5,
        },
      ),
    ).toThrow("Quasi-identifier 'years': level 2 splits a group of level 1.");
    expect(() => planAnonymisation([{ name: 'x', codes: [0, -1] }], [], { k: 5 })).toThrow(
      InvalidHierarchyError,
    );
  });

  it('keeps k-anonymity and l-diversity on the released records of random data sets', () => {
    const dataSet = fc
      .record({
        n: fc.integer({ min: 20, max: 300 }),
        k: fc.integer({ min: 5, max: 15 }),
        share: fc.constantFrom(0, 0.02, 0.05, 0.2),
        groups: fc.integer({ min: 1, max: 2 }),
        qis: fc.array(
          fc.record({
            cardinality: fc.integer({ min: 1, max: 12 }),
            merge: fc.integer({ min: 1, max: 4 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        seed: fc.integer(),
      })
      .filter(({ n, k, groups }) => n >= k * groups);
    fc.assert(
      fc.property(dataSet, ({ n, k, share, groups, qis, seed }) => {
        let state = seed >>> 0;
        const next = (below: number) => {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          return state % below;
        };
        // The fixed column: every group gets at least k records.
        const fixed = Int32Array.from({ length: n }, (_, i) =>
          i < k * groups ? i % groups : next(groups),
        );
        const columns: QuasiIdentifierColumn[] = [
          { name: 'wave', codes: fixed, removable: false },
          ...qis.map((q, j) => ({
            name: `q${j}`,
            // Skewed, so that some values are rare.
            codes: Int32Array.from({ length: n }, () =>
              Math.min(next(q.cardinality), next(q.cardinality)),
            ),
            levels: [Array.from({ length: q.cardinality }, (_, c) => Math.floor(c / q.merge))],
          })),
        ];
        const sensitive: SensitiveColumn[] = [
          {
            name: 's',
            values: Float64Array.from({ length: n }, () =>
              next(10) === 0 ? Number.NaN : 1 + next(2),
            ),
          },
        ];
        const plan = planAnonymisation(columns, sensitive, { k, maxSuppressedShare: share });
        const rows = releasedRows(plan, columns, sensitive);
        const shown = shownQuasiIdentifiers(plan);
        expect(checkKAnonymity(rows, shown, k)).toEqual([]);
        expect(checkLDiversity(rows, shown, ['s'], 2)).toEqual([]);
        expect(plan.withheldRecords).toBe(0);
        expect(rows.length).toBe(n);
        expect(plan.suppressedRecords + plan.withheldRecords).toBeLessThanOrEqual(
          Math.floor(share * n),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('checkLDiversity', () => {
  const rows = [
    ...Array.from({ length: 5 }, (_, i) => ({ region: 'London', intention: 1 + (i % 2) })),
    ...Array.from({ length: 5 }, () => ({ region: 'North East', intention: 4 })),
    ...Array.from({ length: 5 }, () => ({ region: 'South West', intention: null })),
  ];

  it('names each class with fewer than l known values of a sensitive variable', () => {
    expect(checkLDiversity(rows, ['region'], ['intention'], 2)).toEqual([
      { values: { region: 'North East' }, sensitive: 'intention', distinct: 1 },
    ]);
    expect(checkLDiversity(rows, ['region'], ['intention'], 3)).toHaveLength(2);
  });

  it('treats an empty cell as missing, in quasi-identifiers and sensitive values alike', () => {
    const blanks = [
      { region: '', intention: 3 },
      { region: null, intention: 4 },
      { region: 'London', intention: '' },
    ];
    expect(checkLDiversity(blanks, ['region'], ['intention'])).toEqual([]);
  });

  it('refuses an l that is not a whole number of at least 1', () => {
    expect(() => checkLDiversity(rows, ['region'], ['intention'], 0)).toThrow(
      InvalidDiversityError,
    );
  });
});
