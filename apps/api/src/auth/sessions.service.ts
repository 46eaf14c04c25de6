import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, Repository } from 'typeorm';
import { StaffAccount } from '../accounts/staff-account.entity';
import type { SignedInStaff } from '../common/signed-in-staff';
import {
  IDLE_TIMEOUT_MS,
  looksLikeSessionToken,
  needsTouch,
  newSessionTimes,
  newSessionToken,
  sessionIdFor,
  sessionState,
} from './session-policy';
import { StaffSession } from './staff-session.entity';

export interface StartedSession {
  /** Goes into the cookie; never stored. */
  readonly token: string;
  readonly expiresAt: Date;
}

/** Server-side sessions: the cookie holds a random token, the database only its SHA-256. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(StaffSession) private readonly sessions: Repository<StaffSession>,
    @InjectRepository(StaffAccount) private readonly accounts: Repository<StaffAccount>,
  ) {}

  /** A brand-new session (never a reuse of a token the browser had before signing in). */
  async start(accountId: string, now = new Date()): Promise<StartedSession> {
    const token = newSessionToken();
    const times = newSessionTimes(now);
    await this.sessions.insert({ id: sessionIdFor(token), staffAccountId: accountId, ...times });
    // Tidy: sessions past their absolute end are useless; remove this account's old ones.
    await this.sessions.delete({ staffAccountId: accountId, expiresAt: LessThanOrEqual(now) });
    return { token, expiresAt: times.expiresAt };
  }

  /**
   * The signed-in staff member behind a cookie token, or null when the token is unknown, expired
   * (idle or absolute) or its account is disabled. Expired sessions are deleted.
   */
  async authenticate(token: unknown, now = new Date()): Promise<SignedInStaff | null> {
    if (!looksLikeSessionToken(token)) return null;
    const id = sessionIdFor(token);
    const session = await this.sessions.findOneBy({ id });
    if (!session) return null;
    if (sessionState(session, now) !== 'active') {
      await this.sessions.delete({ id });
      return null;
    }
    const account = await this.accounts.findOne({
      where: { id: session.staffAccountId },
      relations: { organisations: true },
    });
    if (!account || account.disabledAt) {
      await this.sessions.delete({ id });
      return null;
    }
    if (needsTouch(session, now)) {
      // Only move forward, and only while still active (a concurrent logout wins).
      await this.sessions
        .createQueryBuilder()
        .update()
        .set({ lastSeenAt: now })
        .where('id = :id AND last_seen_at < :now', { id, now })
        .execute();
    }
    return {
      accountId: account.id,
      sessionId: id,
      email: account.email,
      role: account.role,
      gssCodes: account.role === 'psw' ? account.organisations.map((o) => o.gssCode).sort() : [],
    };
  }

  /** Ends the session behind a token, if there is one. Returns the account it belonged to. */
  async end(token: unknown): Promise<string | null> {
    if (!looksLikeSessionToken(token)) return null;
    const id = sessionIdFor(token);
    const session = await this.sessions.findOneBy({ id });
    if (!session) return null;
    await this.sessions.delete({ id });
    return session.staffAccountId;
  }

  /** Signs an account out everywhere (e.g. when it is disabled). */
  async endAllFor(accountId: string): Promise<number> {
    const result = await this.sessions.delete({ staffAccountId: accountId });
    return result.affected ?? 0;
  }

  /** Removes sessions that can no longer be used; safe to call any time. */
  async purgeExpired(now = new Date()): Promise<void> {
    await this.sessions
      .createQueryBuilder()
      .delete()
      .where('expires_at <= :now OR last_seen_at <= :idle', {
        now,
        idle: new Date(now.getTime() - IDLE_TIMEOUT_MS),
      })
      .execute();
  }
}
