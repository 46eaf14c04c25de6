import type { Answers } from '@swhc/contracts';

/**
 * A respondent's progress on one survey (a health check link, a panel poll), kept in localStorage so a
 * reload (or a phone that drops the tab) resumes where they were. Nothing here identifies the person;
 * it is cleared once the server acknowledges.
 *
 * `pending` is an attempt to send: the answers are frozen together with the submission id the moment the
 * person presses Complete. Every retry sends exactly that pair, so the server can recognise a repeat and
 * store it once, even across reloads.
 */
export interface SavedProgress {
  /**
   * What the answers belong to, e.g. a wave and instrument version (`surveyProgressTag`) or a poll:
   * progress saved under another tag is thrown away.
   */
  tag: string;
  answers: Answers;
  pageNo: number;
  pending?: PendingSubmission;
  /**
   * When the answers stop being of use (ISO; a wave's or poll's closing time): on a shared computer
   * they should not linger, so they are thrown away then.
   */
  expiresAt?: string;
}

/** The tag of a health check's progress: its wave and instrument version. */
export const surveyProgressTag = (waveId: string, instrument: string): string =>
  `${waveId}|${instrument}`;

export interface PendingSubmission {
  submissionId: string;
  answers: Answers;
}

const VERSION = 2;

export interface ProgressStore {
  load(key: string, tag: string): SavedProgress | undefined;
  save(key: string, progress: SavedProgress): void;
  clear(key: string): void;
  /** Forgets every saved survey of this namespace on this device whose closing time has passed. */
  sweepExpired(): void;
}

/**
 * localStorage may be missing, full or blocked (private modes): the survey must still work without it.
 * `namespace` keeps kinds of survey apart: entries are `swhc:<namespace>:<key>` (e.g. a link code).
 */
export function createProgressStore(
  storage: Storage | undefined = safeLocalStorage(),
  namespace = 'survey',
  now: () => number = Date.now,
): ProgressStore {
  const prefix = `swhc:${namespace}:`;
  const keyFor = (key: string) => `${prefix}${key}`;
  const expired = (progress: SavedProgress) =>
    progress.expiresAt !== undefined && Date.parse(progress.expiresAt) <= now();
  return {
    load(code, tag) {
      if (!storage) return undefined;
      let raw: string | null;
      try {
        raw = storage.getItem(keyFor(code));
      } catch {
        return undefined;
      }
      if (!raw) return undefined;
      const parsed = parse(raw);
      if (!parsed || parsed.tag !== tag || expired(parsed)) {
        this.clear(code);
        return undefined;
      }
      return parsed;
    },
    save(code, progress) {
      try {
        storage?.setItem(keyFor(code), JSON.stringify({ v: VERSION, ...progress }));
      } catch {
        // Quota or privacy mode: losing resume is better than breaking the survey.
      }
    },
    clear(code) {
      try {
        storage?.removeItem(keyFor(code));
      } catch {
        // As above.
      }
    },
    sweepExpired() {
      if (!storage) return;
      try {
        const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
          (key): key is string => key?.startsWith(prefix) === true,
        );
        for (const key of keys) {
          const parsed = parse(storage.getItem(key) ?? '');
          if (parsed && expired(parsed)) storage.removeItem(key);
        }
      } catch {
        // Blocked storage: nothing was saved there either.
      }
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

function parse(raw: string): SavedProgress | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const { answers, pageNo, pending, expiresAt } = value;
  // Version 1 (health check links only) named the wave and instrument: a pending attempt saved by
  // the release before must still be sent.
  const tag =
    value['v'] === VERSION
      ? value['tag']
      : value['v'] === 1 &&
          typeof value['waveId'] === 'string' &&
          typeof value['instrument'] === 'string'
        ? surveyProgressTag(value['waveId'], value['instrument'])
        : undefined;
  if (typeof tag !== 'string') return undefined;
  if (!isAnswers(answers) || typeof pageNo !== 'number' || !Number.isInteger(pageNo))
    return undefined;
  const progress: SavedProgress = { tag, answers, pageNo: Math.max(0, pageNo) };
  if (typeof expiresAt === 'string' && !Number.isNaN(Date.parse(expiresAt)))
    progress.expiresAt = expiresAt;
  if (
    isRecord(pending) &&
    typeof pending['submissionId'] === 'string' &&
    isAnswers(pending['answers'])
  ) {
    progress.pending = { submissionId: pending['submissionId'], answers: pending['answers'] };
  }
  return progress;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAnswers(value: unknown): value is Answers {
  if (!isRecord(value)) return false;
  return Object.values(value).every(
    (v) =>
      typeof v === 'number' ||
      typeof v === 'string' ||
      (Array.isArray(v) && v.every((item) => typeof item === 'string')),
  );
}
