import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SERVICE_KINDS,
  type ScaleComparability,
  type ServiceKind,
  type ValidationReport,
} from '@swhc/contracts';
import { findInstrument, type InstrumentDefinition } from '@swhc/instruments';
import type { DataSource } from 'typeorm';
import { CLOCK, nowOf, type Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors';
import { defineQueue } from '../../jobs/job-queue';
import { JobsService } from '../../jobs/jobs.service';
import { buildResponseTable, type ResponseTable } from '../../reports/data/response-table';
import { ResearchDataRepository, type ResearchWave } from '../data/research-data.repository';
import { ValidationReportRecord } from './validation-report.entity';
import type { LoadedWave } from './validation-tasks';
import { ValidationThreads } from './validation-thread';

/** Bump when the computation changes, so stored reports are computed again. */
const COMPUTATION_VERSION = 'v3';

/** Computes the reports missing for the closed waves; queued by the first LA report that needs one. */
export const VALIDATION_REPORTS = defineQueue<{ reason: string }>('validation-reports', {
  expireInSeconds: 30 * 60,
});

export const VALIDATION_METHOD =
  'Item statistics and reliability (Cronbach’s alpha with its Feldt interval as psych::alpha, ' +
  'McDonald’s omega from a one-factor ML CFA) per wave and service and pooled; the four-factor ' +
  'model with the answers as ordered categories (lavaan::cfa with ordered items, estimator WLSMV, delta ' +
  'parameterisation: polychoric correlations, scaled-shifted test) as the primary fit, and by maximum ' +
  'likelihood (lavaan::cfa), with the robust (MLR) scaled test and fit indices, beside it; measurement invariance across consecutive waves within ' +
  'each service and across children’s and adults’ services within each wave: configural, metric ' +
  '(equal loadings) and scalar (equal loadings and intercepts). A step holds when CFI drops by at ' +
  'most 0.010 and RMSEA rises by at most 0.015 (Chen 2007). Where scalar invariance fails, intercepts ' +
  'are freed one at a time by the largest score test (lavTestScore). A scale’s scores may be compared ' +
  'between two waves only when its own one-factor model is scalar invariant: the LA report uses this verdict.';

/**
 * The validation report of an instrument version over its closed waves: computed once per set of
 * closed waves and stored; the LA report's "may this change be called a change" comes from here.
 */
@Injectable()
export class ValidationReportService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ValidationReport');
  private readonly inFlight = new Map<string, Promise<ValidationReport>>();
  private readonly known = new Map<string, ValidationReport>();
  /** Per-pair verdicts computed before the whole report was stored. */
  private readonly pairs = new Map<string, Promise<readonly ScaleComparability[]>>();
  private readonly threads = new ValidationThreads();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly data: ResearchDataRepository,
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // No schedule: a closed wave's first LA report queues this, and a request computes what is missing.
    this.jobs.work(VALIDATION_REPORTS, () => this.computeMissing());
  }

  async onModuleDestroy(): Promise<void> {
    await this.threads.stop();
  }

  /** The report of a version (404 for a version the platform does not have). */
  async report(key: string, version: number): Promise<ValidationReport> {
    const waves = await this.data.waves();
    const instrument =
      waves.find((w) => w.instrument.key === key && w.instrument.version === version)?.instrument ??
      findInstrument(key, version);
    if (!instrument) throw new NotFoundError('There is no such instrument version');
    return this.reportOf(instrument);
  }

  /**
   * Per scale, whether it may be compared between two closed waves within a service: the stored
   * report's verdict when there is one; otherwise the same computation (scaleComparabilities, on the
   * same rows) for just this pair, while the whole report is queued, so the first LA report after
   * a wave closes does not wait for every CFA of the validation report.
   */
  async waveVerdicts(
    instrument: InstrumentDefinition,
    previousWaveId: string,
    waveId: string,
    service: ServiceKind,
  ): Promise<readonly ScaleComparability[]> {
    const now = nowOf(this.clock);
    const closed = await this.data.closedWaves(instrument.key, instrument.version, now);
    const wavesKey = this.wavesKeyOf(closed);
    const cacheKey = `${instrument.key}|${instrument.version}|${wavesKey}`;
    const report =
      this.known.get(cacheKey) ??
      (
        await this.dataSource.getRepository(ValidationReportRecord).findOneBy({
          instrumentKey: instrument.key,
          instrumentVersion: instrument.version,
          wavesKey,
        })
      )?.report;
    const stored = report?.invariance.find(
      (c) =>
        c.kind === 'waves' &&
        c.service === service &&
        c.fromWaveId === previousWaveId &&
        c.toWaveId === waveId,
    );
    if (stored) return stored.scales;
    const pairKey = `${cacheKey}|${previousWaveId}|${waveId}|${service}`;
    let pending = this.pairs.get(pairKey);
    if (!pending) {
      pending = (async () => {
        await this.jobs.send(
          VALIDATION_REPORTS,
          { reason: 'an LA report asked' },
          { dedupKey: `validation:${wavesKey}` },
        );
        const name = (id: string) => closed.find((w) => w.id === id)?.name ?? id;
        const [before, after] = await Promise.all([
          this.data.rows(previousWaveId, service),
          this.data.rows(waveId, service),
        ]);
        return this.threads.run('pair', {
          instrument,
          before: buildResponseTable(instrument, before),
          after: buildResponseTable(instrument, after),
          names: [name(previousWaveId), name(waveId)],
        });
      })();
      if (this.pairs.size > 64) this.pairs.clear();
      this.pairs.set(pairKey, pending);
      pending.catch(() => this.pairs.delete(pairKey));
    }
    return pending;
  }

  private wavesKeyOf(closed: readonly ResearchWave[]): string {
    return `${COMPUTATION_VERSION}:${closed
      .map((w) => w.id)
      .sort()
      .join(',')}`;
  }

  /** Computes and stores the report of every version whose closed waves have none yet. */
  async computeMissing(): Promise<void> {
    const now = nowOf(this.clock);
    const versions = new Map<string, InstrumentDefinition>();
    for (const w of await this.data.waves())
      if (w.closesAt <= now)
        versions.set(`${w.instrument.key}|${w.instrument.version}`, w.instrument);
    for (const instrument of versions.values()) await this.reportOf(instrument);
  }

  private async reportOf(instrument: InstrumentDefinition): Promise<ValidationReport> {
    const now = nowOf(this.clock);
    const closed = await this.data.closedWaves(instrument.key, instrument.version, now);
    const wavesKey = this.wavesKeyOf(closed);
    const cacheKey = `${instrument.key}|${instrument.version}|${wavesKey}`;
    const known = this.known.get(cacheKey);
    if (known) return known;
    let pending = this.inFlight.get(cacheKey);
    if (!pending) {
      pending = this.storedOrComputed(instrument, closed, wavesKey).finally(() =>
        this.inFlight.delete(cacheKey),
      );
      this.inFlight.set(cacheKey, pending);
    }
    const report = await pending;
    if (this.known.size > 16) this.known.clear();
    this.known.set(cacheKey, report);
    return report;
  }

  private async storedOrComputed(
    instrument: InstrumentDefinition,
    closed: readonly ResearchWave[],
    wavesKey: string,
  ): Promise<ValidationReport> {
    const repo = this.dataSource.getRepository(ValidationReportRecord);
    const stored = await repo.findOneBy({
      instrumentKey: instrument.key,
      instrumentVersion: instrument.version,
      wavesKey,
    });
    if (stored) return stored.report;
    const started = Date.now();
    const report = await this.compute(instrument, closed);
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        instrumentKey: instrument.key,
        instrumentVersion: instrument.version,
        wavesKey,
        computedAt: new Date(report.computedAt),
        report,
      })
      .orIgnore()
      .execute();
    this.logger.log(
      `Validation report of ${instrument.key} v${instrument.version} over ${closed.length} waves in ${Date.now() - started} ms`,
    );
    return report;
  }

  private async compute(
    instrument: InstrumentDefinition,
    closed: readonly ResearchWave[],
  ): Promise<ValidationReport> {
    const loaded: LoadedWave[] = [];
    for (const wave of closed) {
      const tables = {} as Record<ServiceKind, ResponseTable>;
      for (const service of SERVICE_KINDS)
        tables[service] = buildResponseTable(instrument, await this.data.rows(wave.id, service));
      loaded.push({ wave, tables });
    }
    const { groups, invariance } = await this.threads.run('report', { instrument, loaded });
    return {
      instrument: { key: instrument.key, version: instrument.version, title: instrument.title },
      waves: closed.map((w) => ({ id: w.id, name: w.name })),
      computedAt: nowOf(this.clock).toISOString(),
      method: VALIDATION_METHOD,
      groups,
      invariance,
    };
  }
}
