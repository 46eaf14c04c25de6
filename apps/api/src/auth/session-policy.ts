import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '../common/secret-token';

/** How long a session may sit unused before it ends (sliding). */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** How long a session may last however active it is. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, to save a write on every request. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionTimes {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

export type SessionState = 'active' | 'idle-expired' | 'absolute-expired';

/** The times of a session started now. */
export function newSessionTimes(now: Date): SessionTimes {
  return {
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
  };
}

export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (now.getTime() >= session.expiresAt.getTime()) return 'absolute-expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return 'idle-expired';
  return 'active';
}

/** True when an active session's lastSeenAt is old enough to be worth writing again. */
export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** A new cookie token: 256 random bits, URL-safe. */
export const newSessionToken = newSecretToken;

/** What is stored for a token: its SHA-256, so a database read yields no usable cookie. */
export const sessionIdFor = hashSecretToken;

export const looksLikeSessionToken = looksLikeSecretToken;
