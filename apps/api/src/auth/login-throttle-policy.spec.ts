import {
  ACCOUNT_RULE,
  accountThrottleKey,
  NETWORK_RULE,
  networkThrottleKey,
} from './login-throttle-policy';

// How the rules count over time is tested on a real database: test/api/login-throttle.spec.ts.
describe('login throttle policy', () => {
  it('locks an account for 15 minutes after 5 failures within 15 minutes', () => {
    expect(ACCOUNT_RULE).toEqual({ maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
  });

  it('allows a council 100 failures per network before locking it', () => {
    expect(NETWORK_RULE).toEqual({ maxFailures: 100, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
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
