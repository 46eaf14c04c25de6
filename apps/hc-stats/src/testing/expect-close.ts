/**
 * Relative closeness with an absolute floor for values near 0: |a − e| ≤ rel · max(|e|, floor).
 * Reports the path of the first value that is off, so a failing test says which statistic moved.
 */
export function expectClose(
  actual: unknown,
  expected: unknown,
  rel: number,
  floor = 1,
  path = '$',
): void {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number')
      throw new Error(`${path}: expected a number, got ${JSON.stringify(actual)}`);
    const diff = Math.abs(actual - expected);
    if (!(diff <= rel * Math.max(Math.abs(expected), floor))) {
      throw new Error(
        `${path}: ${actual} differs from R's ${expected} by ${diff.toExponential(2)} (tolerance ${rel} relative)`,
      );
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      throw new Error(
        `${path}: expected an array of ${expected.length}, got ${JSON.stringify(actual)?.slice(0, 80)}`,
      );
    }
    expected.forEach((e, i) => expectClose(actual[i], e, rel, floor, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null)
      throw new Error(`${path}: expected an object`);
    for (const [key, e] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], e, rel, floor, `${path}.${key}`);
    }
    return;
  }
  if (actual !== expected) {
    throw new Error(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
