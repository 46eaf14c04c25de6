import { Inject, Injectable } from '@nestjs/common';
import {
  ENGLISH_REGIONS,
  type AreaEstimates,
  type ScaleComparability,
  WORKFORCE_MARGIN_VARIABLES,
  type NationalPicture,
  type NationalTrend,
  type ServiceKind,
  type WorkforceMargins,
} from '@swhc/contracts';
import { scaleReporting } from '@swhc/instruments';
import { CLOCK, nowOf, type Clock } from '../../common/clock';
import { ComputationCache } from '../../common/computation-cache';
import { NotFoundError } from '../../common/errors';
import { buildResponseTable, type ResponseTable } from '../../reports/data/response-table';
import { SettingsService } from '../../settings/settings.service';
import { waveState } from '../../waves/wave-state';
import { ResearchDataRepository, type ResearchWave } from '../data/research-data.repository';
import { ValidationReportService } from '../validation/validation-report.service';
import {
  areaEstimates,
  nationalAndRegional,
  nationalFunnels,
  rakedWeights,
  type OrganisationFacts,
} from './national-statistics';
import { WorkforceMarginsService } from './workforce-margins.service';

/** One closed wave's responses of a service: they never change, so they are loaded once. */
interface WaveTable {
  readonly table: ResponseTable;
  /** Per organisation index of the table. */
  readonly organisations: readonly OrganisationFacts[];
}

/**
 * The national picture: England's and each region's scale scores per closed wave, unweighted and
 * raked to the workforce margins; every LA on a funnel plot by name; the trend across waves, with a
 * change shown only where the validation report finds the scale scalar-invariant (one source).
 */
@Injectable()
export class NationalPictureService {
  private readonly tables = new ComputationCache<WaveTable>(8);

  constructor(
    private readonly data: ResearchDataRepository,
    private readonly settings: SettingsService,
    private readonly margins: WorkforceMarginsService,
    private readonly validation: ValidationReportService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async picture(waveId: string | undefined, service: ServiceKind): Promise<NationalPicture> {
    const now = nowOf(this.clock);
    const closed = (await this.data.waves()).filter((w) => waveState(w, now) === 'closed');
    if (closed.length === 0) throw new NotFoundError('No wave has closed yet');
    const wave = waveId ? closed.find((w) => w.id === waveId) : closed[closed.length - 1];
    if (!wave)
      throw NotFoundError.of('There is no such closed wave', 'wave', 'is not a closed wave');
    const k = await this.settings.minimumGroupSize();
    const margins = await this.margins.find(service);
    const { instrument } = wave;
    const { table, organisations } = await this.waveTable(wave, service);
    const regionOf = organisations.map((o) => o.region);
    const raking = margins ? rakedWeights(table, regionOf, margins.margins) : null;
    const weights = raking?.weights ?? null;
    const { england, regions } = nationalAndRegional(
      instrument,
      table,
      regionOf,
      ENGLISH_REGIONS,
      weights,
      k,
    );
    return {
      wave: { id: wave.id, name: wave.name },
      service,
      waves: closed.map((w) => ({ id: w.id, name: w.name })),
      minimumGroupSize: k,
      margins: margins
        ? {
            source: margins.source,
            updatedAt: margins.updatedAt,
            variables: WORKFORCE_MARGIN_VARIABLES.filter((v) => margins.margins[v]),
          }
        : null,
      rakingNote: raking?.note || null,
      england,
      regions,
      funnels: nationalFunnels(instrument, table, organisations, k),
      trends: await this.trends(
        closed.filter((w) => w.instrument.key === instrument.key),
        service,
        margins,
        k,
      ),
    };
  }

  /**
   * England's estimates per closed wave of the instrument; each wave says whether it may be
   * compared with the one before (the validation report's verdict for the pair, per scale).
   */
  private async trends(
    waves: readonly ResearchWave[],
    service: ServiceKind,
    margins: WorkforceMargins | null,
    k: number,
  ): Promise<NationalTrend[]> {
    const perWave: {
      wave: ResearchWave;
      previous: ResearchWave | undefined;
      sameVersion: boolean;
      verdicts: readonly ScaleComparability[];
      estimates: AreaEstimates;
    }[] = [];
    // Only waves the service answered in: a wave without its responses has nothing to compare.
    const answered: { wave: ResearchWave; data: WaveTable }[] = [];
    for (const wave of waves) {
      const data = await this.waveTable(wave, service);
      if (data.table.size > 0) answered.push({ wave, data });
    }
    for (const [i, { wave, data }] of answered.entries()) {
      const { table, organisations } = data;
      const regionOf = organisations.map((o) => o.region);
      const weights = margins ? rakedWeights(table, regionOf, margins.margins).weights : null;
      const rows = Array.from({ length: table.size }, (_, r) => r);
      const previous = answered[i - 1]?.wave;
      const sameVersion = previous?.instrument.version === wave.instrument.version;
      const verdicts =
        previous && sameVersion
          ? await this.validation.waveVerdicts(wave.instrument, previous.id, wave.id, service)
          : [];
      perWave.push({
        wave,
        previous,
        sameVersion,
        verdicts,
        estimates: areaEstimates(wave.instrument, table, 'England', rows, weights, k),
      });
    }
    const last = answered[answered.length - 1]?.wave;
    if (!last) return [];
    return last.instrument.scales.map((scale) => ({
      scale: scale.key,
      title: scaleReporting(last.instrument, scale).title,
      points: perWave.map(({ wave, previous, sameVersion, verdicts, estimates }) => {
        const found = estimates.scales.find((s) => s.scale === scale.key);
        const verdict = verdicts.find((v) => v.scale === scale.key);
        const comparableWithPrevious = !previous ? null : (verdict?.holds ?? false);
        const why = !previous
          ? null
          : !sameVersion
            ? 'A different version of the questionnaire: not compared.'
            : (verdict?.verdict ?? 'The validation report has no comparison of these waves.');
        return {
          waveId: wave.id,
          waveName: wave.name,
          unweighted: found?.unweighted ?? null,
          raked: found?.raked ?? null,
          comparableWithPrevious,
          why,
        };
      }),
    }));
  }

  private waveTable(wave: ResearchWave, service: ServiceKind): Promise<WaveTable> {
    return this.tables.getOrCreate(`${wave.id}|${service}`, async () => {
      const [rows, all] = await Promise.all([
        this.data.rows(wave.id, service),
        this.data.organisations(),
      ]);
      const byId = new Map(all.map((o) => [o.id, o]));
      const table = buildResponseTable(wave.instrument, rows);
      return {
        table,
        organisations: table.organisationIds.map((id) => {
          const o = byId.get(id);
          return { gssCode: o?.gssCode ?? '', name: o?.name ?? '', region: o?.region ?? '' };
        }),
      };
    });
  }
}
