import { isIPv4, isIPv6 } from 'node:net';

/**
 * How many sign-in attempts a key allows. Every attempt is counted before its password is checked
 * (a success takes its count back); the attempt that reaches `maxFailures` within `windowMs` of the
 * window's first one locks the key for `lockMs`, during which attempts are refused unchecked. The
 * counting itself is one SQL statement in login-throttle.service.ts.
 */
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
