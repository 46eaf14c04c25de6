/**
 * `npm run bench:export`: a research export of 10,000 and of 100,000 responses, on real PostgreSQL.
 *
 * For each size: a fresh database (on DATABASE_URL's server, or a throw-away PostgreSQL 15), the
 * built app (`npm run build` first) started as `npm start` starts it, synthetic responses from the
 * demo's model over 150 LAs × 2 closed waves × 2 services, then one export of both waves, every
 * variable, requested over HTTP as a researcher and run by the app's job queue. Printed per size:
 * rows, time from request to ready, rows/s, the app's resident memory before the export, its peak
 * during the export (the kernel's high-water mark, VmHWM, reset just before the export is requested)
 * and since start, and the ZIP's size. Goal: the peak during the export grows by less than 50 MB
 * from 10,000 to 100,000 rows (the export streams). Never part of npm test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ResearchExportStatus } from '@swhc/contracts';
import { startBuiltApp } from '../../test/support/app-server';
import { createDatabaseOn, dropDatabaseOn } from '../../test/support/test-database';
import {
  benchSignIn,
  createBenchAccounts,
  loadSyntheticResponses,
} from '../support/load-synthetic-responses';
import { printTable } from '../support/print-table';
import { startThrowawayPostgres } from '../../test/support/throwaway-postgres';

const SIZES = [10_000, 100_000];
/** Extra Node options for the app, e.g. BENCH_APP_NODE_OPTIONS=--max-old-space-size=96 to see
 * whether a peak is garbage not yet collected or memory held. */
const APP_NODE_OPTIONS = process.env['BENCH_APP_NODE_OPTIONS'] ?? '';
const LAS = 150;
const EMAIL = 'bench-researcher@bench.test';
const PASSWORD = 'bench password for research exports';
const MB = 1024 * 1024;

/** A line of /proc/<pid>/status in bytes (Linux only). */
function memoryOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  const kB = Number(/(\d+)\s*kB/.exec(line ?? '')?.[1]);
  if (!Number.isFinite(kB)) throw new Error(`no ${field} for process ${pid}`);
  return kB * 1024;
}

/**
 * Resets the process's high-water mark (VmHWM) to its current RSS (Linux's clear_refs "5"), so that
 * the peak read afterwards is the export's, not the start-up's or the data loading's.
 */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

interface Measured {
  readonly rows: number;
  readonly seconds: number;
  readonly rssBefore: number;
  /** Since the app started (start-up, data loading and the export). */
  readonly peakSinceStart: number;
  /** Since the high-water mark was reset just before the export was requested. */
  readonly peak: number;
  readonly zipBytes: number;
}

async function measure(server: string, responses: number): Promise<Measured> {
  const databaseUrl = await createDatabaseOn(server, 'swhc_bench_export');
  let app: Awaited<ReturnType<typeof startBuiltApp>> | null = null;
  try {
    app = await startBuiltApp(databaseUrl, {
      timeoutMs: 180_000,
      env: { NODE_OPTIONS: APP_NODE_OPTIONS },
    });
    const { waveIds } = await loadSyntheticResponses(databaseUrl, { las: LAS, responses });
    await createBenchAccounts(databaseUrl, [EMAIL], 'researcher', PASSWORD);
    const cookie = await benchSignIn(app.baseUrl, EMAIL, PASSWORD);
    const headers = { Cookie: cookie, Origin: app.baseUrl, 'Content-Type': 'application/json' };
    const peakSinceStart = memoryOf(app.pid, 'VmHWM');
    resetPeak(app.pid);
    const rssBefore = memoryOf(app.pid, 'VmRSS');
    const started = performance.now();
    const created = await fetch(`${app.baseUrl}/api/research/exports`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ waves: waveIds }),
    });
    if (created.status !== 201) throw new Error(`export request answered ${created.status}`);
    const { id } = (await created.json()) as { id: string };
    let status: ResearchExportStatus;
    for (let failures = 0; ;) {
      let res: Response;
      try {
        res = await fetch(`${app.baseUrl}/api/research/exports/${id}`, { headers });
      } catch (error) {
        // A kept-alive connection the server closed as the request went out: ask again.
        if (++failures > 5) throw error;
        continue;
      }
      status = (await res.json()) as ResearchExportStatus;
      if (status.state !== 'queued' && status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    if (status.state !== 'ready')
      throw new Error(`the export ended ${status.state}: ${status.reason}`);
    const zip = await fetch(`${app.baseUrl}/api/research/exports/${id}/download`, { headers });
    const zipBytes = (await zip.arrayBuffer()).byteLength;
    const peak = memoryOf(app.pid, 'VmHWM');
    return {
      rows: status.anonymisation?.rows ?? 0,
      seconds,
      rssBefore,
      peakSinceStart: Math.max(peakSinceStart, peak),
      peak,
      zipBytes,
    };
  } catch (error) {
    console.error(`The app's log ends:\n${app?.output().slice(-3000) ?? ''}`);
    throw error;
  } finally {
    await app?.stop();
    await dropDatabaseOn(server, databaseUrl).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'];
  const throwaway = serverUrl ? null : await startThrowawayPostgres();
  const server = serverUrl ?? throwaway?.url ?? '';
  console.log(serverUrl ? 'PostgreSQL from DATABASE_URL' : `Throw-away PostgreSQL 15 at ${server}`);
  if (APP_NODE_OPTIONS) console.log(`App started with NODE_OPTIONS=${APP_NODE_OPTIONS}`);
  try {
    const results: Measured[] = [];
    for (const size of SIZES) results.push(await measure(server, size));
    const mb = (bytes: number) => (bytes / MB).toFixed(1);
    printTable(
      [
        'responses',
        'rows exported',
        'seconds',
        'rows/s',
        'RSS before MB',
        'peak during export MB',
        'peak since start MB',
        'ZIP MB',
      ],
      results.map((r, i) => [
        (SIZES[i] ?? 0).toLocaleString('en-GB'),
        r.rows.toLocaleString('en-GB'),
        r.seconds.toFixed(1),
        (r.rows / r.seconds).toFixed(0),
        mb(r.rssBefore),
        mb(r.peak),
        mb(r.peakSinceStart),
        mb(r.zipBytes),
      ]),
    );
    const growth = (results[1]?.peak ?? 0) - (results[0]?.peak ?? 0);
    console.log(
      `\nGoal: the peak RSS during the export grows by < 50 MB from 10,000 to 100,000 rows: ${growth < 50 * MB ? 'met' : 'NOT met'} (${mb(growth)} MB).`,
    );
  } finally {
    throwaway?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
