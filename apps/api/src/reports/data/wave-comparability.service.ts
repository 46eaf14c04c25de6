import { Injectable, Logger } from '@nestjs/common';
import type { ServiceKind } from '@swhc/contracts';
import type { InstrumentDefinition } from '@swhc/instruments';
import { PsychometricsError } from '@swhc/psychometrics';
import { ComputationCache } from '../../common/computation-cache';
import type { InvarianceVerdict } from '../statistics/measurement-invariance';
import { scaleInvariance } from '../statistics/report-statistics';
import { scaleItemsDataSet } from './data-sets';
import { NationalDataService } from './national-data.service';

/**
 * The one place that decides whether a scale may be compared between two waves (scalar measurement
 * invariance). A report shows a change only where this says so. Today the verdict is computed here
 * from England's item data; a validation report of the instrument can replace this source without
 * any section changing.
 */
@Injectable()
export class WaveComparabilityService {
  private readonly logger = new Logger('WaveComparability');
  private readonly verdicts = new ComputationCache<Record<string, InvarianceVerdict>>(32);

  constructor(private readonly national: NationalDataService) {}

  /** Per scale: does scalar invariance hold between two closed waves of the same instrument? */
  verdictsBetween(
    instrument: InstrumentDefinition,
    previousWaveId: string,
    waveId: string,
    service: ServiceKind,
  ): Promise<Record<string, InvarianceVerdict>> {
    return this.verdicts.getOrCreate(`${previousWaveId}|${waveId}|${service}`, async () => {
      const [before, after] = await Promise.all([
        this.national.nationalData(instrument, previousWaveId, service),
        this.national.nationalData(instrument, waveId, service),
      ]);
      const started = Date.now();
      const groups = [
        ...new Array<string>(before.table.size).fill('previous'),
        ...new Array<string>(after.table.size).fill('current'),
      ];
      const verdicts: Record<string, InvarianceVerdict> = {};
      for (const scale of instrument.scales) {
        try {
          verdicts[scale.key] = scaleInvariance(
            scaleItemsDataSet(instrument, scale.key, [before.table, after.table]),
            scale.key,
            scale.items,
            groups,
          );
        } catch (error) {
          if (!(error instanceof PsychometricsError)) throw error;
          verdicts[scale.key] = {
            holds: false,
            steps: [],
            why: `the models could not be fitted (${error.message})`,
          };
        }
      }
      this.logger.log(
        `Invariance ${previousWaveId} → ${waveId} (${service}) in ${Date.now() - started} ms`,
      );
      return verdicts;
    });
  }
}
