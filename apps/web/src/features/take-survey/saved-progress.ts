import type { Answers } from '@swhc/contracts';

/**
 * A respondent's progress on one link, kept in localStorage so a reload (or a phone that drops the tab)
 * resumes where they were. Nothing here identifies the person; it is cleared once the server acknowledges.
 *
 * `pending` is an attempt to send: the answers are frozen together with the submission id the moment the
 * person presses Complete. Every retry sends exactly that pair, so the server can recognise a repeat and
 * store it once, even across reloads.
 */
export interface SavedProgress {
  /** Answers belong to one wave and instrument version; anything else is thrown away. */
  waveId: string;
  instrument: string;
  answers: Answers;
  pageNo: number;
  pending?: PendingSubmission;
  /**
   * When the wave closes (ISO): saved answers are of no use after it, and on a shared computer
   * they should not linger, so they are thrown away then.
   */
  expiresAt?: string;
}

export interface PendingSubmission {
  submissionId: string;
  answers: Answers;
}

const VERSION = 1;
const keyFor = (code: string) => `${PREFIX}${code}`;

export interface ProgressStore {
  load(code: string, waveId: string, instrument: string): SavedProgress | undefined;
  save(code: string, progress: SavedProgress): void;
  clear(code: string): void;
  /** Forgets every saved survey on this device whose wave has closed. */
  sweepExpired(): void;
}

const PREFIX = 'swhc:survey:';

/** localStorage may be missing, full or blocked (private modes): the survey must still work without it. */
export function createProgressStore(
  storage: Storage | undefined = safeLocalStorage(),
  now: () => number = Date.now,
): ProgressStore {
  const expired = (progress: SavedProgress) =>
    progress.expiresAt !== undefined && Date.parse(progress.expiresAt) <= now();
  return {
    load(code, waveId, instrument) {
      if (!storage) return undefined;
      let raw: string | null;
      try {
        raw = storage.getItem(keyFor(code));
      } catch {
        return undefined;
      }
      if (!raw) return undefined;
      const parsed = parse(raw);
      if (
        !parsed ||
        parsed.waveId !== waveId ||
        parsed.instrument !== instrument ||
        expired(parsed)
      ) {
        this.clear(code);
        return undefined;
      }
      return parsed;
    },
    sweepExpired() {
      if (!storage) return;
      try {
        const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
          (key): key is string => key?.startsWith(PREFIX) === true,
        );
        for (const key of keys) {
          const parsed = parse(storage.getItem(key) ?? '');
          if (parsed && expired(parsed)) storage.removeItem(key);
        }
      } catch {
        // Blocked storage: nothing was saved there either.
      }
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
  if (!isRecord(value) || value['v'] !== VERSION) return undefined;
  const { waveId, instrument, answers, pageNo, pending, expiresAt } = value;
  if (typeof waveId !== 'string' || typeof instrument !== 'string') return undefined;
  if (!isAnswers(answers) || typeof pageNo !== 'number' || !Number.isInteger(pageNo))
    return undefined;
  const progress: SavedProgress = { waveId, instrument, answers, pageNo: Math.max(0, pageNo) };
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
