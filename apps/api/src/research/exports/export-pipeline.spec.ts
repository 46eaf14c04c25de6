import { Writable } from 'node:stream';
import { SERVICE_KINDS } from '@swhc/contracts';
import { parseCsv } from '@swhc/csv';
import { checkKAnonymity, checkLDiversity, ImpossibleAnonymisationError } from '@swhc/disclosure';
import { HEALTH_CHECK_V1, scoreResponse } from '@swhc/instruments';
import fc from 'fast-check';
import { SeededRandom } from '../../demo/seeded-random';
import { randomUnitProfile, syntheticAnswers } from '../../demo/synthetic-responses';
import { anonymiseExport } from './anonymised-export';
import { EXPORT_FILES, writeExportArchive } from './export-archive';
import {
  exportDesign,
  exportVariableOptions,
  type ExportOrganisation,
  type ExportRow,
} from './export-design';
import type { Codebook } from './files/codebook';
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

async function* pagesOf(rows: readonly ExportRow[], size = 64): AsyncGenerator<ExportRow[]> {
  for (let i = 0; i < rows.length; i += size) yield await Promise.resolve(rows.slice(i, i + size));
}

class MemorySink extends Writable {
  readonly parts: Buffer[] = [];
  override _write(chunk: Buffer, _e: BufferEncoding, done: () => void): void {
    this.parts.push(chunk);
    done();
  }
}

async function produce(
  rows: readonly ExportRow[],
  waves: number,
  variables: readonly string[],
  k: number,
) {
  const design = exportDesign({
    instrument: HEALTH_CHECK_V1,
    waves: Array.from({ length: waves }, (_, i) => ({ id: `wave-${i}`, name: `Wave ${i}` })),
    organisations,
    variables,
  });
  const anonymised = await anonymiseExport(design, pagesOf(rows), k);
  const sink = new MemorySink();
  const written = await writeExportArchive(design, anonymised, pagesOf([...rows].reverse()), sink);
  const files = await zipEntries(Buffer.concat(sink.parts));
  return { anonymised, written, files };
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
            // Refused only when some wave × service really has 1 to k − 1 rows.
            expect(error).toBeInstanceOf(ImpossibleAnonymisationError);
            const counts = new Map<string, number>();
            for (const r of rows)
              counts.set(
                `${r.waveId}|${r.service}`,
                (counts.get(`${r.waveId}|${r.service}`) ?? 0) + 1,
              );
            expect([...counts.values()].some((c) => c < k)).toBe(true);
            return;
          }
          const { files, written } = produced;
          expect([...files.keys()]).toEqual([...EXPORT_FILES]);
          const codebook = JSON.parse(
            files.get('codebook.json')?.toString('utf8') ?? '{}',
          ) as Codebook;
          const csv = files.get('data.csv')?.toString('utf8') ?? '';
          expect(csv.startsWith('\uFEFF')).toBe(true);
          const data = records(csv);
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
    const { files } = await produce(rows, 1, OPTIONS, 10);
    const codebook = JSON.parse(files.get('codebook.json')?.toString('utf8') ?? '{}') as Codebook;
    const table = parseCsv(files.get('data.csv')?.toString('utf8') ?? '');
    expect(table.header).toEqual(codebook.variables.map((v) => v.name));
    codebook.variables.forEach((v, c) => {
      if (!v.values) return;
      const allowed = new Set([
        ...v.values.map((x) => String(x.value)),
        ...(v.missing ?? []).map((m) => String(m.value)),
      ]);
      for (const r of table.records) expect(allowed).toContain(r[c]);
    });
    expect(codebook.variables.find((v) => v.name === 'demands5')).toMatchObject({
      scale: 'demands',
      reversed: true,
      type: 'ordinal',
    });
  }, 60_000);
});
