import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  looksLikeSessionToken,
  needsTouch,
  newSessionTimes,
  newSessionToken,
  sessionIdFor,
  sessionState,
  TOUCH_INTERVAL_MS,
} from './session-policy';

const start = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const MINUTE = 60_000;

describe('session policy', () => {
  it('uses a 30 minute idle timeout and a 12 hour absolute timeout', () => {
    expect(IDLE_TIMEOUT_MS).toBe(30 * MINUTE);
    expect(ABSOLUTE_TIMEOUT_MS).toBe(12 * 60 * MINUTE);
    expect(newSessionTimes(start).expiresAt).toEqual(at(12 * 60 * MINUTE));
  });

  it('is active until it has been idle for 30 minutes', () => {
    const s = newSessionTimes(start);
    expect(sessionState(s, at(29 * MINUTE + 59_999))).toBe('active');
    expect(sessionState(s, at(30 * MINUTE))).toBe('idle-expired');
  });

  it('slides with lastSeenAt but never past the absolute end', () => {
    const s = { ...newSessionTimes(start), lastSeenAt: at(11 * 60 * MINUTE + 50 * MINUTE) };
    expect(sessionState(s, at(11 * 60 * MINUTE + 59 * MINUTE))).toBe('active');
    expect(sessionState(s, at(12 * 60 * MINUTE))).toBe('absolute-expired');
  });

  it('reports the absolute end before an idle one', () => {
    const s = newSessionTimes(start);
    expect(sessionState(s, at(13 * 60 * MINUTE))).toBe('absolute-expired');
  });

  it('writes lastSeenAt at most once a minute', () => {
    const s = newSessionTimes(start);
    expect(needsTouch(s, at(TOUCH_INTERVAL_MS - 1))).toBe(false);
    expect(needsTouch(s, at(TOUCH_INTERVAL_MS))).toBe(true);
  });

  it('makes 256-bit URL-safe tokens and stores only their SHA-256', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(looksLikeSessionToken(a)).toBe(true);
    expect(looksLikeSessionToken('not a token')).toBe(false);
    expect(looksLikeSessionToken(undefined)).toBe(false);
    // sha256("abc"), FIPS 180-2 appendix B.1
    expect(sessionIdFor('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sessionIdFor(a)).not.toContain(a);
  });
});
