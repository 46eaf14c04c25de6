import { Injectable } from '@nestjs/common';
import type {
  AuditEventView,
  CreateStaffAccountRequest,
  OrganisationListItem,
  PlatformSettings,
  StaffAccountSummary,
} from '@swhc/contracts';
import { MINIMUM_GROUP_SIZE_FLOOR } from '@swhc/disclosure';
import { AccountsService } from '../accounts/accounts.service';
import type { StaffAccount } from '../accounts/staff-account.entity';
import { auditActor, AuditService } from '../audit/audit.service';
import { accountThrottleKey } from '../auth/login-throttle-policy';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { SessionsService } from '../auth/sessions.service';
import { InvalidInputError } from '../common/errors';
import type { SignedInStaff } from '../common/signed-in-staff';
import { OrganisationsService } from '../organisations/organisations.service';
import { SettingsService } from '../settings/settings.service';

export function summaryOf(account: StaffAccount): StaffAccountSummary {
  return {
    id: account.id,
    email: account.email,
    role: account.role,
    organisations: (account.organisations ?? [])
      .map((o) => ({ gssCode: o.gssCode, name: o.name }))
      .sort((a, b) => a.gssCode.localeCompare(b.gssCode)),
    disabledAt: account.disabledAt ? account.disabledAt.toISOString() : null,
    createdAt: account.createdAt.toISOString(),
  };
}

/** What administrators do to staff accounts and settings; every change is audited. */
@Injectable()
export class StaffAdminService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly organisations: OrganisationsService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async listAccounts(): Promise<StaffAccountSummary[]> {
    return (await this.accounts.list()).map(summaryOf);
  }

  async account(id: string): Promise<StaffAccountSummary> {
    return summaryOf(await this.accounts.mustFind(id));
  }

  async createAccount(
    by: SignedInStaff,
    input: CreateStaffAccountRequest,
  ): Promise<StaffAccountSummary> {
    if (input.role !== 'psw' && (input.organisationGssCodes ?? []).length > 0) {
      throw InvalidInputError.of(
        'The account is not valid',
        'organisationGssCodes',
        `a ${input.role} account is not bound to LAs`,
      );
    }
    const account = await this.accounts.create(input);
    await this.audit.record({
      action: 'account-created',
      ...auditActor(by),
      target: `account:${account.email}`,
      detail: {
        role: account.role,
        organisations: summaryOf(account)
          .organisations.map((o) => o.gssCode)
          .join(','),
      },
    });
    return summaryOf(account);
  }

  async setOrganisations(
    by: SignedInStaff,
    id: string,
    gssCodes: readonly string[],
  ): Promise<StaffAccountSummary> {
    const account = await this.accounts.setOrganisations(id, gssCodes);
    const summary = summaryOf(account);
    await this.audit.record({
      action: 'account-organisations-changed',
      ...auditActor(by),
      target: `account:${account.email}`,
      detail: { organisations: summary.organisations.map((o) => o.gssCode).join(',') },
    });
    return summary;
  }

  /** Disabling signs the account out everywhere at once. */
  async setDisabled(
    by: SignedInStaff,
    id: string,
    disabled: boolean,
  ): Promise<StaffAccountSummary> {
    if (disabled && id === by.accountId) {
      throw InvalidInputError.of(
        'You cannot disable your own account',
        'id',
        'is your own account; ask another administrator',
      );
    }
    const account = await this.accounts.setDisabled(id, disabled);
    const ended = disabled ? await this.sessions.endAllFor(id) : 0;
    await this.audit.record({
      action: disabled ? 'account-disabled' : 'account-enabled',
      ...auditActor(by),
      target: `account:${account.email}`,
      detail: disabled ? { sessionsEnded: ended } : undefined,
    });
    return summaryOf(account);
  }

  /**
   * A new password (e.g. a forgotten one): every session of the account ends, and a lock-out
   * from failed sign-ins is lifted. The password itself is never recorded.
   */
  async setPassword(by: SignedInStaff, id: string, password: string): Promise<StaffAccountSummary> {
    const account = await this.accounts.setPassword(id, password);
    const ended = await this.sessions.endAllFor(id);
    await this.throttle.clear(accountThrottleKey(account.email));
    await this.audit.record({
      action: 'account-password-set',
      ...auditActor(by),
      target: `account:${account.email}`,
      detail: { sessionsEnded: ended },
    });
    return summaryOf(account);
  }

  async platformSettings(): Promise<PlatformSettings> {
    return {
      minimumGroupSize: await this.settings.minimumGroupSize(),
      lowestMinimumGroupSize: MINIMUM_GROUP_SIZE_FLOOR,
    };
  }

  async setMinimumGroupSize(by: SignedInStaff, k: number): Promise<PlatformSettings> {
    const before = await this.settings.minimumGroupSize();
    const after = await this.settings.setMinimumGroupSize(k);
    await this.audit.record({
      action: 'setting-changed',
      ...auditActor(by),
      target: 'setting:minimumGroupSize',
      detail: { from: before, to: after },
    });
    return { minimumGroupSize: after, lowestMinimumGroupSize: MINIMUM_GROUP_SIZE_FLOOR };
  }

  async recentAuditEvents(limit: number): Promise<AuditEventView[]> {
    return (await this.audit.recent(limit)).map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      actorEmail: e.actorEmail,
      actorRole: e.actorRole,
      target: e.target,
      detail: e.detail,
    }));
  }

  async organisationList(): Promise<OrganisationListItem[]> {
    return (await this.organisations.findAll()).map((o) => ({
      gssCode: o.gssCode,
      name: o.name,
      region: o.region,
    }));
  }
}
