import type { SurveyResponseRequest } from '@swhc/contracts';
import type { SendResponseResult } from '../../api';
import { createWaker, defaultBackoff, sendWithRetry } from './send-with-retry';

const request: SurveyResponseRequest = {
  submissionId: '0b6f3c2e-1a54-4d7e-9c8b-2f1e0d9c8b7a',
  answers: { d1: 3 },
};
const noWait = () => Promise.resolve();

function scripted(...results: SendResponseResult[]) {
  const send = vi.fn((_: typeof request) => {
    const next = results.shift();
    if (!next) throw new Error('send called more often than scripted');
    return Promise.resolve(next);
  });
  return send;
}

describe('sendWithRetry', () => {
  it('retries network errors and 5xx with the very same request until acknowledged', async () => {
    const send = scripted(
      { kind: 'retryable' },
      { kind: 'retryable', status: 503 },
      { kind: 'accepted', receipt: { submissionId: request.submissionId } },
    );
    const retrying = vi.fn();

    const result = await sendWithRetry({
      send,
      request,
      signal: new AbortController().signal,
      wait: noWait,
      onRetrying: retrying,
    });

    expect(result).toEqual({ kind: 'accepted', receipt: { submissionId: request.submissionId } });
    expect(send).toHaveBeenCalledTimes(3);
    for (const [sent] of send.mock.calls) expect(sent).toBe(request);
    expect(
      retrying.mock.calls.map(([status]) => (status as { failures: number }).failures),
    ).toEqual([1, 2]);
  });

  it('stops at once on an answer that retrying cannot change', async () => {
    const send = scripted({
      kind: 'invalid',
      message: 'Invalid answers',
      errors: [{ field: 'answers.d1', message: 'must be 1 to 5' }],
    });

    const result = await sendWithRetry({
      send,
      request,
      signal: new AbortController().signal,
      wait: noWait,
    });

    expect(result.kind).toBe('invalid');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('waits longer after each failure, within a ceiling', async () => {
    const send = scripted(
      { kind: 'retryable' },
      { kind: 'retryable' },
      { kind: 'retryable' },
      { kind: 'conflict' },
    );
    const waits: number[] = [];

    await sendWithRetry({
      send,
      request,
      signal: new AbortController().signal,
      wait: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      backoff: (failures) => defaultBackoff(failures, () => 1),
    });

    expect(waits).toEqual([1000, 2000, 4000]);
    expect(defaultBackoff(20, () => 1)).toBe(15_000);
    expect(defaultBackoff(1, () => 0)).toBe(500);
  });

  it('gives up quietly when the page goes away', async () => {
    const controller = new AbortController();
    const send = scripted({ kind: 'retryable' });

    const result = await sendWithRetry({
      send,
      request,
      signal: controller.signal,
      wait: () => {
        controller.abort();
        return Promise.resolve();
      },
    });

    expect(result).toEqual({ kind: 'aborted' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('createWaker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ends a wait when the time is up, or earlier when woken', async () => {
    const waker = createWaker();
    const signal = new AbortController().signal;
    let done = false;
    void waker.wait(10_000, signal).then(() => (done = true));

    await vi.advanceTimersByTimeAsync(5_000);
    expect(done).toBe(false);
    waker.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);

    let second = false;
    void waker.wait(1_000, signal).then(() => (second = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(second).toBe(true);
  });
});
