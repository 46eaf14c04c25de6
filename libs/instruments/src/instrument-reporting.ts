import { HEALTH_CHECK_V1_REPORTING } from './health-check-v1/reporting';
import type { InstrumentDefinition, ScaleDefinition } from './instrument-definition';
import { reportedTurnedRound } from './report-direction';

export interface ScaleReporting {
  /** The scale's name in reports, read with higher is better (e.g. "Manageable workload"). */
  readonly title: string;
  /** What it covers, in words that complete "This scale is about …". */
  readonly about: string;
}

export interface InstrumentReporting {
  readonly scales: Readonly<Record<string, ScaleReporting>>;
}

const REPORTING: Readonly<Record<string, InstrumentReporting>> = {
  'health-check@1': HEALTH_CHECK_V1_REPORTING,
};

/**
 * A scale as reports name it. A version without reporting wording keeps the instrument's own title;
 * a scale that reports turn round then says so, so that it is never read the wrong way.
 */
export function scaleReporting(
  instrument: Pick<InstrumentDefinition, 'key' | 'version'>,
  scale: ScaleDefinition,
): ScaleReporting {
  const known = REPORTING[`${instrument.key}@${instrument.version}`]?.scales[scale.key];
  if (known) return known;
  return {
    title: reportedTurnedRound(scale)
      ? `${scale.title} (turned round: higher is better)`
      : scale.title,
    about: scale.title.toLowerCase(),
  };
}
