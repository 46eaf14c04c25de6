import { Inject, Injectable } from '@nestjs/common';
import { type HeadcountResponse, type LaReport, type ServiceKind } from '@swhc/contracts';
import { resolveMinimumGroupSize } from '@swhc/disclosure';
import { auditActor, AuditService } from '../audit/audit.service';
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
import { reportFileStem } from '@swhc/report-view';
import { reportCsv, reportCsvFilename } from './csv/report-csv';
import { reportPdf } from './pdf/report-pdf';
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
    return this.audited(staff, gssCode, query, now, null);
  }

  async exportCsv(
    staff: SignedInStaff,
    gssCode: string,
    query: ReportQueryDto,
    now = nowOf(this.clock),
  ): Promise<{ filename: string; body: string }> {
    const report = await this.audited(staff, gssCode, query, now, 'csv');
    return { filename: reportCsvFilename(report), body: reportCsv(report) };
  }

  async exportPdf(
    staff: SignedInStaff,
    gssCode: string,
    query: ReportQueryDto,
    now = new Date(),
  ): Promise<{ filename: string; body: Buffer }> {
    const report = await this.audited(staff, gssCode, query, now, 'pdf');
    return { filename: `${reportFileStem(report)}.pdf`, body: await reportPdf(report) };
  }

  /** The report the caller may read, with its view or export audited (naming the wave, not its id). */
  private async audited(
    staff: SignedInStaff,
    gssCode: string,
    query: ReportQueryDto,
    now: Date,
    format: 'csv' | 'pdf' | null,
  ): Promise<LaReport> {
    const organisation = await this.organisationFor(staff, gssCode);
    const report = await this.build(organisation, query, now);
    await this.audit.record({
      action: format ? 'report-exported' : 'report-viewed',
      ...auditActor(staff),
      target: `organisation:${organisation.gssCode}`,
      detail: { wave: report.wave.name, service: report.service, ...(format ? { format } : {}) },
    });
    return report;
  }

  async setHeadcount(
    staff: SignedInStaff,
    gssCode: string,
    body: HeadcountDto,
  ): Promise<HeadcountResponse> {
    const organisation = await this.organisationFor(staff, gssCode);
    const waves = await this.data.waves();
    const wave = waves.find((w) => w.wave.id === body.wave)?.wave;
    if (!wave) throw unknownWave();
    await this.data.saveHeadcount(body.wave, organisation.id, body.service, body.headcount);
    await this.audit.record({
      action: 'headcount-changed',
      ...auditActor(staff),
      target: `organisation:${organisation.gssCode}`,
      // The audit log names waves as people know them, not by id.
      detail: { wave: wave.name, service: body.service, headcount: body.headcount },
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
