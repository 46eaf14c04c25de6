import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ChangeWaveRequest,
  type CreateWaveRequest,
  type FieldError,
  isServiceKind,
  isUuid,
  SERVICE_KINDS,
  type ServiceKind,
  WAVE_NAME_MAX_LENGTH,
  type WaveDetail,
  type WaveState,
  type WaveView,
} from '@swhc/contracts';
import { resolveMinimumGroupSize } from '@swhc/disclosure';
import { type DataSource, type EntityManager } from 'typeorm';
import { auditActor, type AuditActor, AuditService } from '../audit/audit.service';
import { CLOCK, type Clock, nowOf } from '../common/clock';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  StateConflictError,
} from '../common/errors';
import { Instrument } from '../instruments/instrument.entity';
import { SettingsService } from '../settings/settings.service';
import { EnrolmentOverlaps } from './enrolment-overlaps';
import { visibleCount } from './response-counts';
import { SurveyChanges } from './survey-changes';
import { Wave } from './wave.entity';
import { stateWords, waveState } from './wave-state';
import { checkWaveTimes, readWaveTime } from './wave-times';

/** Who made a change, for the audit log: a signed-in administrator or the command line. */
export type Actor = AuditActor;

export const COMMAND_LINE: Actor = { accountId: null, email: null, role: 'cli' };

export const noSuchWave = () => new NotFoundError('There is no such wave');

/** A wave with its instrument, as every view of it needs. */
export interface WaveRecord {
  readonly wave: Wave;
  readonly instrument: Pick<Instrument, 'id' | 'key' | 'version' | 'title'>;
}

/**
 * The life of a wave: created as a draft, scheduled, open between its times, closed by its clock
 * (or at once by an administrator), then never changed again. Every change is audited in the same
 * transaction and reported to SurveyChanges after it commits.
 */
@Injectable()
export class WavesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly changes: SurveyChanges,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  now(): Date {
    return nowOf(this.clock);
  }

  async list(): Promise<WaveView[]> {
    const k = resolveMinimumGroupSize(await this.settings.minimumGroupSize());
    const records = await this.records();
    const counts = await this.dataSource.query<
      { wave_id: string; organisations: number; responses: number }[]
    >(
      `SELECT w.id AS wave_id,
              (SELECT count(DISTINCT l.organisation_id)::int FROM survey_link l WHERE l.wave_id = w.id) AS organisations,
              (SELECT count(*)::int FROM survey_response r WHERE r.wave_id = w.id) AS responses
         FROM wave w`,
    );
    const byWave = new Map(counts.map((c) => [c.wave_id, c]));
    const now = this.now();
    return records.map((record) => {
      const c = byWave.get(record.wave.id);
      return viewOf(record, now, k, c?.organisations ?? 0, c?.responses ?? 0);
    });
  }

  async detail(id: string): Promise<WaveDetail> {
    const record = await this.find(id);
    const k = resolveMinimumGroupSize(await this.settings.minimumGroupSize());
    const enrolments = await this.dataSource.query<
      {
        gss_code: string;
        name: string;
        region: string;
        service: ServiceKind;
        code: string;
        responses: number;
        replaced: number;
      }[]
    >(
      `SELECT o.gss_code, o.name, o.region, l.service, l.code,
              coalesce(r.responses, 0)::int AS responses,
              (SELECT count(*)::int FROM replaced_link_code c WHERE c.survey_link_id = l.id) AS replaced
         FROM survey_link l
         JOIN organisation o ON o.id = l.organisation_id
         LEFT JOIN (SELECT organisation_id, service, count(*) AS responses FROM survey_response
                     WHERE wave_id = $1 GROUP BY organisation_id, service) r
                ON r.organisation_id = l.organisation_id AND r.service = l.service
        WHERE l.wave_id = $1
        ORDER BY o.name, l.service`,
      [id],
    );
    const total = enrolments.reduce((sum, e) => sum + e.responses, 0);
    const organisations = new Set(enrolments.map((e) => e.gss_code)).size;
    return {
      ...viewOf(record, this.now(), k, organisations, total),
      enrolments: enrolments.map((e) => {
        const shown = visibleCount(e.responses, k);
        return {
          gssCode: e.gss_code,
          organisationName: e.name,
          region: e.region,
          service: e.service,
          code: e.code,
          responses: shown.count,
          responsesMessage: shown.message,
          replacedCodes: e.replaced,
        };
      }),
    };
  }

  /** A new wave: a draft unless `schedule` (the command line schedules at once). */
  async create(actor: Actor, input: CreateWaveRequest, schedule = false): Promise<WaveView> {
    const now = this.now();
    const errors: FieldError[] = [];
    const name = checkName(input.name, errors);
    const services = checkServices(input.services, errors);
    const opensAt = readWaveTime(input.opensAt, 'opensAt', errors);
    const closesAt = readWaveTime(input.closesAt, 'closesAt', errors);
    if (opensAt && closesAt) checkWaveTimes(opensAt, closesAt, now, errors);
    const instrument = await this.publishedInstrument(input.instrumentId, errors);
    if (errors.length > 0 || !opensAt || !closesAt || !instrument || !services)
      throw new InvalidInputError('The wave is not valid', errors);
    const wave = await this.dataSource.transaction(async (manager) => {
      await this.refuseTakenName(manager, name, null);
      const saved = await manager.save(
        manager.create(Wave, {
          name,
          instrumentId: instrument.id,
          opensAt,
          closesAt,
          services,
          draft: !schedule,
        }),
      );
      await this.audit.record(
        {
          action: 'wave-created',
          ...auditActor(actor),
          target: `wave:${saved.id}`,
          detail: {
            name,
            instrument: `${instrument.key} v${instrument.version}`,
            services: services.join(','),
            opensAt: opensAt.toISOString(),
            closesAt: closesAt.toISOString(),
            draft: !schedule,
          },
        },
        now,
        manager,
      );
      return saved;
    });
    await this.changes.invalidate({ waveId: wave.id });
    return viewOf({ wave, instrument }, now, 1, 0, 0);
  }

  /**
   * Changes a wave: anything before it opens; only its closing time while it is open (later or
   * earlier, never before now); nothing once it has closed.
   */
  async change(actor: Actor, id: string, input: ChangeWaveRequest): Promise<WaveView> {
    const now = this.now();
    const { wave: before } = await this.find(id);
    const state = waveState(before, now);
    if (state === 'closed') throw closedWave(before);
    const asked = (Object.keys(input) as (keyof ChangeWaveRequest)[]).filter(
      (field) => input[field] !== undefined,
    );
    if (asked.length === 0)
      throw InvalidInputError.of('Nothing to change', 'body', 'must name at least one field');
    if (state === 'open') {
      const frozen = asked.filter((field) => field !== 'closesAt');
      if (frozen.length > 0)
        throw new StateConflictError(
          state,
          `${before.name} is open: only its closing time can change`,
          frozen.map((field) => ({ field, message: 'cannot change once the wave is open' })),
        );
    }
    const errors: FieldError[] = [];
    const name = input.name === undefined ? before.name : checkName(input.name, errors);
    const services =
      input.services === undefined ? before.services : checkServices(input.services, errors);
    const opensAt =
      input.opensAt === undefined ? before.opensAt : readWaveTime(input.opensAt, 'opensAt', errors);
    const closesAt =
      input.closesAt === undefined
        ? before.closesAt
        : readWaveTime(input.closesAt, 'closesAt', errors);
    if (opensAt && closesAt) checkWaveTimes(opensAt, closesAt, now, errors);
    const instrument =
      input.instrumentId === undefined
        ? await this.instrumentOf(before)
        : await this.publishedInstrument(input.instrumentId, errors);
    if (errors.length > 0 || !opensAt || !closesAt || !instrument || !services)
      throw new InvalidInputError('The change is not valid', errors);

    const wave = await this.dataSource.transaction(async (manager) => {
      await EnrolmentOverlaps.lock(manager);
      const current = await manager.findOneByOrFail(Wave, { id });
      if (waveState(current, now) !== state)
        throw new ConflictError('The wave changed meanwhile; try again');
      if (name !== current.name) await this.refuseTakenName(manager, name, id);
      const dropped = current.services.filter((s) => !services.includes(s));
      if (dropped.length > 0) {
        const [enrolled] = await manager.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM survey_link WHERE wave_id = $1 AND service = ANY($2)',
          [id, dropped],
        );
        if ((enrolled?.n ?? 0) > 0)
          throw ConflictError.of(
            'The wave is not valid',
            'services',
            `cannot drop ${dropped.join(', ')}: local authorities are enrolled for it`,
          );
      }
      await EnrolmentOverlaps.refuse(manager, {
        waveId: id,
        instrumentKey: instrument.key,
        opensAt,
        closesAt,
      });
      const changed: Record<string, string> = {};
      if (name !== current.name) changed['name'] = name;
      if (instrument.id !== current.instrumentId)
        changed['instrument'] = `${instrument.key} v${instrument.version}`;
      if (services.join() !== current.services.join()) changed['services'] = services.join(',');
      if (opensAt.getTime() !== current.opensAt.getTime())
        changed['opensAt'] = opensAt.toISOString();
      if (closesAt.getTime() !== current.closesAt.getTime())
        changed['closesAt'] = closesAt.toISOString();
      Object.assign(current, { name, instrumentId: instrument.id, services, opensAt, closesAt });
      const saved = await manager.save(current);
      await this.audit.record(
        {
          action: 'wave-changed',
          ...auditActor(actor),
          target: `wave:${id}`,
          detail: { state, ...changed },
        },
        now,
        manager,
      );
      return saved;
    });
    await this.changes.invalidate({ waveId: id });
    return this.viewOne(wave, instrument);
  }

  /** A draft becomes scheduled: PSWs see it and enrolment opens. */
  async schedule(actor: Actor, id: string): Promise<WaveView> {
    return this.transition(actor, id, 'draft', 'wave-scheduled', (wave, now) => {
      if (wave.closesAt <= now)
        throw InvalidInputError.of(
          'The wave cannot be scheduled',
          'closesAt',
          'is in the past: change the closing time first',
        );
      wave.draft = false;
    });
  }

  /** Closes an open wave now: the next answer is refused and its reports are released. */
  async closeNow(actor: Actor, id: string): Promise<WaveView> {
    return this.transition(actor, id, 'open', 'wave-closed', (wave, now) => {
      wave.closesAt = now;
    });
  }

  private async transition(
    actor: Actor,
    id: string,
    from: WaveState,
    action: 'wave-scheduled' | 'wave-closed',
    apply: (wave: Wave, now: Date) => void,
  ): Promise<WaveView> {
    const now = this.now();
    if (!isUuid(id)) throw noSuchWave();
    const wave = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Wave, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw noSuchWave();
      const state = waveState(current, now);
      if (state !== from) {
        throw new StateConflictError(
          state,
          `${current.name} ${stateWords(state)}: only a wave that ${stateWords(from)} can be ${action === 'wave-closed' ? 'closed' : 'scheduled'}`,
        );
      }
      apply(current, now);
      const saved = await manager.save(current);
      await this.audit.record(
        {
          action,
          ...auditActor(actor),
          target: `wave:${id}`,
          detail: { name: saved.name, closesAt: saved.closesAt.toISOString() },
        },
        now,
        manager,
      );
      return saved;
    });
    await this.changes.invalidate({ waveId: id });
    return this.viewOne(wave, await this.instrumentOf(wave));
  }

  /** The wave and its instrument; 404 for an unknown or malformed id. */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<WaveRecord> {
    if (!isUuid(id)) throw noSuchWave();
    const wave = await manager.findOneBy(Wave, { id });
    if (!wave) throw noSuchWave();
    return { wave, instrument: await this.instrumentOf(wave, manager) };
  }

  /** A wave by name (the command line names waves), or 404. */
  async findByName(name: string): Promise<WaveRecord> {
    const wave = await this.dataSource.manager.findOneBy(Wave, { name: name.trim() });
    if (!wave)
      throw NotFoundError.of('There is no such wave', 'wave', `no wave is named "${name}"`);
    return { wave, instrument: await this.instrumentOf(wave) };
  }

  private async viewOne(wave: Wave, instrument: WaveRecord['instrument']): Promise<WaveView> {
    const k = resolveMinimumGroupSize(await this.settings.minimumGroupSize());
    const [c] = await this.dataSource.query<{ organisations: number; responses: number }[]>(
      `SELECT (SELECT count(DISTINCT organisation_id)::int FROM survey_link WHERE wave_id = $1) AS organisations,
              (SELECT count(*)::int FROM survey_response WHERE wave_id = $1) AS responses`,
      [wave.id],
    );
    return viewOf({ wave, instrument }, this.now(), k, c?.organisations ?? 0, c?.responses ?? 0);
  }

  private async records(): Promise<WaveRecord[]> {
    const waves = await this.dataSource.manager.find(Wave, {
      relations: { instrument: true },
      order: { opensAt: 'DESC', name: 'ASC' },
    });
    return waves.map((wave) => ({ wave, instrument: wave.instrument }));
  }

  private async instrumentOf(
    wave: Wave,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WaveRecord['instrument']> {
    return manager.findOneOrFail(Instrument, {
      where: { id: wave.instrumentId },
      select: { id: true, key: true, version: true, title: true },
    });
  }

  private async publishedInstrument(
    id: string,
    errors: FieldError[],
  ): Promise<WaveRecord['instrument'] | null> {
    const instrument =
      typeof id === 'string' && isUuid(id)
        ? await this.dataSource.manager.findOne(Instrument, {
            where: { id },
            select: { id: true, key: true, version: true, title: true },
          })
        : null;
    if (!instrument)
      errors.push({ field: 'instrumentId', message: 'is not a published instrument version' });
    return instrument;
  }

  private async refuseTakenName(
    manager: EntityManager,
    name: string,
    except: string | null,
  ): Promise<void> {
    const taken = await manager.findOneBy(Wave, { name });
    if (taken && taken.id !== except)
      throw ConflictError.of(
        'The wave is not valid',
        'name',
        'is already the name of another wave',
      );
  }
}

function closedWave(wave: Wave): StateConflictError {
  return new StateConflictError('closed', `${wave.name} has closed: a closed wave never changes`);
}

function checkName(value: string, errors: FieldError[]): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '') errors.push({ field: 'name', message: 'must not be empty' });
  else if (name.length > WAVE_NAME_MAX_LENGTH)
    errors.push({ field: 'name', message: `must be at most ${WAVE_NAME_MAX_LENGTH} characters` });
  return name;
}

function checkServices(value: readonly string[], errors: FieldError[]): ServiceKind[] | null {
  const services = SERVICE_KINDS.filter((s) => value.includes(s));
  const unknown = value.filter((s) => !isServiceKind(s));
  if (unknown.length > 0 || services.length === 0) {
    errors.push({ field: 'services', message: 'must be children, adults or both' });
    return null;
  }
  return services;
}

export function viewOf(
  { wave, instrument }: WaveRecord,
  now: Date,
  k: number,
  organisations: number,
  responses: number,
): WaveView {
  const shown = visibleCount(responses, k);
  return {
    id: wave.id,
    name: wave.name,
    instrument: {
      id: instrument.id,
      key: instrument.key,
      version: instrument.version,
      title: instrument.title,
    },
    services: SERVICE_KINDS.filter((s) => wave.services.includes(s)),
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    state: waveState(wave, now),
    enrolledOrganisations: organisations,
    responses: shown.count,
    responsesMessage: shown.message,
  };
}
