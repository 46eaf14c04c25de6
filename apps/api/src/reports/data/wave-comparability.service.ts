import { Injectable } from '@nestjs/common';
import type { ServiceKind } from '@swhc/contracts';
import type { InstrumentDefinition } from '@swhc/instruments';
import { ValidationReportService } from '../../research/validation/validation-report.service';
import type { InvarianceVerdict } from '../statistics/measurement-invariance';

/**
 * The one place that decides whether a scale may be compared between two waves (scalar measurement
 * invariance). A report shows a change only where this says so. The verdict is the instrument's
 * validation report's (one source): its comparison of the two waves within the service, one
 * verdict per scale.
 */
@Injectable()
export class WaveComparabilityService {
  constructor(private readonly validation: ValidationReportService) {}

  /** Per scale: does scalar invariance hold between two closed waves of the same instrument? */
  async verdictsBetween(
    instrument: InstrumentDefinition,
    previousWaveId: string,
    waveId: string,
    service: ServiceKind,
  ): Promise<Record<string, InvarianceVerdict>> {
    const scales = await this.validation.waveVerdicts(instrument, previousWaveId, waveId, service);
    const verdicts: Record<string, InvarianceVerdict> = {};
    for (const scale of instrument.scales) {
      const found = scales.find((s) => s.scale === scale.key);
      verdicts[scale.key] = !found
        ? { holds: false, steps: [], why: 'the validation report has no comparison of these waves' }
        : found.holds
          ? { holds: true, steps: found.steps }
          : { holds: false, steps: found.steps, why: found.verdict };
    }
    return verdicts;
  }
}
