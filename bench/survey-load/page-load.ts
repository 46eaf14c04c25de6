import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';

/** Chrome DevTools' "Fast 3G" preset (bytes per second and milliseconds, as DevTools sets them). */
export const FAST_3G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};

/** DevTools' "4× slowdown" of the CPU, its usual stand-in for a mid-range phone. */
export const MOBILE_CPU_SLOWDOWN = 4;

export interface Visit {
  readonly ms: number;
  readonly bytes: number;
  readonly requests: number;
}

export interface VisitOptions {
  /** Refuse compression (`Accept-Encoding: identity`): the bytes the page cost uncompressed. */
  readonly identity: boolean;
  /** Fill the cache on a fast network first; only the measured visit is throttled. */
  readonly warm: boolean;
  /** What must be visible for the visit to count as done (the first question's options). */
  readonly ready: string;
  /** Slow the page's CPU this many times (1: as the machine runs it). */
  readonly cpuSlowdown?: number;
}

/**
 * Opens `url` in a fresh browser context on Fast 3G (and a slowed CPU if asked); returns the time
 * until `ready` is visible and the bytes received.
 */
export async function visit(browser: Browser, url: string, options: VisitOptions): Promise<Visit> {
  const context = await browser.newContext(
    options.identity ? { extraHTTPHeaders: { 'Accept-Encoding': 'identity' } } : {},
  );
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (options.warm) {
      await page.goto(url);
      await page.locator(options.ready).first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.goto('about:blank');
    }
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    if (options.cpuSlowdown && options.cpuSlowdown > 1) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
    }
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      requests += 1;
    });
    const start = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(options.ready).first().waitFor({ state: 'visible', timeout: 120_000 });
    const ms = Date.now() - start;
    return { ms, bytes, requests };
  } finally {
    await context.close();
  }
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Debian's Chromium, headless, as the browser tests run it. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'],
};

/** One line of the table: a kind of visit, to one address. */
export interface VisitKind extends VisitOptions {
  readonly name: string;
  readonly url: string;
}

/**
 * Each kind of visit `runs` times, one after another: a table row of medians per kind (seconds to
 * the first question, kB received, requests) and the median times in milliseconds.
 */
export async function measureVisits(
  browser: Browser,
  kinds: readonly VisitKind[],
  runs: number,
): Promise<{ rows: string[][]; medianMs: number[] }> {
  const rows: string[][] = [];
  const medianMs: number[] = [];
  for (const kind of kinds) {
    const visits: Visit[] = [];
    for (let i = 0; i < runs; i++) visits.push(await visit(browser, kind.url, kind));
    const ms = median(visits.map((v) => v.ms));
    medianMs.push(ms);
    rows.push([
      kind.name,
      (ms / 1000).toFixed(2),
      (median(visits.map((v) => v.bytes)) / 1000).toFixed(0),
      String(median(visits.map((v) => v.requests))),
    ]);
  }
  return { rows, medianMs };
}

export const VISIT_COLUMNS = ['visit', 'first question (s)', 'kB received', 'requests'];

/** The closing line: the load average after, and whether `ms` meets `targetMs`. */
export const targetLine = (what: string, ms: number, targetMs: number): string =>
  `load average after ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; target: ${what} ≤ ${targetMs / 1000} s ` +
  `(${(ms / 1000).toFixed(2)} s: ${ms <= targetMs ? 'met' : 'NOT met'})`;
