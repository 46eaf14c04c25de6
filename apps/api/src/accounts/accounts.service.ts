import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isEmailAddress, isUuid, PASSWORD_MIN_LENGTH, type StaffRoleName } from '@swhc/contracts';
import { In, Repository } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { Organisation } from '../organisations/organisation.entity';
import { hashPassword } from './password-hasher';
import { StaffAccount } from './staff-account.entity';

export interface NewStaffAccount {
  readonly email: string;
  readonly password: string;
  readonly role: StaffRoleName;
  /** GSS codes; required for a PSW, ignored for the other roles. */
  readonly organisationGssCodes?: readonly string[];
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(StaffAccount) private readonly accounts: Repository<StaffAccount>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  async create(input: NewStaffAccount): Promise<StaffAccount> {
    const email = input.email.trim().toLowerCase();
    const errors = [];
    if (!isEmailAddress(email))
      errors.push({ field: 'email', message: 'must be an email address' });
    if (input.password.length < PASSWORD_MIN_LENGTH) {
      errors.push({
        field: 'password',
        message: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
      });
    }
    const codes = (input.organisationGssCodes ?? []).map((c) => c.toUpperCase());
    if (input.role === 'psw' && codes.length === 0) {
      errors.push({
        field: 'organisationGssCodes',
        message: 'a principal social worker needs at least one LA',
      });
    }
    const organisations =
      codes.length > 0 ? await this.organisations.findBy({ gssCode: In(codes) }) : [];
    const unknown = codes.filter((c) => !organisations.some((o) => o.gssCode === c));
    if (unknown.length > 0)
      errors.push({
        field: 'organisationGssCodes',
        message: `unknown LA code(s): ${unknown.join(', ')}`,
      });
    if (errors.length > 0) throw new InvalidInputError('The account is not valid', errors);
    if (await this.accounts.existsBy({ email })) {
      throw ConflictError.of(
        'An account with this email already exists',
        'email',
        'is already used by another account',
      );
    }
    return this.accounts.save(
      this.accounts.create({
        email,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        organisations: input.role === 'psw' ? organisations : [],
        disabledAt: null,
      }),
    );
  }

  findById(id: string): Promise<StaffAccount | null> {
    return this.accounts.findOne({ where: { id }, relations: { organisations: true } });
  }

  /** Every account, newest first, with the LAs PSWs are bound to. */
  list(): Promise<StaffAccount[]> {
    return this.accounts.find({
      relations: { organisations: true },
      order: { createdAt: 'DESC', email: 'ASC' },
    });
  }

  /** Replaces the LAs a principal social worker is bound to (at least one). */
  async setOrganisations(id: string, gssCodes: readonly string[]): Promise<StaffAccount> {
    const account = await this.mustFind(id);
    if (account.role !== 'psw') {
      throw InvalidInputError.of(
        'Only a principal social worker is bound to LAs',
        'gssCodes',
        `a ${account.role} account is not bound to LAs`,
      );
    }
    const codes = [...new Set(gssCodes.map((c) => c.trim().toUpperCase()))];
    if (codes.length === 0) {
      throw InvalidInputError.of(
        'The LAs are not valid',
        'gssCodes',
        'a principal social worker needs at least one LA',
      );
    }
    const organisations = await this.organisations.findBy({ gssCode: In(codes) });
    const unknown = codes.filter((c) => !organisations.some((o) => o.gssCode === c));
    if (unknown.length > 0) {
      throw InvalidInputError.of(
        'The LAs are not valid',
        'gssCodes',
        `unknown LA code(s): ${unknown.join(', ')}`,
      );
    }
    account.organisations = organisations;
    return this.accounts.save(account);
  }

  /** Replaces an account's password (the caller ends its sessions). */
  async setPassword(id: string, password: string): Promise<StaffAccount> {
    if (password.length < PASSWORD_MIN_LENGTH) {
      throw InvalidInputError.of(
        'The password is not valid',
        'password',
        `must be at least ${PASSWORD_MIN_LENGTH} characters`,
      );
    }
    const account = await this.mustFind(id);
    await this.accounts.update({ id }, { passwordHash: await hashPassword(password) });
    return account;
  }

  /** Stops an account signing in (its sessions are ended by the caller). Idempotent. */
  async setDisabled(id: string, disabled: boolean, now = new Date()): Promise<StaffAccount> {
    const account = await this.mustFind(id);
    if (disabled && account.disabledAt) return account;
    account.disabledAt = disabled ? now : null;
    await this.accounts.update({ id }, { disabledAt: account.disabledAt });
    return account;
  }

  /** The account with this id; 404 when there is none, as for an id that is not even a UUID. */
  async mustFind(id: string): Promise<StaffAccount> {
    const account = isUuid(id) ? await this.findById(id) : null;
    if (!account) throw new NotFoundError('No such staff account');
    return account;
  }

  findByEmail(email: string): Promise<StaffAccount | null> {
    return this.accounts.findOne({
      where: { email: email.trim().toLowerCase() },
      relations: { organisations: true },
    });
  }
}
