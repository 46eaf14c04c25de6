import { HEALTH_CHECK_V1 } from './health-check-v1/health-check-v1';
import type { InstrumentDefinition } from './instrument-definition';

/** Every instrument version the code knows; published versions are never edited, only added. */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [HEALTH_CHECK_V1];

export function findInstrument(key: string, version: number): InstrumentDefinition | undefined {
  return INSTRUMENTS.find((i) => i.key === key && i.version === version);
}
