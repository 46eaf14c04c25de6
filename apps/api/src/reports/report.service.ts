import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { HeadcountResponse, LaReport, ReportWaveSummary, ServiceKind } from '@swhc/contracts';
import { resolveMinimumGroupSize } from '@swhc/disclosure';
import { AuditService } from '../audit/audit.service';
import { validationErrorBody } from '../common/field-errors';
import type { SignedInStaff } from '../common/signed-in-staff';
import type { Organisation } from '../organisations/organisation.entity';
import { SettingsService } from '../settings/settings.service';
import { waveStatus } from '../waves/waves.service';
import type { HeadcountDto } from './dto/headcount.dto';
import type { ReportQueryDto } from './dto/report-query.dto';
import { NationalBenchmarksService, organisationTable } from './national-benchmarks.service';
import { BoundedCache } from './bounded-cache';
import {
  assembleReport,
  buildReleasedSections,
  scoresReleased,
  type PreviousWaveInputs,
  type ReleasedSections,
  type ReportFrame,
} from './report-builder';
import { reportCsv, reportCsvFilename } from './report-csv';
import { ReportDataRepository, type WaveWithInstrument } from './report-data.repository';

const GSS_CODE = /^[A-Za-z]\d{8}$/;

/** The same answer for an LA that does not exist and one the caller may not see. */
function noSuchReport(): NotFoundException {
  return new NotFoundException('There is no report for this organisation');
}

function badField(field: string, message: string): BadRequestException {
  return new BadRequestException(
    validationErrorBody('The request is not valid', [{ field, message }]),
  );
}

function summary(entry: WaveWithInstrument, now: Date): ReportWaveSummary {
  const { wave } = entry;
  return {
    id: wave.id,
    name: wave.name,
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    state: waveStatus(wave, now),
  };
}

/** Builds, audits and exports LA reports; who may see what is decided here, not in the controller. */
/**
 * Released sections per LA × closed wave × service × K (× count, a guard against a corrected wave).
 * A closed wave never changes, so an LA's scores are computed on its first view and then reused;
 * 1,000 entries cover every LA and both services for three waves.
 */
const RELEASED_CAPACITY = 1000;

@Injectable()
export class ReportService {
  private readonly released = new BoundedCache<Promise<ReleasedSections>>(RELEASED_CAPACITY);

  constructor(
    private readonly data: ReportDataRepository,
    private readonly benchmarks: NationalBenchmarksService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  /** The organisation when the caller may read its report; otherwise 404, as for an unknown LA. */
  async organisationFor(staff: SignedInStaff, gssCode: string): Promise<Organisation> {
    if (!GSS_CODE.test(gssCode)) throw noSuchReport();
    const code = gssCode.toUpperCase();
    const allowed =
      staff.role === 'admin' ||
      (staff.role === 'psw' && staff.gssCodes.some((c) => c.toUpperCase() === code));
    if (!allowed) throw noSuchReport();
    const organisation = await this.data.findOrganisation(code);
    if (!organisation) throw noSuchReport();
    return organisation;
  }

  async viewReport(
    staff: SignedInStaff,
    gssCode: string,
    query: ReportQueryDto,
    now = new Date(),
  ): Promise<LaReport> {
    const organisation = await this.organisationFor(staff, gssCode);
    const report = await this.build(organisation, query, now);
    await this.audit.record({
      action: 'report-viewed',
      actorAccountId: staff.accountId,
      actorEmail: staff.email,
      actorRole: staff.role,
      target: `organisation:${organisation.gssCode}`,
      detail: { wave: report.wave.id, service: report.service },
    });
    return report;
  }

  async exportCsv(
    staff: SignedInStaff,
    gssCode: string,
    query: ReportQueryDto,
    now = new Date(),
  ): Promise<{ filename: string; body: string }> {
    const organisation = await this.organisationFor(staff, gssCode);
    const report = await this.build(organisation, query, now);
    await this.audit.record({
      action: 'report-exported',
      actorAccountId: staff.accountId,
      actorEmail: staff.email,
      actorRole: staff.role,
      target: `organisation:${organisation.gssCode}`,
      detail: { wave: report.wave.id, service: report.service, format: 'csv' },
    });
    return { filename: reportCsvFilename(report), body: reportCsv(report) };
  }

  async setHeadcount(
    staff: SignedInStaff,
    gssCode: string,
    body: HeadcountDto,
  ): Promise<HeadcountResponse> {
    const organisation = await this.organisationFor(staff, gssCode);
    const waves = await this.data.waves();
    if (!waves.some((w) => w.wave.id === body.wave)) throw badField('wave', 'is not a known wave');
    await this.data.saveHeadcount(body.wave, organisation.id, body.service, body.headcount);
    await this.audit.record({
      action: 'headcount-changed',
      actorAccountId: staff.accountId,
      actorEmail: staff.email,
      actorRole: staff.role,
      target: `organisation:${organisation.gssCode}`,
      detail: { wave: body.wave, service: body.service, headcount: body.headcount },
    });
    return {
      organisation: organisation.gssCode,
      wave: body.wave,
      service: body.service,
      headcount: body.headcount,
    };
  }

  /** The report of an organisation for a wave and service, without access checks or audit. */
  async build(
    organisation: Organisation,
    query: ReportQueryDto,
    now = new Date(),
  ): Promise<LaReport> {
    const service: ServiceKind = query.service ?? 'children';
    const waves = await this.data.waves();
    const current = this.chooseWave(waves, query.wave, now);
    const state = waveStatus(current.wave, now);
    const k = resolveMinimumGroupSize(await this.settings.minimumGroupSize());
    const [count, headcount] = await Promise.all([
      this.data.countResponses(current.wave.id, organisation.id, service),
      this.data.headcount(current.wave.id, organisation.id, service),
    ]);
    const frame: ReportFrame = {
      instrument: current.instrument,
      organisation,
      service,
      wave: summary(current, now),
      waves: [...waves].reverse().map((w) => summary(w, now)),
      k,
      count,
      headcount,
      now,
    };
    if (state !== 'closed' || !scoresReleased(frame)) return assembleReport(frame, null);
    const key = [organisation.id, current.wave.id, service, k, count].join('|');
    const sections = await this.released.getOrCreate(key, () =>
      this.computeReleased(frame, current, waves, now),
    );
    return assembleReport(frame, sections);
  }

  private async computeReleased(
    frame: ReportFrame,
    current: WaveWithInstrument,
    waves: readonly WaveWithInstrument[],
    now: Date,
  ): Promise<ReleasedSections> {
    const { instrument, organisation, service, k } = frame;
    const previousWave = this.previousWave(waves, current, now);
    // A closed wave's national data is cached: the LA's own rows are taken from it, not re-read.
    const [national, comparisons, funnel, nationalDrivers, previous] = await Promise.all([
      this.benchmarks.nationalData(instrument, current.wave.id, service),
      this.benchmarks.comparisonTable(instrument, current.wave.id, service),
      this.benchmarks.funnel(instrument, current.wave.id, service, k),
      this.benchmarks.nationalDrivers(instrument, current.wave.id, service),
      previousWave
        ? this.loadPrevious(previousWave, current, organisation, service)
        : Promise.resolve(null),
    ]);
    return buildReleasedSections({
      ...frame,
      la: organisationTable(national, organisation.id),
      comparisons: comparisons.get(organisation.id) ?? null,
      previous,
      funnel,
      nationalDrivers,
    });
  }

  private async loadPrevious(
    previous: WaveWithInstrument,
    current: WaveWithInstrument,
    organisation: ReportFrame['organisation'],
    service: ServiceKind,
  ): Promise<PreviousWaveInputs> {
    const [national, verdicts] = await Promise.all([
      this.benchmarks.nationalData(previous.instrument, previous.wave.id, service),
      this.benchmarks.invarianceBetween(
        current.instrument,
        previous.wave.id,
        current.wave.id,
        service,
      ),
    ]);
    return {
      wave: { id: previous.wave.id, name: previous.wave.name },
      la: organisationTable(national, organisation.id),
      verdicts,
    };
  }

  /** The wave asked for, else the most recent closed wave, else the most recently opened one. */
  private chooseWave(
    waves: readonly WaveWithInstrument[],
    requested: string | undefined,
    now: Date,
  ): WaveWithInstrument {
    if (requested !== undefined) {
      const found = waves.find((w) => w.wave.id === requested);
      if (!found) throw badField('wave', 'is not a known wave');
      return found;
    }
    const byClose = [...waves].sort(
      (a, b) => b.wave.closesAt.getTime() - a.wave.closesAt.getTime(),
    );
    const chosen =
      byClose.find((w) => waveStatus(w.wave, now) === 'closed') ??
      [...waves]
        .filter((w) => waveStatus(w.wave, now) === 'open')
        .sort((a, b) => b.wave.opensAt.getTime() - a.wave.opensAt.getTime())[0] ??
      byClose[0];
    if (!chosen) throw new NotFoundException('There are no survey waves yet');
    return chosen;
  }

  /** The latest closed wave of the same instrument version that had closed before this one opened. */
  private previousWave(
    waves: readonly WaveWithInstrument[],
    current: WaveWithInstrument,
    now: Date,
  ): WaveWithInstrument | null {
    const candidates = waves
      .filter(
        (w) =>
          w.wave.id !== current.wave.id &&
          w.instrument.key === current.instrument.key &&
          w.instrument.version === current.instrument.version &&
          waveStatus(w.wave, now) === 'closed' &&
          w.wave.closesAt.getTime() <= current.wave.opensAt.getTime(),
      )
      .sort((a, b) => b.wave.closesAt.getTime() - a.wave.closesAt.getTime());
    return candidates[0] ?? null;
  }
}
