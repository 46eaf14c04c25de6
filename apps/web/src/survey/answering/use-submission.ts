import type { Answers, FieldError } from '@swhc/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SendResponseResult } from '../../api';
import type { PendingSubmission, ProgressStore, SavedProgress } from './saved-progress';
import { createWaker, sendWithRetry, type SettledResult } from './send-with-retry';
import { newSubmissionId } from './submission-id';

export type SubmissionState =
  | { phase: 'editing'; serverErrors?: FieldError[]; problem?: string }
  | { phase: 'sending'; failures: number; nextAttemptAt?: number }
  | { phase: 'acknowledged'; alreadyReceived: boolean }
  | { phase: 'closed'; replaced: boolean }
  | { phase: 'not-found' };

export interface UseSubmissionOptions {
  /** Where the progress is saved in the store (a link code, a poll id). */
  storeKey: string;
  /** What the answers belong to (see SavedProgress.tag). */
  tag: string;
  /** When saved answers stop being of use (ISO; the wave's or poll's closing time). */
  expiresAt?: string;
  store: ProgressStore;
  /** Progress found in storage when the page opened (a pending attempt there is resumed at once). */
  saved: SavedProgress | undefined;
  /** One attempt to send; the result says whether to try again. */
  send: (request: { submissionId: string; answers: Answers }) => Promise<SendResponseResult>;
}

/**
 * The life of one response on its way to the server. Decisions (see apps/web/README.md):
 * - The submission id is created when the person presses "Send answers" and stored with a frozen copy
 *   of the answers. Reloads, double clicks and retries resend exactly that pair, so it is stored once.
 * - Network errors and 5xx are retried with backoff until the server answers, and at once when the
 *   browser comes back online.
 * - 400 (or another 4xx): the server stored nothing. The attempt is dropped, the errors are shown, and
 *   the next press of "Send answers" makes a new attempt with a new id.
 * - 409 means this id is already stored with other answers. Our ids are never reused for other answers,
 *   so this can only be an earlier send from this browser (e.g. another tab); sending again under a new
 *   id would count one person twice, so we treat it as received and say so.
 */
export function useSubmission({
  storeKey: code,
  tag,
  expiresAt,
  store,
  saved,
  send,
}: UseSubmissionOptions) {
  const [state, setState] = useState<SubmissionState>(
    saved?.pending ? { phase: 'sending', failures: 0 } : { phase: 'editing' },
  );
  const progress = useRef<SavedProgress>({
    ...(saved ?? { tag, answers: {}, pageNo: 0 }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  });
  const inFlight = useRef<AbortController | null>(null);
  const waker = useMemo(() => createWaker(), []);

  const run = useCallback(
    async (pending: PendingSubmission) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ phase: 'sending', failures: 0 });
      const result = await sendWithRetry({
        send,
        request: pending,
        signal: controller.signal,
        wait: waker.wait,
        onRetrying: ({ failures, nextAttemptAt }) => {
          if (!controller.signal.aborted) setState({ phase: 'sending', failures, nextAttemptAt });
        },
      });
      if (result.kind === 'aborted' || controller.signal.aborted) return;
      inFlight.current = null;
      const settle = (outcome: SettledResult): SubmissionState => {
        switch (outcome.kind) {
          case 'accepted':
          case 'conflict':
            store.clear(code);
            return { phase: 'acknowledged', alreadyReceived: outcome.kind === 'conflict' };
          case 'closed':
            store.clear(code);
            return { phase: 'closed', replaced: outcome.replaced };
          case 'not-found':
            store.clear(code);
            return { phase: 'not-found' };
          case 'invalid':
          case 'rejected': {
            // The server stored nothing: the next press of "Send answers" starts a new attempt.
            const rest = { ...progress.current };
            delete rest.pending;
            progress.current = rest;
            store.save(code, rest);
            return outcome.kind === 'invalid'
              ? { phase: 'editing', serverErrors: outcome.errors, problem: outcome.message }
              : { phase: 'editing', problem: outcome.message };
          }
        }
      };
      setState(settle(result));
    },
    [code, send, store, waker],
  );

  /** Resume an attempt that was under way when the page was closed or reloaded. */
  useEffect(() => {
    const pending = progress.current.pending;
    if (pending) void run(pending);
    return () => inFlight.current?.abort();
  }, [run]);

  /** Retry at once when the browser says the network is back. */
  useEffect(() => {
    window.addEventListener('online', waker.wake);
    return () => window.removeEventListener('online', waker.wake);
  }, [waker]);

  const saveProgress = useCallback(
    (answers: Answers, pageNo: number) => {
      if (progress.current.pending) return; // answers are frozen while an attempt is under way
      progress.current = { ...progress.current, answers, pageNo };
      store.save(code, progress.current);
    },
    [code, store],
  );

  const submit = useCallback(
    (answers: Answers) => {
      // A second press while an attempt is under way is the same submission, not a new one.
      if (progress.current.pending) return;
      const pending = { submissionId: newSubmissionId(), answers };
      progress.current = { ...progress.current, answers, pending };
      store.save(code, progress.current);
      void run(pending);
    },
    [code, store, run],
  );

  return { state, saveProgress, submit, retryNow: waker.wake };
}
