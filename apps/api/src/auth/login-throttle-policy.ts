import { isIPv4, isIPv6 } from 'node:net';

export interface ThrottleRule {
  /** Failures within one window that lock the key. */
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

const MINUTE = 60 * 1000;

/** Per account (the email as typed, whether or not an account has it): 5 failures in 15 minutes. */
export const ACCOUNT_RULE: ThrottleRule = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};

/**
 * Per client network, coarsely: a whole council may sign in from one address, so only a flood of
 * failures (100 in 15 minutes from one /24 or IPv6 /48) locks it.
 */
export const NETWORK_RULE: ThrottleRule = {
  maxFailures: 100,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};

export interface ThrottleState {
  readonly failures: number;
  readonly windowStartedAt: Date;
  readonly lockedUntil: Date | null;
}

/** The time the key is locked until, or null when sign-in may be tried. */
export function lockedUntil(state: ThrottleState | null, now: Date): Date | null {
  if (!state?.lockedUntil) return null;
  return state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/** The state after one more failed sign-in at `now`. */
export function afterFailure(
  state: ThrottleState | null,
  now: Date,
  rule: ThrottleRule,
): ThrottleState {
  const windowOver =
    !state ||
    now.getTime() - state.windowStartedAt.getTime() >= rule.windowMs ||
    (state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime());
  const failures = windowOver ? 1 : state.failures + 1;
  const windowStartedAt = windowOver ? now : state.windowStartedAt;
  const stillLocked = lockedUntil(state, now);
  return {
    failures,
    windowStartedAt,
    lockedUntil: failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : stillLocked,
  };
}

export const accountThrottleKey = (email: string): string =>
  `account:${email.trim().toLowerCase().slice(0, 280)}`;

/** The client's network: IPv4 /24 or IPv6 /48 (IPv4-mapped IPv6 counts as IPv4). */
export function networkThrottleKey(address: string | undefined): string {
  const raw = (address ?? '').trim();
  const v4 = raw.startsWith('::ffff:') && isIPv4(raw.slice(7)) ? raw.slice(7) : raw;
  if (isIPv4(v4)) return `ip:${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(raw)) {
    const [head = '', tail = ''] = raw.toLowerCase().split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = raw.includes('::')
      ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
      : left;
    return `ip:${groups
      .slice(0, 3)
      .map((g) => g.replace(/^0+(?=.)/, ''))
      .join(':')}::/48`;
  }
  return 'ip:unknown';
}
