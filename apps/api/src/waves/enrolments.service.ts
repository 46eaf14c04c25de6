import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type EnrolmentView,
  type EnrolRequest,
  type EnrolResult,
  type FieldError,
  isGssCode,
  isServiceKind,
  type ServiceKind,
  SERVICE_KINDS,
} from '@swhc/contracts';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import { CLOCK, type Clock, nowOf } from '../common/clock';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  StateConflictError,
} from '../common/errors';
import { Organisation } from '../organisations/organisation.entity';
import { EnrolmentOverlaps } from './enrolment-overlaps';
import { generateLinkCode } from './link-code';
import { ReplacedLinkCode } from './replaced-link-code.entity';
import { SurveyChanges } from './survey-changes';
import { SurveyLink } from './survey-link.entity';
import { Wave } from './wave.entity';
import { stateWords, waveState } from './wave-state';
import { type Actor, noSuchWave, WavesService } from './waves.service';

/** One LA × service to enrol. */
export interface EnrolmentPair {
  readonly organisation: Pick<Organisation, 'id' | 'gssCode' | 'name' | 'region'>;
  readonly service: ServiceKind;
}

/** One link as the command line lists it. */
export interface LinkListing {
  readonly wave: string;
  readonly gssCode: string;
  readonly organisation: string;
  readonly region: string;
  readonly service: ServiceKind;
  readonly code: string;
}

const notEnrolled = (gssCode: string, service: ServiceKind) =>
  new NotFoundError(`${gssCode} is not enrolled for ${service} in this wave`);

/**
 * Which LAs take part in a wave, and their survey links: enrolling (by administrators for all of
 * England, a region or a list, or by a PSW for their own LA), withdrawing before any response, and
 * replacing a link that leaked. Enrolment is only for scheduled and open waves.
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly waves: WavesService,
    private readonly audit: AuditService,
    private readonly changes: SurveyChanges,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An administrator enrols LAs: all of England, a region, or a list of GSS codes. */
  async enrol(actor: Actor, waveId: string, request: EnrolRequest): Promise<EnrolResult> {
    const { wave, instrument } = await this.waves.find(waveId);
    const errors: FieldError[] = [];
    const services = this.servicesFor(wave, request.services, errors);
    const all = await this.dataSource.manager.find(Organisation, { order: { name: 'ASC' } });
    let chosen: Organisation[] = [];
    if (request.scope === 'england') {
      chosen = all;
    } else if (request.scope === 'region') {
      const region = (request.region ?? '').trim().toLowerCase();
      chosen = all.filter((o) => o.region.toLowerCase() === region);
      if (region === '') errors.push({ field: 'region', message: 'is required for a region' });
      else if (chosen.length === 0)
        errors.push({
          field: 'region',
          message: `is not a region of England (${[...new Set(all.map((o) => o.region))].sort().join(', ')})`,
        });
    } else if (request.scope === 'list') {
      const codes = request.gssCodes ?? [];
      if (codes.length === 0)
        errors.push({ field: 'gssCodes', message: 'must name at least one LA' });
      const byCode = new Map(all.map((o) => [o.gssCode, o]));
      codes.forEach((code, i) => {
        const organisation = isGssCode(code) ? byCode.get(code.toUpperCase()) : undefined;
        if (!organisation)
          errors.push({ field: `gssCodes[${i}]`, message: `${code} is not the GSS code of an LA` });
        else if (!chosen.includes(organisation)) chosen.push(organisation);
      });
    } else {
      errors.push({ field: 'scope', message: 'must be england, region or list' });
    }
    if (errors.length > 0 || !services)
      throw new InvalidInputError('The enrolment is not valid', errors);

    const pairs = chosen.flatMap((organisation) =>
      services.map((service) => ({ organisation, service })),
    );
    const now = nowOf(this.clock);
    const result = await this.dataSource.transaction(async (manager) => {
      await EnrolmentOverlaps.lock(manager);
      const current = await this.lockedEnrollable(manager, wave.id, now);
      const existing = await this.enrolledPairs(manager, wave.id);
      const fresh = pairs.filter((p) => !existing.has(`${p.organisation.id}:${p.service}`));
      if (request.scope === 'list' && fresh.length < pairs.length) {
        throw new ConflictError(
          'Some of these LAs are already enrolled',
          pairs
            .filter((p) => existing.has(`${p.organisation.id}:${p.service}`))
            .map((p) => ({
              field: `gssCodes[${(request.gssCodes ?? []).findIndex((c) => c.toUpperCase() === p.organisation.gssCode)}]`,
              message: `${p.organisation.gssCode} is already enrolled for ${p.service}`,
            })),
        );
      }
      if (fresh.length === 0)
        throw ConflictError.of(
          'Nothing to enrol',
          request.scope === 'region' ? 'region' : 'scope',
          'every LA chosen is already enrolled',
        );
      await EnrolmentOverlaps.refuse(manager, {
        waveId: wave.id,
        instrumentKey: instrument.key,
        opensAt: current.opensAt,
        closesAt: current.closesAt,
        pairs: fresh.map((p) => ({ organisationId: p.organisation.id, service: p.service })),
      });
      const links = await this.insertLinks(manager, current, fresh);
      await this.audit.record(
        {
          action: 'enrolled',
          ...auditActor(actor),
          target: `wave:${wave.id}`,
          detail: {
            scope: request.scope,
            region: request.region ?? null,
            services: services.join(','),
            enrolments: fresh.length,
            organisations: new Set(fresh.map((p) => p.organisation.gssCode)).size,
          },
        },
        now,
        manager,
      );
      return { links, skipped: pairs.length - fresh.length };
    });
    await this.changes.invalidate({ waveId: wave.id });
    return {
      enrolled: result.links.map(({ pair, code }) => enrolmentView(pair, code)),
      alreadyEnrolled: result.skipped,
    };
  }

  /** A PSW (or an administrator) enrols one LA for one service of a scheduled or open wave. */
  async enrolOne(
    actor: Actor,
    organisation: Organisation,
    waveId: string,
    service: ServiceKind,
  ): Promise<EnrolmentView> {
    const { wave, instrument } = await this.waves.find(waveId);
    const errors: FieldError[] = [];
    this.servicesFor(wave, [service], errors);
    if (errors.length > 0) throw new InvalidInputError('The enrolment is not valid', errors);
    const now = nowOf(this.clock);
    const pair = { organisation, service };
    const link = await this.dataSource.transaction(async (manager) => {
      await EnrolmentOverlaps.lock(manager);
      const current = await this.lockedEnrollable(manager, wave.id, now);
      if ((await this.enrolledPairs(manager, wave.id)).has(`${organisation.id}:${service}`))
        throw ConflictError.of(
          'Already enrolled',
          'service',
          `${organisation.name} is already enrolled for ${service} in ${wave.name}`,
        );
      await EnrolmentOverlaps.refuse(manager, {
        waveId: wave.id,
        instrumentKey: instrument.key,
        opensAt: current.opensAt,
        closesAt: current.closesAt,
        pairs: [{ organisationId: organisation.id, service }],
      });
      const [created] = await this.insertLinks(manager, current, [pair]);
      await this.audit.record(
        {
          action: 'enrolled',
          ...auditActor(actor),
          target: `wave:${wave.id}`,
          detail: { scope: 'one', organisation: organisation.gssCode, service },
        },
        now,
        manager,
      );
      return created;
    });
    await this.changes.invalidate({ waveId: wave.id });
    if (!link) throw new Error('enrolment inserted no link');
    return enrolmentView(link.pair, link.code);
  }

  /** Takes an LA's service out of a wave, while nobody has answered through its link. */
  async withdraw(actor: Actor, waveId: string, gssCode: string, service: string): Promise<void> {
    const now = nowOf(this.clock);
    const { wave } = await this.waves.find(waveId);
    const link = await this.findLink(wave.id, gssCode, service);
    const codes = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockedWave(manager, wave.id);
      const state = waveState(current, now);
      if (state === 'closed')
        throw new StateConflictError(
          state,
          `${current.name} has closed: a closed wave never changes`,
        );
      const [answered] = await manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM survey_response WHERE survey_link_id = $1',
        [link.id],
      );
      if ((answered?.n ?? 0) > 0)
        throw ConflictError.of(
          'This enrolment cannot be withdrawn',
          'enrolment',
          'people have already answered through this link; their answers stay counted',
        );
      const replaced = await manager.find(ReplacedLinkCode, { where: { surveyLinkId: link.id } });
      await manager.delete(ReplacedLinkCode, { surveyLinkId: link.id });
      await manager.delete(SurveyLink, { id: link.id });
      await manager.query(
        'DELETE FROM headcount WHERE wave_id = $1 AND organisation_id = $2 AND service = $3',
        [wave.id, link.organisationId, link.service],
      );
      await this.audit.record(
        {
          action: 'enrolment-withdrawn',
          ...auditActor(actor),
          target: `wave:${wave.id}`,
          detail: { organisation: link.organisation.gssCode, service: link.service },
        },
        now,
        manager,
      );
      return [link.code, ...replaced.map((r) => r.code)];
    });
    for (const code of codes) await this.changes.invalidate({ code });
  }

  /**
   * Gives a link a new code because the old one leaked. The link keeps its id, so responses that
   * came through the old code keep counting; the old code answers 410 "replaced" from now on.
   */
  async replaceLink(
    actor: Actor,
    waveId: string,
    gssCode: string,
    service: string,
  ): Promise<EnrolmentView> {
    const now = nowOf(this.clock);
    const { wave } = await this.waves.find(waveId);
    const link = await this.findLink(wave.id, gssCode, service);
    const code = generateLinkCode();
    const old = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockedWave(manager, wave.id);
      const state = waveState(current, now);
      if (state === 'closed')
        throw new StateConflictError(
          state,
          `${current.name} has closed: its links no longer matter`,
        );
      const locked = await manager.findOne(SurveyLink, {
        where: { id: link.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked) throw notEnrolled(gssCode, link.service);
      await manager.insert(ReplacedLinkCode, {
        code: locked.code,
        surveyLinkId: locked.id,
        replacedAt: now,
      });
      await manager.update(SurveyLink, { id: locked.id }, { code });
      await this.audit.record(
        {
          action: 'link-replaced',
          ...auditActor(actor),
          target: `wave:${wave.id}`,
          detail: { organisation: link.organisation.gssCode, service: link.service },
        },
        now,
        manager,
      );
      return locked.code;
    });
    await this.changes.invalidate({ code: old });
    const replacedCodes = await this.dataSource.manager.countBy(ReplacedLinkCode, {
      surveyLinkId: link.id,
    });
    return {
      ...enrolmentView({ organisation: link.organisation, service: link.service }, code),
      replacedCodes,
    };
  }

  /** The link behind a respondent's code, with its wave and LA; null for an unknown code. */
  findLinkByCode(
    code: string,
  ): Promise<(SurveyLink & { wave: Wave; organisation: Organisation }) | null> {
    return this.dataSource.manager.findOne(SurveyLink, {
      where: { code },
      relations: { wave: true, organisation: true },
    });
  }

  /** Whether a code belonged to a link that was replaced because it leaked. */
  async wasReplaced(code: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(ReplacedLinkCode, { code });
  }

  /** Every link of a wave, for the command line's list. */
  async links(waveId: string): Promise<LinkListing[]> {
    const { wave } = await this.waves.find(waveId);
    const rows = await this.dataSource.query<
      { gss_code: string; name: string; region: string; service: ServiceKind; code: string }[]
    >(
      `SELECT o.gss_code, o.name, o.region, l.service, l.code FROM survey_link l
         JOIN organisation o ON o.id = l.organisation_id
        WHERE l.wave_id = $1 ORDER BY o.gss_code, l.service`,
      [wave.id],
    );
    return rows.map((r) => ({
      wave: wave.name,
      gssCode: r.gss_code,
      organisation: r.name,
      region: r.region,
      service: r.service,
      code: r.code,
    }));
  }

  /**
   * Inserts one link per pair, with random codes unless `code` makes them (the demo's readable
   * codes). Returns each pair with its code.
   */
  async insertLinks(
    manager: EntityManager,
    wave: Pick<Wave, 'id'>,
    pairs: readonly EnrolmentPair[],
    code: (pair: EnrolmentPair) => string = () => generateLinkCode(),
  ): Promise<{ pair: EnrolmentPair; code: string; id: string }[]> {
    const rows = pairs.map((pair) => ({
      pair,
      row: {
        code: code(pair),
        waveId: wave.id,
        organisationId: pair.organisation.id,
        service: pair.service,
      },
    }));
    const created: { pair: EnrolmentPair; code: string; id: string }[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const result = await manager.insert(
        SurveyLink,
        chunk.map((r) => r.row),
      );
      chunk.forEach((r, j) => {
        const id = (result.identifiers[j] as { id?: string } | undefined)?.id ?? '';
        created.push({ pair: r.pair, code: r.row.code, id });
      });
    }
    return created;
  }

  private servicesFor(
    wave: Wave,
    asked: readonly string[] | undefined,
    errors: FieldError[],
  ): ServiceKind[] | null {
    if (asked === undefined) return wave.services;
    const unknown = asked.filter((s) => !isServiceKind(s) || !wave.services.includes(s));
    const services = SERVICE_KINDS.filter((s) => asked.includes(s) && wave.services.includes(s));
    if (unknown.length > 0 || services.length === 0) {
      errors.push({
        field: asked.length === 1 ? 'service' : 'services',
        message: `must be among this wave's services (${wave.services.join(', ')})`,
      });
      return null;
    }
    return services;
  }

  private async lockedWave(manager: EntityManager, id: string): Promise<Wave> {
    const wave = await manager.findOne(Wave, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!wave) throw noSuchWave();
    return wave;
  }

  /** The wave, locked, when it may take enrolments (scheduled or open); 409 naming its state. */
  private async lockedEnrollable(manager: EntityManager, id: string, now: Date): Promise<Wave> {
    const wave = await this.lockedWave(manager, id);
    const state = waveState(wave, now);
    if (state === 'draft' || state === 'closed')
      throw new StateConflictError(
        state,
        `${wave.name} ${stateWords(state)}: LAs can be enrolled only in a scheduled or open wave`,
      );
    return wave;
  }

  private async enrolledPairs(manager: EntityManager, waveId: string): Promise<Set<string>> {
    const rows = await manager.find(SurveyLink, {
      where: { waveId },
      select: { organisationId: true, service: true },
    });
    return new Set(rows.map((r) => `${r.organisationId}:${r.service}`));
  }

  private async findLink(
    waveId: string,
    gssCode: string,
    service: string,
  ): Promise<SurveyLink & { organisation: Organisation }> {
    if (!isGssCode(gssCode) || !isServiceKind(service))
      throw new NotFoundError('There is no such enrolment');
    const link = await this.dataSource.manager.findOne(SurveyLink, {
      where: { waveId, service, organisation: { gssCode: In([gssCode.toUpperCase()]) } },
      relations: { organisation: true },
    });
    if (!link) throw notEnrolled(gssCode.toUpperCase(), service);
    return link;
  }
}

export function enrolmentView(pair: EnrolmentPair, code: string): EnrolmentView {
  return {
    gssCode: pair.organisation.gssCode,
    organisationName: pair.organisation.name,
    region: pair.organisation.region,
    service: pair.service,
    code,
    responses: 0,
    responsesMessage: null,
    replacedCodes: 0,
  };
}
