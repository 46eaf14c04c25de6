import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ENGLISH_REGIONS,
  isServiceKind,
  WORKFORCE_MARGIN_VARIABLES,
  type FieldError,
  type ServiceKind,
  type WorkforceMarginCounts,
  type WorkforceMargins,
  type WorkforceMarginsOverview,
  type WorkforceMarginsRequest,
  type WorkforceMarginVariable,
} from '@swhc/contracts';
import { CURRENT_INSTRUMENT } from '@swhc/instruments';
import { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../../audit/audit.service';
import { InvalidInputError } from '../../common/errors';
import type { SignedInStaff } from '../../common/signed-in-staff';
import { WorkforceMarginsRecord } from './workforce-margins.entity';

/** The categories a complete margin lists: the survey's role answers and England's regions. */
export const WORKFORCE_CATEGORIES: WorkforceMarginsOverview['categories'] = {
  role:
    CURRENT_INSTRUMENT.questions
      .find((q) => q.name === 'role')
      ?.choices.map((c) => ({
        value: String(c.value),
        text: c.text,
      })) ?? [],
  region: ENGLISH_REGIONS.map((r) => ({ value: r, text: r })),
};

/** A census count is a whole number of people; no English workforce is anywhere near this. */
const MAX_COUNT = 10_000_000;
const MAX_SOURCE = 300;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a margins request: a known service, a source, and for each variable given every category
 * with a whole number of people (complete), all variables adding up to the same workforce
 * (consistent). Every problem names its field.
 */
export function validateWorkforceMargins(input: unknown): WorkforceMarginsRequest {
  if (!isRecord(input)) {
    throw InvalidInputError.of('The margins are not valid', 'body', 'must be a JSON object');
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) {
    if (!['service', 'source', 'margins'].includes(key))
      errors.push({ field: key, message: 'is not a field: use service, source and margins' });
  }
  const service = input['service'];
  if (typeof service !== 'string' || !isServiceKind(service))
    errors.push({ field: 'service', message: 'must be children or adults' });
  const source = typeof input['source'] === 'string' ? input['source'].trim() : '';
  if (source === '' || source.length > MAX_SOURCE)
    errors.push({
      field: 'source',
      message: `must say where the figures come from (1 to ${MAX_SOURCE} characters)`,
    });
  const given = input['margins'];
  const margins: WorkforceMarginCounts = {};
  if (!isRecord(given)) {
    errors.push({ field: 'margins', message: 'must map role and/or region to counts' });
  } else {
    for (const key of Object.keys(given)) {
      if (!(WORKFORCE_MARGIN_VARIABLES as readonly string[]).includes(key))
        errors.push({ field: `margins.${key}`, message: 'is not a margin: use role or region' });
    }
    for (const variable of WORKFORCE_MARGIN_VARIABLES) {
      const table = given[variable];
      if (table === undefined) continue;
      const field = `margins.${variable}`;
      if (!isRecord(table)) {
        errors.push({ field, message: 'must map each category to a number of people' });
        continue;
      }
      const categories = WORKFORCE_CATEGORIES[variable].map((c) => c.value);
      const counts: Record<string, number> = {};
      for (const [category, count] of Object.entries(table)) {
        if (!categories.includes(category)) {
          errors.push({
            field: `${field}.${category}`,
            message: `is not a category of ${variable}: use ${categories.join(', ')}`,
          });
        } else if (
          typeof count !== 'number' ||
          !Number.isInteger(count) ||
          count < 1 ||
          count > MAX_COUNT
        ) {
          errors.push({
            field: `${field}.${category}`,
            message: `must be a whole number of people from 1 to ${MAX_COUNT.toLocaleString('en-GB')}`,
          });
        } else counts[category] = count;
      }
      for (const category of categories) {
        if (!(category in table))
          errors.push({
            field: `${field}.${category}`,
            message: `is missing: a margin gives every category of ${variable}`,
          });
      }
      margins[variable] = counts;
    }
    if (isRecord(given) && Object.keys(margins).length === 0)
      errors.push({
        field: 'margins',
        message: 'must give the role or the region margin, or both',
      });
  }
  if (errors.length === 0) {
    const totals = WORKFORCE_MARGIN_VARIABLES.filter((v) => margins[v]).map((v) => ({
      v,
      total: Object.values(margins[v] ?? {}).reduce((s, n) => s + n, 0),
    }));
    const [first, ...rest] = totals;
    for (const other of rest) {
      if (first && other.total !== first.total)
        errors.push({
          field: `margins.${other.v}`,
          message: `adds up to ${other.total.toLocaleString('en-GB')} but margins.${first.v} adds up to ${first.total.toLocaleString('en-GB')}: every margin must add up to the same workforce`,
        });
    }
  }
  if (errors.length > 0) throw new InvalidInputError('The margins are not valid', errors);
  return { service: service as ServiceKind, source, margins };
}

const asMargins = (r: WorkforceMarginsRecord): WorkforceMargins => ({
  service: r.service,
  source: r.source,
  margins: r.margins,
  updatedAt: r.updatedAt.toISOString(),
});

/** The workforce margins national figures are raked to, one set per service. */
@Injectable()
export class WorkforceMarginsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async overview(): Promise<WorkforceMarginsOverview> {
    const rows = await this.dataSource
      .getRepository(WorkforceMarginsRecord)
      .find({ order: { service: 'ASC' } });
    return { stored: rows.map(asMargins), categories: WORKFORCE_CATEGORIES };
  }

  async find(service: ServiceKind): Promise<WorkforceMargins | null> {
    const row = await this.dataSource.getRepository(WorkforceMarginsRecord).findOneBy({ service });
    return row ? asMargins(row) : null;
  }

  /** Replaces a service's margins; audited in the same transaction. */
  async save(input: unknown, by: SignedInStaff, now: Date): Promise<WorkforceMargins> {
    const request = validateWorkforceMargins(input);
    const record: WorkforceMarginsRecord = {
      service: request.service,
      source: request.source,
      margins: request.margins,
      updatedAt: now,
      updatedBy: by.accountId,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(WorkforceMarginsRecord).save(record);
      await this.audit.record(
        {
          action: 'workforce-margins-changed',
          ...auditActor(by),
          target: `workforce margins (${request.service})`,
          detail: {
            service: request.service,
            variables: (Object.keys(request.margins) as WorkforceMarginVariable[]).join(', '),
          },
        },
        now,
        manager,
      );
    });
    return asMargins(record);
  }
}
