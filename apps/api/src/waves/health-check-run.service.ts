import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type HealthCheckRun,
  type RunEnrolment,
  type RunResponses,
  type RunWave,
  SERVICE_KINDS,
  type ServiceKind,
} from '@swhc/contracts';
import { resolveMinimumGroupSize } from '@swhc/disclosure';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock, DAY_MS, nowOf } from '../common/clock';
import type { SignedInStaff } from '../common/signed-in-staff';
import { organisationVisibleTo } from '../organisations/organisation-access';
import { Organisation } from '../organisations/organisation.entity';
import { dayOf } from '../responses/responses.service';
import { SettingsService } from '../settings/settings.service';
import { visibleCount } from './response-counts';
import { Wave } from './wave.entity';
import { waveState } from './wave-state';

interface LinkRow {
  wave_id: string;
  service: ServiceKind;
  code: string;
}

/** One LA × wave × service whose responses are counted, with what counting them needs. */
interface CountedUnit {
  readonly organisation: Organisation;
  readonly wave: Wave;
  /** Every wave, for the earlier one to compare with. */
  readonly waves: readonly Wave[];
  readonly service: ServiceKind;
  readonly now: Date;
  /** The minimum group size. */
  readonly k: number;
}

/**
 * The principal social worker's "Run your health check" page: their LA's links for the waves that
 * are scheduled or open (and the last closed one), and how many have answered. Only counts, and
 * none below K; the scores wait for the report, released when the wave closes.
 */
@Injectable()
export class HealthCheckRunService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The organisation when the caller may see it; 404 otherwise, as for an LA that does not exist. */
  organisationFor(staff: SignedInStaff, gssCode: string): Promise<Organisation> {
    return organisationVisibleTo(staff, gssCode, (code) =>
      this.dataSource.manager.findOneBy(Organisation, { gssCode: code }),
    );
  }

  async run(organisation: Organisation): Promise<HealthCheckRun> {
    const now = nowOf(this.clock);
    const k = resolveMinimumGroupSize(await this.settings.minimumGroupSize());
    const waves = await this.dataSource.manager.find(Wave, {
      where: { draft: false },
      relations: { instrument: true },
      order: { opensAt: 'DESC' },
    });
    const links = await this.dataSource.query<LinkRow[]>(
      'SELECT wave_id, service, code FROM survey_link WHERE organisation_id = $1',
      [organisation.id],
    );
    const live = waves.filter((w) => ['scheduled', 'open'].includes(waveState(w, now)));
    const lastClosed = waves
      .filter((w) => waveState(w, now) === 'closed' && links.some((l) => l.wave_id === w.id))
      .sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime())[0];
    const shown = lastClosed ? [...live, lastClosed] : live;
    const result: RunWave[] = [];
    for (const wave of shown) {
      const state = waveState(wave, now);
      const mine = links.filter((l) => l.wave_id === wave.id);
      const enrolments: RunEnrolment[] = [];
      for (const service of SERVICE_KINDS) {
        const link = mine.find((l) => l.service === service);
        if (!link) continue;
        enrolments.push({
          service,
          code: link.code,
          responses: await this.responses({ organisation, wave, waves, service, now, k }),
        });
      }
      result.push({
        id: wave.id,
        name: wave.name,
        state,
        opensAt: wave.opensAt.toISOString(),
        closesAt: wave.closesAt.toISOString(),
        services: SERVICE_KINDS.filter((s) => wave.services.includes(s)),
        enrolments,
        enrolable:
          state === 'closed'
            ? []
            : SERVICE_KINDS.filter(
                (s) => wave.services.includes(s) && !mine.some((l) => l.service === s),
              ),
      });
    }
    return {
      organisation: { gssCode: organisation.gssCode, name: organisation.name },
      minimumGroupSize: k,
      waves: result,
    };
  }

  private async responses(unit: CountedUnit): Promise<RunResponses> {
    const { organisation, wave, service, now, k } = unit;
    const state = waveState(wave, now);
    const byDay = await this.dailyCounts(wave.id, organisation.id, service);
    const total = byDay.reduce((sum, d) => sum + d.count, 0);
    const headcount = await this.headcount(wave.id, organisation.id, service);
    const shown = visibleCount(total, k);
    const previous = state === 'open' ? await this.previous(unit) : null;
    return {
      count: shown.count,
      message: shown.message,
      headcount,
      responseRate: shown.count !== null && headcount ? (100 * shown.count) / headcount : null,
      // Day by day only while open, and only once K have answered: a PSW refreshing the page daily
      // would see these same differences, and never fewer than K answers in total.
      byDay: state === 'open' && total >= k ? byDay : null,
      previous,
    };
  }

  /**
   * The same LA × service in the latest earlier wave of the same instrument, counted up to the
   * same number of days after its opening as this wave has been open.
   */
  private async previous(unit: CountedUnit): Promise<RunResponses['previous']> {
    const { organisation, wave, waves, service, now, k } = unit;
    const earlier = waves
      .filter(
        (w) =>
          w.id !== wave.id &&
          w.instrument.key === wave.instrument.key &&
          w.closesAt <= wave.opensAt &&
          w.closesAt <= now,
      )
      .sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime());
    for (const candidate of earlier) {
      const [link] = await this.dataSource.query<{ id: string }[]>(
        'SELECT id FROM survey_link WHERE wave_id = $1 AND organisation_id = $2 AND service = $3',
        [candidate.id, organisation.id, service],
      );
      if (!link) continue;
      const day = Math.max(0, Math.floor((now.getTime() - wave.opensAt.getTime()) / DAY_MS));
      const cutoff = dayOf(
        new Date(
          Math.min(candidate.opensAt.getTime() + day * DAY_MS, candidate.closesAt.getTime()),
        ),
      );
      const [row] = await this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM survey_response
          WHERE wave_id = $1 AND organisation_id = $2 AND service = $3 AND submitted_on <= $4`,
        [candidate.id, organisation.id, service, cutoff],
      );
      const headcount = await this.headcount(candidate.id, organisation.id, service);
      const shown = visibleCount(row?.n ?? 0, k);
      return {
        waveId: candidate.id,
        waveName: candidate.name,
        day,
        count: shown.count,
        message: shown.message,
        responseRate: shown.count !== null && headcount ? (100 * shown.count) / headcount : null,
      };
    }
    return null;
  }

  private async dailyCounts(
    waveId: string,
    organisationId: string,
    service: ServiceKind,
  ): Promise<{ day: string; count: number }[]> {
    const rows = await this.dataSource.query<{ day: string; count: number }[]>(
      `SELECT to_char(submitted_on, 'YYYY-MM-DD') AS day, count(*)::int AS count FROM survey_response
        WHERE wave_id = $1 AND organisation_id = $2 AND service = $3
        GROUP BY submitted_on ORDER BY submitted_on`,
      [waveId, organisationId, service],
    );
    return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
  }

  private async headcount(
    waveId: string,
    organisationId: string,
    service: ServiceKind,
  ): Promise<number | null> {
    const [row] = await this.dataSource.query<{ headcount: number }[]>(
      'SELECT headcount FROM headcount WHERE wave_id = $1 AND organisation_id = $2 AND service = $3',
      [waveId, organisationId, service],
    );
    return row ? Number(row.headcount) : null;
  }
}
