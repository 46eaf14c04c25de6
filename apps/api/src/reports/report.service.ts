import { Inject, Injectable } from '@nestjs/common';
import { type HeadcountResponse, type LaReport, type ServiceKind } from '@swhc/contracts';
import { resolveMinimumGroupSize } from '@swhc/disclosure';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock, nowOf } from '../common/clock';
import { NotFoundError } from '../common/errors';
import type { SignedInStaff } from '../common/signed-in-staff';
import type { Organisation } from '../organisations/organisation.entity';
import { organisationVisibleTo } from '../organisations/organisation-access';
import { SettingsService } from '../settings/settings.service';
import type { HeadcountDto } from './dto/headcount.dto';
import type { ReportQueryDto } from './dto/report-query.dto';
import { ReportDataRepository } from './data/report-data.repository';
import { ReleasedSectionsService } from './released-sections.service';
import { reportCsv, reportCsvFilename } from './report-csv';
import { scoresReleased, type ReportFrame } from './report-frame';
import { assembleReport } from './report-pipeline';
import { chooseWave, previousWaveOf, unknownWave, waveSummary } from './report-waves';

/** The same answer for an LA that does not exist and one the caller may not see. */
function noSuchReport(): NotFoundError {
  return new NotFoundError('There is no report for this organisation');
}

/** Builds, audits and exports LA reports; who may see what is decided here, not in the controller. */
@Injectable()
export class ReportService {
  constructor(
    private readonly data: ReportDataRepository,
    private readonly sections: ReleasedSectionsService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The organisation when the caller may read its report; otherwise 404, as for an unknown LA. */
  organisationFor(staff: SignedInStaff, gssCode: string): Promise<Organisation> {
    return organisationVisibleTo(
      staff,
      gssCode,
      (code) => this.data.findOrganisation(code),
      noSuchReport,
    );
  }

  async viewReport(
    staff: SignedInStaff,
    gssCode: string,
    query: ReportQueryDto,
    now = nowOf(this.clock),
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
    now = nowOf(this.clock),
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
    now = nowOf(this.clock),
  ): Promise<LaReport> {
    const frame = await this.frameOf(organisation, query, now);
    return assembleReport(
      frame,
      scoresReleased(frame) ? await this.sections.sectionsFor(frame) : null,
    );
  }

  /** Step 1 of the pipeline: who, which wave and service, K and the counts. */
  private async frameOf(
    organisation: Organisation,
    query: ReportQueryDto,
    now: Date,
  ): Promise<ReportFrame> {
    const service: ServiceKind = query.service ?? 'children';
    const waves = await this.data.waves();
    const current = chooseWave(waves, query.wave, now);
    const previous = previousWaveOf(waves, current, now);
    const k = resolveMinimumGroupSize(await this.settings.minimumGroupSize());
    const { count, headcount } = await this.data.countAndHeadcount(
      current.wave.id,
      organisation.id,
      service,
    );
    return {
      instrument: current.instrument,
      organisation,
      service,
      wave: waveSummary(current, now),
      waves: [...waves].reverse().map((w) => waveSummary(w, now)),
      previousWave: previous ? { id: previous.wave.id, name: previous.wave.name } : null,
      k,
      count,
      headcount,
      now,
    };
  }
}
