import {
  ACCOUNT_RULE,
  accountThrottleKey,
  afterFailure,
  lockedUntil,
  NETWORK_RULE,
  networkThrottleKey,
  type ThrottleState,
} from './login-throttle-policy';

const start = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

function fail(times: number, from: ThrottleState | null, minute = 0): ThrottleState | null {
  let state = from;
  for (let i = 0; i < times; i++) state = afterFailure(state, at(minute), ACCOUNT_RULE);
  return state;
}

describe('login throttle policy', () => {
  it('locks an account for 15 minutes at the 5th failure within 15 minutes', () => {
    const four = fail(4, null);
    expect(four?.failures).toBe(4);
    expect(lockedUntil(four, at(0))).toBeNull();
    const five = fail(1, four, 1);
    expect(lockedUntil(five, at(1))).toEqual(at(16));
    expect(lockedUntil(five, at(15.99))).toEqual(at(16));
    expect(lockedUntil(five, at(16))).toBeNull();
  });

  it('starts counting again once the window has passed', () => {
    const four = fail(4, null);
    const later = afterFailure(four, at(15), ACCOUNT_RULE);
    expect(later).toEqual({ failures: 1, windowStartedAt: at(15), lockedUntil: null });
  });

  it('starts a fresh window after a lock ends', () => {
    const locked = fail(5, null);
    const after = afterFailure(locked, at(15), ACCOUNT_RULE);
    expect(after.failures).toBe(1);
    expect(lockedUntil(after, at(15))).toBeNull();
  });

  it('allows a council 100 failures per network before locking it', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 99; i++) state = afterFailure(state, at(0), NETWORK_RULE);
    expect(lockedUntil(state, at(0))).toBeNull();
    state = afterFailure(state, at(0), NETWORK_RULE);
    expect(lockedUntil(state, at(0))).toEqual(at(15));
  });

  it('keys accounts by the normalised email', () => {
    expect(accountThrottleKey('  Someone@LA.gov.uk ')).toBe('account:someone@la.gov.uk');
  });

  it('keys networks coarsely', () => {
    expect(networkThrottleKey('203.0.113.77')).toBe('ip:203.0.113.0/24');
    expect(networkThrottleKey('::ffff:203.0.113.9')).toBe('ip:203.0.113.0/24');
    expect(networkThrottleKey('2001:db8:abcd:12::1')).toBe('ip:2001:db8:abcd::/48');
    expect(networkThrottleKey('2001:0db8::1')).toBe('ip:2001:db8:0::/48');
    expect(networkThrottleKey('::1')).toBe('ip:0:0:0::/48');
    expect(networkThrottleKey(undefined)).toBe('ip:unknown');
    expect(networkThrottleKey('garbage')).toBe('ip:unknown');
  });
});
