import { Injectable } from '@nestjs/common';
import {
  GSS_CODE_PATTERN,
  type HeadcountResponse,
  type LaReport,
  type ReportWaveSummary,
  type ServiceKind,
} from '@swhc/contracts';
import { resolveMinimumGroupSize } from '@swhc/disclosure';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../common/errors';
import type { SignedInStaff } from '../common/signed-in-staff';
import type { Organisation } from '../organisations/organisation.entity';
import { SettingsService } from '../settings/settings.service';
import { waveState } from '../waves/waves.service';
import type { HeadcountDto } from './dto/headcount.dto';
import type { ReportQueryDto } from './dto/report-query.dto';
import { ReleasedSectionsService } from './released-sections.service';
import { assembleReport, scoresReleased, type ReportFrame } from './report-builder';
import { reportCsv, reportCsvFilename } from './report-csv';
import { ReportDataRepository, type WaveWithInstrument } from './report-data.repository';

/** The same answer for an LA that does not exist and one the caller may not see. */
function noSuchReport(): NotFoundError {
  return new NotFoundError('There is no report for this organisation');
}

function unknownWave(): InvalidInputError {
  return InvalidInputError.of('The request is not valid', 'wave', 'is not a known wave');
}

function summary(entry: WaveWithInstrument, now: Date): ReportWaveSummary {
  const { wave } = entry;
  return {
    id: wave.id,
    name: wave.name,
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    state: waveState(wave, now),
  };
}

/** Builds, audits and exports LA reports; who may see what is decided here, not in the controller. */
@Injectable()
export class ReportService {
  constructor(
    private readonly data: ReportDataRepository,
    private readonly sections: ReleasedSectionsService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  /** The organisation when the caller may read its report; otherwise 404, as for an unknown LA. */
  async organisationFor(staff: SignedInStaff, gssCode: string): Promise<Organisation> {
    if (!GSS_CODE_PATTERN.test(gssCode)) throw noSuchReport();
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
    if (!waves.some((w) => w.wave.id === body.wave)) throw unknownWave();
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
    const state = waveState(current.wave, now);
    const k = resolveMinimumGroupSize(await this.settings.minimumGroupSize());
    const { count, headcount } = await this.data.countAndHeadcount(
      current.wave.id,
      organisation.id,
      service,
    );
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
    return assembleReport(frame, await this.sections.sectionsFor(frame, current, waves));
  }

  /** The wave asked for, else the most recent closed wave, else the most recently opened one. */
  private chooseWave(
    waves: readonly WaveWithInstrument[],
    requested: string | undefined,
    now: Date,
  ): WaveWithInstrument {
    if (requested !== undefined) {
      const found = waves.find((w) => w.wave.id === requested);
      if (!found) throw unknownWave();
      return found;
    }
    const byClose = [...waves].sort(
      (a, b) => b.wave.closesAt.getTime() - a.wave.closesAt.getTime(),
    );
    const chosen =
      byClose.find((w) => waveState(w.wave, now) === 'closed') ??
      [...waves]
        .filter((w) => waveState(w.wave, now) === 'open')
        .sort((a, b) => b.wave.opensAt.getTime() - a.wave.opensAt.getTime())[0] ??
      byClose[0];
    if (!chosen) throw new NotFoundError('There are no survey waves yet');
    return chosen;
  }
}
