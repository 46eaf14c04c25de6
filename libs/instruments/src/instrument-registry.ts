import { HEALTH_CHECK_V1 } from './health-check-v1/health-check-v1';
import { HEALTH_CHECK_V2 } from './health-check-v2/health-check-v2';
import type { InstrumentDefinition } from './instrument-definition';

/**
 * Every instrument version the code knows, published at every start; published versions are never
 * edited, only added. Administrators may publish further versions from a JSON file.
 */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [HEALTH_CHECK_V1, HEALTH_CHECK_V2];

/** The version new waves and the demo use unless an administrator chooses another. */
export const CURRENT_INSTRUMENT = HEALTH_CHECK_V2;

export function findInstrument(key: string, version: number): InstrumentDefinition | undefined {
  return INSTRUMENTS.find((i) => i.key === key && i.version === version);
}
