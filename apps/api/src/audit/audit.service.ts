import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThan, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'report-viewed'
  | 'report-exported'
  | 'permission-denied'
  | 'account-created'
  | 'account-disabled'
  | 'account-enabled'
  | 'account-organisations-changed'
  | 'account-password-set'
  | 'setting-changed'
  | 'headcount-changed'
  | 'poll-created'
  | 'wave-created'
  | 'wave-changed'
  | 'wave-scheduled'
  | 'wave-closed'
  | 'enrolled'
  | 'enrolment-withdrawn'
  | 'link-replaced'
  | 'instrument-published'
  | 'research-export-requested'
  | 'research-export-completed'
  | 'research-export-refused'
  | 'research-export-failed'
  | 'research-export-downloaded'
  | 'validation-report-viewed'
  | 'workforce-margins-changed';

export interface AuditRecord {
  readonly action: AuditAction;
  readonly actorAccountId?: string | null;
  readonly actorEmail?: string | null;
  readonly actorRole?: string | null;
  readonly target?: string | null;
  /** Small facts only (a wave id, a reason); never answers or response content. */
  readonly detail?: Record<string, string | number | boolean | null>;
}

/** Whoever acted: a signed-in staff member, or the command line (no account). */
export interface AuditActor {
  readonly accountId: string | null;
  readonly email: string | null;
  readonly role: string;
}

/** An audit record's actor fields, the same for every action. */
export const auditActor = (actor: AuditActor) => ({
  actorAccountId: actor.accountId,
  actorEmail: actor.email,
  actorRole: actor.role,
});

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Records one event; with `manager`, inside the caller's transaction (it commits with the change). */
  async record(entry: AuditRecord, now = new Date(), manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(AuditEvent) : this.events).insert({
      occurredAt: now,
      action: entry.action,
      actorAccountId: entry.actorAccountId ?? null,
      actorEmail: entry.actorEmail ?? null,
      actorRole: entry.actorRole ?? null,
      target: entry.target ?? null,
      detail: entry.detail ?? null,
    });
  }

  /** Deletes the events that happened before `cutoff`; returns how many. */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result = await this.events.delete({ occurredAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }

  recent(limit = 100): Promise<AuditEvent[]> {
    return this.events.find({ order: { occurredAt: 'DESC' }, take: limit });
  }
}
