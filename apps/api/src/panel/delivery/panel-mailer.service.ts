import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DAY_MS } from '../../common/clock';
import { hashSecretToken, newSecretToken } from '../../common/secret-token';
import { queryRows } from '../../database/query-rows';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { MailDeliveryError, MailTransport, type OutgoingMail } from '../../mail/mail-transport';
import { PollInvitation } from '../answers/poll-invitation.entity';
import { CONFIRMATION_DAYS } from '../members/members.service';
import { PanelMember } from '../members/panel-member.entity';
import { PanelToken, type PanelTokenPurpose } from '../members/panel-token.entity';
import { panelLinks, type PanelLinks } from '../panel-links';
import { PollQuestionLink } from '../polls/poll-question.entity';
import { Poll } from '../polls/poll.entity';
import { MailRateLimiter } from './mail-rate-limiter';
import { PanelDelivery } from './panel-delivery.entity';
import { composePanelEmail, type PanelEmail } from './panel-emails';

/** A manage link in an email works this long (each email brings a fresh one). */
export const MANAGE_LINK_DAYS = 90;
/** Attempts before an email that keeps failing (not bounced) is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 5;

export type DeliveryOutcome = 'sent' | 'bounced' | 'failed' | 'retry' | 'cancelled' | 'skipped';

interface Prepared {
  readonly delivery: PanelDelivery;
  readonly mail: OutgoingMail;
}

/**
 * Sends queued panel emails. Each row is claimed in one UPDATE (queued or retrying → sending), so two
 * jobs or two instances never both send it; a claim older than the send timeout is a crashed
 * sender's, and is taken over. Links are made at send time (only their hashes are stored), so a resent
 * email carries new links and the first email's links keep working.
 */
@Injectable()
export class PanelMailer {
  private readonly logger = new Logger('PanelMailer');
  private readonly links: PanelLinks;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transport: MailTransport,
    private readonly rateLimiter: MailRateLimiter,
  ) {
    this.links = panelLinks(config.publicBaseUrl);
  }

  /**
   * Sends the given deliveries (those still to send), within the rate limit. Returns the outcome of
   * each; 'retry' ones are left in state retrying for the caller to try again later.
   */
  async deliver(
    deliveryIds: readonly string[],
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ): Promise<Map<string, DeliveryOutcome>> {
    const outcomes = new Map<string, DeliveryOutcome>(deliveryIds.map((id) => [id, 'skipped']));
    let pending = [...new Set(deliveryIds)];
    while (pending.length > 0) {
      // Slots first, claims second: a claimed email is sent at once, so a claim never waits long.
      const slots = await this.rateLimiter.take(pending.length);
      if (slots.granted === 0) {
        await sleep(await this.rateLimiter.untilNextMinute());
        continue;
      }
      const chunk = pending.slice(0, slots.granted);
      pending = pending.slice(slots.granted);
      const claimed = await this.claim(chunk);
      await this.rateLimiter.giveBack(slots, chunk.length - claimed.length);
      const prepared = await this.prepare(claimed, outcomes);
      await Promise.all(prepared.map((p) => this.sendOne(p, outcomes)));
    }
    return outcomes;
  }

  private async claim(ids: readonly string[]): Promise<PanelDelivery[]> {
    const timeout = this.config.mail.sendTimeoutSeconds;
    const rows = queryRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE panel_delivery
          SET state = 'sending', claimed_at = now(), attempts = attempts + 1
        WHERE id = ANY($1::uuid[])
          AND (state IN ('queued', 'retrying')
               OR (state = 'sending' AND claimed_at < now() - make_interval(secs => $2)))
        RETURNING id`,
        [ids, timeout],
      ),
    );
    if (rows.length === 0) return [];
    return this.dataSource.getRepository(PanelDelivery).findBy({ id: In(rows.map((r) => r.id)) });
  }

  /** Builds each claimed email with fresh links; cancels those that no longer make sense. */
  private async prepare(
    deliveries: readonly PanelDelivery[],
    outcomes: Map<string, DeliveryOutcome>,
  ): Promise<Prepared[]> {
    if (deliveries.length === 0) return [];
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const context = await loadContext(manager, deliveries);
      const tokens: Partial<PanelToken>[] = [];
      const link = (
        purpose: PanelTokenPurpose,
        memberId: string,
        expiresAt: Date,
        invitationId: string | null = null,
      ) => {
        const token = newSecretToken();
        tokens.push({
          tokenHash: hashSecretToken(token),
          memberId,
          purpose,
          expiresAt,
          invitationId,
          usedAt: null,
        });
        return token;
      };
      const membershipLinks = (memberId: string) => {
        const token = link('manage', memberId, new Date(now.getTime() + MANAGE_LINK_DAYS * DAY_MS));
        return {
          manage: this.links.manage(token),
          oneClickUnsubscribe: this.links.oneClickUnsubscribe(token),
        };
      };
      const prepared: Prepared[] = [];
      const cancelled: string[] = [];
      for (const delivery of deliveries) {
        const email = this.emailFor(delivery, context, now, link, membershipLinks);
        if (email === null) {
          cancelled.push(delivery.id);
          outcomes.set(delivery.id, 'cancelled');
        } else {
          prepared.push({ delivery, mail: composePanelEmail(email) });
        }
      }
      if (tokens.length > 0) await manager.insert(PanelToken, tokens);
      if (cancelled.length > 0) {
        await manager.update(
          PanelDelivery,
          { id: In(cancelled) },
          { state: 'cancelled', recipient: null },
        );
      }
      return prepared;
    });
  }

  private emailFor(
    delivery: PanelDelivery,
    context: DeliveryContext,
    now: Date,
    link: (
      purpose: PanelTokenPurpose,
      memberId: string,
      expiresAt: Date,
      invitationId?: string | null,
    ) => string,
    membershipLinks: (memberId: string) => { manage: string; oneClickUnsubscribe: string },
  ): PanelEmail | null {
    if (delivery.kind === 'goodbye') {
      return delivery.recipient
        ? { kind: 'goodbye', to: delivery.recipient, join: this.links.join() }
        : null;
    }
    if (delivery.kind === 'confirm' || delivery.kind === 'already-member') {
      const member = delivery.memberId ? context.members.get(delivery.memberId) : undefined;
      if (!member) return null;
      if (delivery.kind === 'already-member') {
        return { kind: 'already-member', to: member.email, links: membershipLinks(member.id) };
      }
      if (member.confirmedAt !== null) return null;
      const confirm = link(
        'confirm',
        member.id,
        new Date(now.getTime() + CONFIRMATION_DAYS * DAY_MS),
      );
      return {
        kind: 'confirm',
        to: member.email,
        confirm: this.links.confirm(confirm),
        days: CONFIRMATION_DAYS,
        links: membershipLinks(member.id),
      };
    }
    const invitation = delivery.invitationId
      ? context.invitations.get(delivery.invitationId)
      : undefined;
    const member = invitation?.memberId ? context.members.get(invitation.memberId) : undefined;
    const poll = invitation ? context.polls.get(invitation.pollId) : undefined;
    if (!invitation || !member || !poll || poll.closesAt <= now) return null;
    if (delivery.kind === 'reminder' && invitation.used) return null;
    const answer = link('poll', member.id, poll.closesAt, invitation.id);
    return {
      kind: delivery.kind,
      to: member.email,
      poll: {
        title: poll.title,
        closesAt: poll.closesAt,
        questions: context.questionCounts.get(poll.id) ?? 1,
      },
      answer: this.links.poll(answer),
      links: membershipLinks(member.id),
    };
  }

  private async sendOne(
    { delivery, mail }: Prepared,
    outcomes: Map<string, DeliveryOutcome>,
  ): Promise<void> {
    let outcome: DeliveryOutcome;
    let lastError: string | null = null;
    try {
      await this.transport.send(mail);
      outcome = 'sent';
    } catch (error) {
      const failure =
        error instanceof MailDeliveryError
          ? error
          : new MailDeliveryError('The email could not be sent', false);
      lastError = failure.message.slice(0, 200);
      outcome = failure.permanent
        ? 'bounced'
        : delivery.attempts >= MAX_DELIVERY_ATTEMPTS
          ? 'failed'
          : 'retry';
      // The delivery id only: never the address or the links.
      this.logger.warn(`Email ${delivery.id} (${delivery.kind}) not sent: ${lastError}`);
    }
    outcomes.set(delivery.id, outcome);
    const done = outcome !== 'retry';
    await this.dataSource.getRepository(PanelDelivery).update(delivery.id, {
      state:
        outcome === 'retry'
          ? 'retrying'
          : outcome === 'sent'
            ? 'sent'
            : outcome === 'bounced'
              ? 'bounced'
              : 'failed',
      sentAt: outcome === 'sent' ? new Date() : null,
      lastError,
      // The goodbye address is kept only while the email may still go.
      ...(done ? { recipient: null } : {}),
    });
  }
}

interface DeliveryContext {
  readonly members: Map<string, PanelMember>;
  readonly invitations: Map<string, PollInvitation>;
  readonly polls: Map<string, Poll>;
  readonly questionCounts: Map<string, number>;
}

async function loadContext(
  manager: EntityManager,
  deliveries: readonly PanelDelivery[],
): Promise<DeliveryContext> {
  const invitationIds = deliveries.flatMap((d) => (d.invitationId ? [d.invitationId] : []));
  const invitations = invitationIds.length
    ? await manager.findBy(PollInvitation, { id: In(invitationIds) })
    : [];
  const memberIds = [
    ...deliveries.flatMap((d) => (d.memberId ? [d.memberId] : [])),
    ...invitations.flatMap((i) => (i.memberId ? [i.memberId] : [])),
  ];
  const members = memberIds.length
    ? await manager.findBy(PanelMember, { id: In([...new Set(memberIds)]) })
    : [];
  const pollIds = [...new Set(invitations.map((i) => i.pollId))];
  const polls = pollIds.length ? await manager.findBy(Poll, { id: In(pollIds) }) : [];
  const questionCounts = new Map<string, number>();
  if (pollIds.length) {
    const rows: { poll_id: string; n: string }[] = await manager
      .createQueryBuilder(PollQuestionLink, 'l')
      .select('l.poll_id', 'poll_id')
      .addSelect('count(*)', 'n')
      .where('l.poll_id IN (:...ids)', { ids: pollIds })
      .groupBy('l.poll_id')
      .getRawMany();
    for (const row of rows) questionCounts.set(row.poll_id, Number(row.n));
  }
  return {
    members: new Map(members.map((m) => [m.id, m])),
    invitations: new Map(invitations.map((i) => [i.id, i])),
    polls: new Map(polls.map((p) => [p.id, p])),
    questionCounts,
  };
}
