import { performance } from 'node:perf_hooks';

/** Runs `fn` `runs` times and returns the median wall time in ms and the last result. */
export function timeMedian<T>(runs: number, fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    value = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value: value as T };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
