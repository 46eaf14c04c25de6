import type { TestClock } from 'pg-boss';

const STEP_MS = 15_000;

/** Moves the test clock on in 15 s steps until `done` holds (pg-boss's timers fire only on ticks). */
export async function tickUntil(
  clock: TestClock,
  done: () => Promise<boolean>,
  limitMs: number,
): Promise<void> {
  for (let elapsed = 0; elapsed <= limitMs; elapsed += STEP_MS) {
    if (await done()) return;
    await clock.tick(STEP_MS);
  }
  throw new Error(`not done within ${limitMs / 60_000} minutes of clock time`);
}
