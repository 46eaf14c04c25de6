import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EMAIL_MAX_LENGTH, type StaffProfile } from '@swhc/contracts';
import { AccountsService } from '../accounts/accounts.service';
import { hashPassword, verifyPassword } from '../accounts/password-hasher';
import type { StaffAccount } from '../accounts/staff-account.entity';
import { AuditService } from '../audit/audit.service';
import { NotSignedInError, TooManyAttemptsError } from '../common/errors';
import {
  ACCOUNT_RULE,
  accountThrottleKey,
  NETWORK_RULE,
  networkThrottleKey,
} from './login-throttle-policy';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService, type StartedSession } from './sessions.service';

export interface LoginAttempt {
  readonly email: string;
  readonly password: string;
  /** The client's address, for the coarse per-network throttle. */
  readonly address: string | undefined;
  /** The session token the browser already had, if any: it is ended, never reused. */
  readonly previousToken: string | undefined;
}

export interface SignedIn {
  readonly profile: StaffProfile;
  readonly session: StartedSession;
}

/** Answered when a key is locked; carries when to try again. */
function tooManySignInAttempts(retryAfterSeconds: number): TooManyAttemptsError {
  return new TooManyAttemptsError(
    retryAfterSeconds,
    `Too many failed sign-in attempts. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes, then try again.`,
  );
}

/** 1, 10, 100, …: when a refused attempt is worth an audit row. */
const isPowerOfTen = (n: number): boolean => n >= 1 && 10 ** Math.round(Math.log10(n)) === n;

export const BAD_CREDENTIALS_MESSAGE = 'Enter a correct email address and password';
export const SIGN_IN_TO_CONTINUE = 'Sign in to use this page';

export function profileOf(account: StaffAccount): StaffProfile {
  return {
    email: account.email,
    role: account.role,
    organisations:
      account.role === 'psw'
        ? account.organisations
            .map((o) => ({ gssCode: o.gssCode, name: o.name }))
            .sort((a, b) => a.gssCode.localeCompare(b.gssCode))
        : [],
  };
}

@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the email is unknown, so both answers take as long. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.dummyHash = hashPassword(randomBytes(18).toString('base64'));
  }

  async login(attempt: LoginAttempt, now = new Date()): Promise<SignedIn> {
    const typedEmail = attempt.email.trim().toLowerCase().slice(0, EMAIL_MAX_LENGTH);
    // Rotation: whatever session the browser had before is over, whatever happens next.
    await this.sessions.end(attempt.previousToken);
    // Counted before the password is checked, so concurrent guesses cannot outrun the limits.
    const counted = await this.throttle.countAttempt(
      { key: networkThrottleKey(attempt.address), rule: NETWORK_RULE },
      { key: accountThrottleKey(typedEmail), rule: ACCOUNT_RULE },
      now,
    );
    if (!counted.admitted) {
      const { refusedBy, lockedUntil } = counted;
      // One audit row per lock and order of magnitude of refusals, not one per attempt.
      if (isPowerOfTen(refusedBy.refused)) {
        await this.audit.record(
          {
            action: 'sign-in-failed',
            actorEmail: typedEmail,
            detail: { reason: 'throttled', key: refusedBy.key, refusedAttempts: refusedBy.refused },
          },
          now,
        );
      }
      throw tooManySignInAttempts(Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
    }
    const account = await this.accounts.findByEmail(typedEmail);
    const hash = account?.passwordHash ?? (await (this.dummyHash ??= hashPassword('unused')));
    const passwordOk = await verifyPassword(hash, attempt.password);
    const reason = !account
      ? 'unknown-account'
      : !passwordOk
        ? 'wrong-password'
        : account.disabledAt
          ? 'account-disabled'
          : null;
    if (!account || reason) {
      // The failure was counted already.
      await this.audit.record(
        {
          action: 'sign-in-failed',
          actorAccountId: account?.id ?? null,
          actorEmail: typedEmail,
          actorRole: account?.role ?? null,
          detail: { reason },
        },
        now,
      );
      throw new NotSignedInError(BAD_CREDENTIALS_MESSAGE);
    }
    await this.throttle.recordSuccess(counted);
    // Housekeeping on the (rare) successful sign-in, so neither table grows without bound.
    await this.throttle.purgeStale(now);
    await this.sessions.purgeExpired(now);
    const session = await this.sessions.start(account.id, now);
    await this.audit.record(
      {
        action: 'sign-in',
        actorAccountId: account.id,
        actorEmail: account.email,
        actorRole: account.role,
      },
      now,
    );
    return { profile: profileOf(account), session };
  }

  async logout(token: string | undefined, now = new Date()): Promise<void> {
    const accountId = await this.sessions.end(token);
    if (!accountId) return;
    const account = await this.accounts.findById(accountId);
    await this.audit.record(
      {
        action: 'sign-out',
        actorAccountId: accountId,
        actorEmail: account?.email ?? null,
        actorRole: account?.role ?? null,
      },
      now,
    );
  }

  async profile(accountId: string): Promise<StaffProfile> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new NotSignedInError(SIGN_IN_TO_CONTINUE);
    return profileOf(account);
  }
}
