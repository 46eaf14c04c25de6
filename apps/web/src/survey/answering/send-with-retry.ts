import type { SurveyResponseRequest } from '@swhc/contracts';
import type { SendResponseResult } from '../../api';

/** Every outcome except "try again": the loop only ends with one of these (or when aborted). */
export type SettledResult = Exclude<SendResponseResult, { kind: 'retryable' }>;

export interface RetryStatus {
  /** Attempts that have failed so far. */
  failures: number;
  /** When the next attempt starts (ms since epoch). */
  nextAttemptAt: number;
}

export interface SendWithRetryOptions {
  send: (request: SurveyResponseRequest) => Promise<SendResponseResult>;
  request: SurveyResponseRequest;
  signal: AbortSignal;
  /** Resolves after `ms`, or earlier when woken (back online, "try now") or aborted. */
  wait: (ms: number, signal: AbortSignal) => Promise<void>;
  onRetrying?: (status: RetryStatus) => void;
  backoff?: (failures: number) => number;
  now?: () => number;
}

/**
 * Exponential backoff with jitter, 1 s doubling to a 15 s ceiling. Jitter spreads out many phones that
 * lost the same Wi-Fi at once; the ceiling keeps a respondent who is back online from waiting long.
 */
export function defaultBackoff(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(15_000, 1_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Sends the same request (same submission id, same answers) until the server gives an answer that is not
 * "try again". Because the request never changes, the server stores it once however many attempts reach it.
 */
export async function sendWithRetry({
  send,
  request,
  signal,
  wait,
  onRetrying,
  backoff = defaultBackoff,
  now = Date.now,
}: SendWithRetryOptions): Promise<SettledResult | { kind: 'aborted' }> {
  for (let failures = 0; ;) {
    if (signal.aborted) return { kind: 'aborted' };
    const result = await send(request);
    if (result.kind !== 'retryable') return result;
    failures += 1;
    if (signal.aborted) return { kind: 'aborted' };
    const delay = backoff(failures);
    onRetrying?.({ failures, nextAttemptAt: now() + delay });
    await wait(delay, signal);
  }
}

/** A wait that can be cut short: by `wake()` (the browser is back online, or "Try again now"). */
export interface Waker {
  wait: (ms: number, signal: AbortSignal) => Promise<void>;
  wake: () => void;
}

export function createWaker(): Waker {
  const sleepers = new Set<() => void>();
  return {
    wait: (ms, signal) =>
      new Promise((resolve) => {
        const done = () => {
          window.clearTimeout(timer);
          sleepers.delete(done);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = window.setTimeout(done, ms);
        sleepers.add(done);
        signal.addEventListener('abort', done, { once: true });
      }),
    wake: () => {
      for (const done of [...sleepers]) done();
    },
  };
}
