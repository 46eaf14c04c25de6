import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ENGLISH_REGIONS,
  PANEL_ROLES,
  type JoinPanelRequest,
  type PanelJoinOptions,
  type PanelMembership,
  type ServiceKind,
  londonDate,
} from '@swhc/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock, DAY_MS, nowOf } from '../../common/clock';
import { ForbiddenStateError, InvalidInputError, NotFoundError } from '../../common/errors';
import { hashSecretToken, looksLikeSecretToken } from '../../common/secret-token';
import { Organisation } from '../../organisations/organisation.entity';
import { DeliveryDispatcher } from '../delivery/delivery-dispatcher';
import { PanelDelivery, type PanelEmailKind } from '../delivery/panel-delivery.entity';
import { PanelMember } from './panel-member.entity';
import { PanelToken, type PanelTokenPurpose } from './panel-token.entity';

/** An unconfirmed sign-up (and its link) lasts this long, then it is deleted. */
export const CONFIRMATION_DAYS = 7;
/** At most this many sign-up emails to one address a day, so the form cannot be used to flood it. */
const SIGN_UP_EMAILS_PER_DAY = 3;
export const MAX_PAUSE_WEEKS = 26;

export interface ProfileInput {
  organisation: string | null;
  role: PanelMembership['role'];
  service: ServiceKind;
  region: string;
}

/** Trimmed and lower-cased: one address, one member. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Joining, confirming, managing and leaving the panel. Nothing here tells a caller whether an address
 * is a member: joining always "succeeds", and what happens next is said by email to that address.
 */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: DeliveryDispatcher,
    // The app's clock, so that tests can move past a link's expiry without waiting.
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async joinOptions(): Promise<PanelJoinOptions> {
    const organisations = await this.dataSource
      .getRepository(Organisation)
      .find({ order: { name: 'ASC' }, select: { gssCode: true, name: true, region: true } });
    return {
      organisations: organisations.map(({ gssCode, name, region }) => ({ gssCode, name, region })),
      roles: PANEL_ROLES.map((r) => ({ ...r })),
      regions: [...ENGLISH_REGIONS],
      confirmationDays: CONFIRMATION_DAYS,
    };
  }

  /**
   * A sign-up. New address: a pending member and a confirmation email. Pending: the confirmation
   * again. Member already: an email saying so, with their manage link. The profile of an existing
   * member is never changed from here (anyone can type anyone's address).
   */
  async join(request: JoinPanelRequest, now = nowOf(this.clock)): Promise<void> {
    const email = normaliseEmail(request.email);
    await this.dataSource.transaction(async (manager) => {
      const queued = await this.signUpEmails(manager, email, request, now);
      await this.dispatcher.dispatch(queued, { transaction: manager });
    });
  }

  /** The emails a sign-up queues (none when this address has had enough today). */
  private async signUpEmails(
    manager: EntityManager,
    email: string,
    request: JoinPanelRequest,
    now: Date,
  ): Promise<string[]> {
    const organisationId = await this.organisationIdOf(manager, request.organisation);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(PanelMember)
      .values({
        email,
        organisationId,
        role: request.role,
        service: request.service,
        region: request.region,
        consentedAt: now,
        confirmedAt: null,
        expiresAt: new Date(now.getTime() + CONFIRMATION_DAYS * DAY_MS),
        pausedUntil: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const created = (inserted.raw as { id: string }[])[0];
    if (created) return [await queueEmail(manager, 'confirm', created.id)];

    const existing = await manager.findOne(PanelMember, {
      where: { email },
      lock: { mode: 'pessimistic_write' },
    });
    if (!existing) return [];
    const recent = await manager
      .createQueryBuilder(PanelDelivery, 'd')
      .where('d.member_id = :id', { id: existing.id })
      .andWhere("d.kind IN ('confirm', 'already-member')")
      .andWhere('d.created_at > :since', { since: new Date(now.getTime() - DAY_MS) })
      .getCount();
    if (recent >= SIGN_UP_EMAILS_PER_DAY) return [];
    if (existing.confirmedAt === null) {
      // Signing up again restarts the wait for confirmation.
      await manager.update(PanelMember, existing.id, {
        expiresAt: new Date(now.getTime() + CONFIRMATION_DAYS * DAY_MS),
      });
      return [await queueEmail(manager, 'confirm', existing.id)];
    }
    return [await queueEmail(manager, 'already-member', existing.id)];
  }

  /** Follows a confirmation link: the sign-up becomes a membership. The link then stops working. */
  async confirm(token: unknown, now = nowOf(this.clock)): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const link = await findToken(manager, token, ['confirm'], now);
      if (link.usedAt !== null) {
        throw new ForbiddenStateError('used', 'This confirmation link has already been used');
      }
      await manager.update(PanelToken, link.tokenHash, { usedAt: now });
      await manager
        .createQueryBuilder()
        .update(PanelMember)
        .set({ confirmedAt: now, expiresAt: null })
        .where('id = :id AND confirmed_at IS NULL', { id: link.memberId })
        .execute();
    });
  }

  async membership(token: unknown, now = nowOf(this.clock)): Promise<PanelMembership> {
    const link = await findToken(this.dataSource.manager, token, ['manage'], now);
    return this.membershipOf(this.dataSource.manager, link.memberId, now);
  }

  async updateProfile(
    token: unknown,
    profile: ProfileInput,
    now = nowOf(this.clock),
  ): Promise<PanelMembership> {
    return this.dataSource.transaction(async (manager) => {
      const link = await findToken(manager, token, ['manage'], now);
      const organisationId = await this.organisationIdOf(manager, profile.organisation);
      await manager.update(PanelMember, link.memberId, {
        organisationId,
        role: profile.role,
        service: profile.service,
        region: profile.region,
      });
      return this.membershipOf(manager, link.memberId, now);
    });
  }

  /** Pauses for whole weeks (no polls until then); 0 weeks resumes at once. */
  async pause(token: unknown, weeks: number, now = nowOf(this.clock)): Promise<PanelMembership> {
    return this.dataSource.transaction(async (manager) => {
      const link = await findToken(manager, token, ['manage'], now);
      const until = weeks === 0 ? null : londonDate(new Date(now.getTime() + weeks * 7 * DAY_MS));
      await manager.update(PanelMember, link.memberId, { pausedUntil: until });
      return this.membershipOf(manager, link.memberId, now);
    });
  }

  /**
   * Leaving: the member row (email, profile, links) is deleted at once. Their invitations stay as
   * counts without a member; answers already given were never linked to them. The goodbye email keeps
   * the address only until it has gone.
   */
  async leave(token: unknown, now = nowOf(this.clock)): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const link = await findToken(manager, token, ['manage'], now);
      const member = await manager.findOneBy(PanelMember, { id: link.memberId });
      if (!member) return;
      const goodbye = await queueEmail(manager, 'goodbye', null, member.email);
      await this.dispatcher.dispatch([goodbye], { transaction: manager });
      // Unsent emails to them go with them: cancelled rather than left to find no member.
      await manager
        .createQueryBuilder()
        .update(PanelDelivery)
        .set({ state: 'cancelled' })
        .where("member_id = :id AND state IN ('queued', 'retrying')", { id: member.id })
        .execute();
      await manager.delete(PanelMember, member.id);
    });
  }

  /** Deletes sign-ups nobody confirmed in time, and links past their expiry. */
  async purgeExpired(now = nowOf(this.clock)): Promise<{ signUps: number; tokens: number }> {
    const signUps = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(PanelMember)
      .where('confirmed_at IS NULL AND expires_at <= :now', { now })
      .execute();
    const tokens = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(PanelToken)
      .where('expires_at <= :now', { now })
      .execute();
    return { signUps: signUps.affected ?? 0, tokens: tokens.affected ?? 0 };
  }

  private async membershipOf(
    manager: EntityManager,
    memberId: string,
    now: Date,
  ): Promise<PanelMembership> {
    const member = await manager.findOne(PanelMember, {
      where: { id: memberId },
      relations: { organisation: true },
    });
    if (!member) throw new NotFoundError('This link is not valid');
    const paused = member.pausedUntil !== null && member.pausedUntil > londonDate(now);
    return {
      email: member.email,
      organisation: member.organisation
        ? { gssCode: member.organisation.gssCode, name: member.organisation.name }
        : null,
      role: member.role,
      service: member.service,
      region: member.region,
      status: paused ? 'paused' : 'active',
      pausedUntil: paused ? member.pausedUntil : null,
    };
  }

  private async organisationIdOf(
    manager: EntityManager,
    gssCode: string | null,
  ): Promise<string | null> {
    if (gssCode === null) return null;
    const organisation = await manager.findOneBy(Organisation, { gssCode: gssCode.toUpperCase() });
    if (!organisation) {
      throw InvalidInputError.of(
        'The sign-up is not valid',
        'organisation',
        'must be the GSS code of a local authority in the list, or null when the employer is not an LA',
      );
    }
    return organisation.id;
  }
}

/** A queued email to a member (or, for goodbye, to an address kept only until it has gone). */
export async function queueEmail(
  manager: EntityManager,
  kind: PanelEmailKind,
  memberId: string | null,
  recipient: string | null = null,
): Promise<string> {
  const row = await manager.save(
    manager.create(PanelDelivery, { kind, memberId, recipient, state: 'queued' }),
  );
  return row.id;
}

/**
 * The stored link behind a token, if it is one of ours, of the right purpose, and not expired. Unknown
 * and malformed tokens get the same answer; an expired one is told so, to say what to do next.
 */
export async function findToken(
  manager: EntityManager,
  token: unknown,
  purposes: readonly PanelTokenPurpose[],
  now: Date,
): Promise<PanelToken> {
  const link = looksLikeSecretToken(token)
    ? await manager.findOneBy(PanelToken, { tokenHash: hashSecretToken(token) })
    : null;
  if (!link || !purposes.includes(link.purpose)) throw new NotFoundError('This link is not valid');
  if (link.expiresAt <= now) throw new ForbiddenStateError('expired', 'This link has expired');
  return link;
}
