import { Injectable } from '@nestjs/common';
import type { ReportFrame } from '../report-frame';
import { NationalDataService, organisationTable } from './national-data.service';
import type { PreviousWaveData, ReportDataSets } from './report-data-sets';
import { statementOthers } from './statement-counts';
import { WaveComparabilityService } from './wave-comparability.service';

/**
 * Every data set a released report is computed from, for one frame: the one place they are put
 * together. England's data of a closed wave is cached, so the LA's own rows are taken out of it
 * rather than read again.
 */
@Injectable()
export class ReportDataSetsService {
  constructor(
    private readonly national: NationalDataService,
    private readonly comparability: WaveComparabilityService,
  ) {}

  async forFrame(frame: ReportFrame): Promise<ReportDataSets> {
    const { instrument, organisation, service, wave, k } = frame;
    const [national, comparisons, funnel, nationalDrivers, previous] = await Promise.all([
      this.national.nationalData(instrument, wave.id, service),
      this.national.comparisonTable(instrument, wave.id, service),
      this.national.funnel(instrument, wave.id, service, k),
      this.national.nationalDrivers(instrument, wave.id, service),
      this.previous(frame),
    ]);
    return {
      la: organisationTable(national, organisation.id),
      comparisons: comparisons.get(organisation.id) ?? null,
      statements: statementOthers(
        national.statements,
        national.table.organisationIds,
        national.regionOf,
        organisation.id,
      ),
      previous,
      funnel,
      nationalDrivers,
    };
  }

  /** How many responses each LA has in the frame's wave and service (organisation id → count). */
  async responseCounts(frame: ReportFrame): Promise<ReadonlyMap<string, number>> {
    const national = await this.national.nationalData(
      frame.instrument,
      frame.wave.id,
      frame.service,
    );
    return new Map(
      national.table.organisationIds.map((id, o) => [id, national.rowsOf[o]?.length ?? 0]),
    );
  }

  private async previous(frame: ReportFrame): Promise<PreviousWaveData | null> {
    const { instrument, organisation, service, wave, previousWave } = frame;
    if (!previousWave) return null;
    const [national, verdicts] = await Promise.all([
      this.national.nationalData(instrument, previousWave.id, service),
      this.comparability.verdictsBetween(instrument, previousWave.id, wave.id, service),
    ]);
    return { wave: previousWave, la: organisationTable(national, organisation.id), verdicts };
  }
}
