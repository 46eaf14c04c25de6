import { Writable } from 'node:stream';
import { ENGLISH_REGIONS, PANEL_ROLES, SERVICE_KINDS, type PollQuestion } from '@swhc/contracts';
import { parseCsv } from '@swhc/csv';
import { checkKAnonymity, checkLDiversity, ImpossibleAnonymisationError } from '@swhc/disclosure';
import { HEALTH_CHECK_V1, scoreResponse } from '@swhc/instruments';
import fc from 'fast-check';
import { DEMO_RESEARCH_USE, DEMO_WELLBEING } from '../../demo/panel-demo';
import { SeededRandom } from '../../demo/seeded-random';
import { randomUnitProfile, syntheticAnswers } from '../../demo/synthetic-responses';
import { anonymiseExport } from './anonymised-export';
import {
  archiveDataset,
  EXPORT_FILES,
  mergeColumns,
  writeExportArchive,
  type ArchiveDataset,
} from './export-archive';
import {
  exportDesign,
  exportVariableOptions,
  type ExportOrganisation,
  type ExportRow,
} from './export-design';
import type { Codebook } from './files/codebook';
import { pollExportDesign, type ExportPoll, type PollExportRow } from './poll-export-design';
import { zipEntries } from './testing/zip-entries';

const REGIONS = ['North East', 'London', 'South West'];
const organisations: ExportOrganisation[] = Array.from({ length: 12 }, (_, i) => ({
  id: `org-${i}`,
  gssCode: `E0600${String(i + 10).padStart(4, '0')}`,
  name: `Authority ${i}`,
  region: REGIONS[i % REGIONS.length],
}));
const OPTIONS = exportVariableOptions(HEALTH_CHECK_V1).map((o) => o.name);

function syntheticRows(n: number, waves: number, las: number, seed: number): ExportRow[] {
  const random = new SeededRandom(seed);
  const profiles = Array.from({ length: las }, () => randomUnitProfile(random));
  return Array.from({ length: n }, () => {
    const la = Math.floor(random.next() * las);
    const service = SERVICE_KINDS[Math.floor(random.next() * 2)] ?? 'children';
    const answers = syntheticAnswers(
      HEALTH_CHECK_V1,
      service,
      profiles[la] ?? randomUnitProfile(random),
      { skipRate: 0.05, waveShift: [0, 0, 0, 0] },
      random,
    );
    return {
      waveId: `wave-${Math.floor(random.next() * waves)}`,
      service,
      organisationId: `org-${la}`,
      answers,
      scores: scoreResponse(HEALTH_CHECK_V1, answers),
    };
  });
}

async function* pagesOf<Row>(rows: readonly Row[], size = 64): AsyncGenerator<Row[]> {
  for (let i = 0; i < rows.length; i += size) yield await Promise.resolve(rows.slice(i, i + size));
}

class MemorySink extends Writable {
  readonly parts: Buffer[] = [];
  override _write(chunk: Buffer, _e: BufferEncoding, done: () => void): void {
    this.parts.push(chunk);
    done();
  }
}

/** The waves dataset of an export of `rows` (read again in reverse, as order must not matter). */
async function wavesDataset(
  rows: readonly ExportRow[],
  waves: number,
  variables: readonly string[],
  k: number,
): Promise<ArchiveDataset> {
  const design = exportDesign({
    instrument: HEALTH_CHECK_V1,
    waves: Array.from({ length: waves }, (_, i) => ({ id: `wave-${i}`, name: `Wave ${i}` })),
    organisations,
    variables,
  });
  const anonymised = await anonymiseExport(design, pagesOf(rows), k);
  const about = { kind: 'waves' as const, instrument: HEALTH_CHECK_V1, waves: design.waves };
  return archiveDataset(about, design, anonymised, () => pagesOf([...rows].reverse()));
}

/** The ZIP of these datasets, with its codebook and data.csv read back. */
async function archive(datasets: readonly ArchiveDataset[]) {
  const sink = new MemorySink();
  const written = await writeExportArchive(datasets, sink);
  const files = await zipEntries(Buffer.concat(sink.parts));
  const codebook = JSON.parse(files.get('codebook.json')?.toString('utf8') ?? '{}') as Codebook;
  const csv = files.get('data.csv')?.toString('utf8') ?? '';
  return { written, files, codebook, csv, data: records(csv) };
}

/** An export of survey waves only. */
async function produce(
  rows: readonly ExportRow[],
  waves: number,
  variables: readonly string[],
  k: number,
) {
  return archive([await wavesDataset(rows, waves, variables, k)]);
}

/** An export is refused only when some group (a wave or poll × service) really has 1 to k − 1 rows. */
function someGroupBelowK(groupOfEachRow: readonly string[], k: number): boolean {
  const counts = new Map<string, number>();
  for (const g of groupOfEachRow) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts.values()].some((c) => c < k);
}

/** Every cell of a coded column holds one of the codebook's codes or missing values. */
function expectCodesCoverEveryCell(codebook: Codebook, csv: string): void {
  const table = parseCsv(csv);
  codebook.variables.forEach((v, c) => {
    if (!v.values) return;
    const allowed = new Set([
      ...v.values.map((x) => String(x.value)),
      ...(v.missing ?? []).map((m) => String(m.value)),
    ]);
    for (const r of table.records) expect(allowed).toContain(r[c]);
  });
}

/** data.csv as records keyed by column; an empty cell is null. */
function records(csv: string): Record<string, string | null>[] {
  const table = parseCsv(csv);
  return table.records.map((r) =>
    Object.fromEntries(table.header.map((h, i) => [h, r[i] === '' ? null : (r[i] ?? null)])),
  );
}

describe('research export files', () => {
  it('are k-anonymous and l-diverse when recomputed from data.csv, for random data sets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          n: fc.integer({ min: 40, max: 400 }),
          waves: fc.integer({ min: 1, max: 2 }),
          las: fc.integer({ min: 2, max: 12 }),
          k: fc.integer({ min: 5, max: 12 }),
          variables: fc.subarray(OPTIONS, { minLength: 1 }),
          seed: fc.integer({ min: 1, max: 2 ** 30 }),
        }),
        async ({ n, waves, las, k, variables, seed }) => {
          const rows = syntheticRows(n, waves, las, seed);
          let produced: Awaited<ReturnType<typeof produce>>;
          try {
            produced = await produce(rows, waves, variables, k);
          } catch (error) {
            expect(error).toBeInstanceOf(ImpossibleAnonymisationError);
            expect(
              someGroupBelowK(
                rows.map((r) => `${r.waveId}|${r.service}`),
                k,
              ),
            ).toBe(true);
            return;
          }
          const { files, written, codebook, csv, data } = produced;
          expect([...files.keys()]).toEqual([...EXPORT_FILES]);
          expect(csv.startsWith('\uFEFF')).toBe(true);
          expect(data).toHaveLength(written);
          expect(parseCsv(csv).header).toEqual(codebook.variables.map((v) => v.name));
          expect(checkKAnonymity(data, codebook.quasiIdentifiers, k)).toEqual([]);
          if (codebook.sensitive.length > 0)
            expect(checkLDiversity(data, codebook.quasiIdentifiers, codebook.sensitive, 2)).toEqual(
              [],
            );
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);

  it('describe in the codebook every column of data.csv and nothing else, with labels for each code', async () => {
    const rows = syntheticRows(600, 1, 6, 7);
    const { codebook, csv } = await produce(rows, 1, OPTIONS, 10);
    expect(parseCsv(csv).header).toEqual(codebook.variables.map((v) => v.name));
    expectCodesCoverEveryCell(codebook, csv);
    expect(codebook.variables.find((v) => v.name === 'demands5')).toMatchObject({
      scale: 'demands',
      reversed: true,
      type: 'ordinal',
    });
  }, 60_000);
});

const WELLBEING: PollQuestion = { ...DEMO_WELLBEING, id: 'question-wellbeing' };
const RESEARCH_USE: PollQuestion = { ...DEMO_RESEARCH_USE, id: 'question-research' };
const topic = (i: number): PollQuestion => ({
  id: `question-topic-${i}`,
  type: 'radiogroup',
  name: `topic-of-the-fortnight-number-${i}-with-a-long-name`,
  title: `Topic ${i}?`,
  choices: [
    { value: 'yes', text: 'Yes' },
    { value: 'no', text: 'No' },
  ],
  twoWay: { values: ['yes'], label: 'Yes', restLabel: 'No' },
});
/** Every poll asks the wellbeing question; odd polls the research question; each its own topic. */
const pollsOf = (count: number): ExportPoll[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `poll-${i}`,
    title: i === 1 ? 'Pulse poll' : `Pulse poll ${i}`,
    questions: [WELLBEING, ...(i % 2 === 1 ? [RESEARCH_USE] : []), topic(i)],
  }));

function syntheticPollAnswers(n: number, polls: readonly ExportPoll[], seed: number) {
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, (): PollExportRow => {
    const poll = polls[random.integer(0, polls.length - 1)];
    // Skewed, so some role × region combinations are rare and some classes one-sided.
    const role =
      PANEL_ROLES[Math.min(random.integer(0, 8), PANEL_ROLES.length - 1)]?.value ?? 'other';
    const region =
      ENGLISH_REGIONS[Math.floor(random.next() ** 2 * ENGLISH_REGIONS.length)] ?? 'London';
    const answers = Object.fromEntries(
      poll.questions.map((q) => [
        q.name,
        q.type === 'rating'
          ? random.integer(q.rateMin ?? 1, q.rateMax ?? 5)
          : random.pick((q.choices ?? []).map((c) => [c.value, 1] as const)),
      ]),
    );
    return {
      pollId: poll.id,
      service: SERVICE_KINDS[random.next() < 0.7 ? 0 : 1] ?? 'children',
      role,
      region,
      answers,
    };
  });
}

/** An export of polls, and of waves too when `waveRows` is given. */
async function producePolls(
  polls: readonly ExportPoll[],
  answers: readonly PollExportRow[],
  k: number,
  waveRows: readonly ExportRow[] = [],
) {
  const datasets = waveRows.length > 0 ? [await wavesDataset(waveRows, 1, OPTIONS, k)] : [];
  const design = pollExportDesign(polls);
  const anonymised = await anonymiseExport(design, pagesOf(answers), k);
  datasets.push(
    archiveDataset({ kind: 'polls', polls: design.polls }, design, anonymised, () =>
      pagesOf([...answers].reverse()),
    ),
  );
  return { ...(await archive(datasets)), design };
}

describe('research export files of panel polls', () => {
  it('are k-anonymous and l-diverse when recomputed from data.csv, alone or beside waves, for random data sets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          n: fc.integer({ min: 20, max: 400 }),
          polls: fc.integer({ min: 1, max: 3 }),
          k: fc.integer({ min: 5, max: 12 }),
          withWaves: fc.boolean(),
          seed: fc.integer({ min: 1, max: 2 ** 30 }),
        }),
        async ({ n, polls: count, k, withWaves, seed }) => {
          const polls = pollsOf(count);
          const answers = syntheticPollAnswers(n, polls, seed);
          const waveRows = withWaves ? syntheticRows(300, 1, 4, seed + 1) : [];
          let produced: Awaited<ReturnType<typeof producePolls>>;
          try {
            produced = await producePolls(polls, answers, k, waveRows);
          } catch (error) {
            expect(error).toBeInstanceOf(ImpossibleAnonymisationError);
            expect(
              someGroupBelowK(
                [
                  ...answers.map((a) => `${a.pollId}|${a.service}`),
                  ...waveRows.map((w) => `${w.waveId}|${w.service}`),
                ],
                k,
              ),
            ).toBe(true);
            return;
          }
          const { codebook, csv, data, written } = produced;
          expect(parseCsv(csv).header).toEqual(codebook.variables.map((v) => v.name));
          expect(data).toHaveLength(written);
          expect(codebook.quasiIdentifiers).toEqual(expect.arrayContaining(['poll', 'service']));
          expect(checkKAnonymity(data, codebook.quasiIdentifiers, k)).toEqual([]);
          expect(codebook.sensitive).toEqual(expect.arrayContaining(['pollWellbeingFortnight']));
          expect(checkLDiversity(data, codebook.quasiIdentifiers, codebook.sensitive, 2)).toEqual(
            [],
          );
          // Every row is a response of a wave or an answer to a poll, never both.
          for (const r of data)
            expect([r['wave'] ?? null, r['poll'] ?? null].filter((x) => x !== null)).toHaveLength(
              1,
            );
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);

  it('give each question one column, labelled, empty in the rows of polls that did not ask it', async () => {
    const polls = pollsOf(2);
    const answers = syntheticPollAnswers(400, polls, 11);
    const { codebook, data, csv } = await producePolls(polls, answers, 10);
    const table = parseCsv(csv);
    expect(table.header.slice(0, 3)).toEqual(['row_id', 'poll', 'service']);
    const variable = (name: string) => codebook.variables.find((v) => v.name === name);
    expect(variable('poll')?.values).toEqual([
      { value: 1, label: 'Pulse poll 0' },
      { value: 2, label: 'Pulse poll' },
    ]);
    expect(codebook.polls).toEqual([
      { value: 1, title: 'Pulse poll 0' },
      { value: 2, title: 'Pulse poll' },
    ]);
    expect(variable('pollWellbeingFortnight')).toMatchObject({
      label: DEMO_WELLBEING.title,
      type: 'ordinal',
      role: 'poll-answer',
      askedIn: [1, 2],
      sensitive: true,
      values: [
        { value: 1, label: '1 (Very poor)' },
        { value: 2, label: '2' },
        { value: 3, label: '3' },
        { value: 4, label: '4' },
        { value: 5, label: '5 (Very good)' },
      ],
    });
    expect(variable('pollResearchUse')).toMatchObject({
      type: 'categorical',
      askedIn: [2],
      values: DEMO_RESEARCH_USE.choices?.map((c, i) => ({ value: i + 1, label: c.text })),
    });
    // Names SPSS, Stata and R take as they are: a letter first, no dashes, at most 32 characters.
    for (const name of table.header) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
    const research = data.filter((r) => r['pollResearchUse'] !== null);
    expect(research.length).toBeGreaterThan(0);
    expect(new Set(research.map((r) => r['poll']))).toEqual(new Set(['2']));
    expectCodesCoverEveryCell(codebook, csv);
  }, 60_000);

  it('put wave and poll columns side by side, each empty in the other’s rows, as the codebook says', async () => {
    const polls = pollsOf(1);
    const { codebook, data } = await producePolls(
      polls,
      syntheticPollAnswers(200, polls, 5),
      10,
      syntheticRows(300, 1, 4, 9),
    );
    const names = codebook.variables.map((v) => v.name);
    expect(names.slice(0, 4)).toEqual(['row_id', 'wave', 'poll', 'service']);
    expect(names.filter((n) => n === 'service')).toHaveLength(1);
    expect(codebook.instrument).toEqual({
      key: HEALTH_CHECK_V1.key,
      version: HEALTH_CHECK_V1.version,
      title: HEALTH_CHECK_V1.title,
    });
    const variable = (name: string) => codebook.variables.find((v) => v.name === name);
    expect(variable('wave')?.missing).toEqual([
      { value: '', label: 'Empty in poll answers (rows with a poll)' },
    ]);
    expect(variable('pollWellbeingFortnight')?.missing?.[0]?.label).toMatch(
      /; empty in survey responses \(rows with a wave\)$/,
    );
    const pollRows = data.filter((r) => r['poll'] !== null);
    const waveRows = data.filter((r) => r['wave'] !== null);
    expect(pollRows.length + waveRows.length).toBe(data.length);
    expect(pollRows.every((r) => r['demands1'] === null && r['wave'] === null)).toBe(true);
    expect(waveRows.every((r) => r['pollWellbeingFortnight'] === null)).toBe(true);
    expect(
      codebook.anonymisation.quasiIdentifiers.filter((q) => q.variable === 'service'),
    ).toHaveLength(1);
    expect(codebook.anonymisation.rows).toBe(data.length);
  }, 60_000);

  it('refuses to merge two datasets whose columns of one name mean different things', () => {
    const dataset = (kind: 'waves' | 'polls', label: string): ArchiveDataset => ({
      about:
        kind === 'waves' ? { kind, instrument: HEALTH_CHECK_V1, waves: [] } : { kind, polls: [] },
      variables: [{ name: 'service', label, type: 'categorical', role: 'design' }],
      report: {
        k: 10,
        l: 2,
        maxSuppressedShare: 0.05,
        rows: 0,
        rowsSuppressed: 0,
        rowsWithheld: 0,
        quasiIdentifiers: [],
        sensitive: [],
        cellsChanged: 0,
      },
      released: async function* () {},
    });
    expect(
      mergeColumns([dataset('waves', 'Service'), dataset('polls', 'Service')]).variables,
    ).toHaveLength(1);
    expect(() => mergeColumns([dataset('waves', 'Service'), dataset('polls', 'Team')])).toThrow(
      'Column service means different things',
    );
  });
});
