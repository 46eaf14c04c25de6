import { defaultExportRules, type ExportRules } from './export-rules';
import { HEALTH_CHECK_V1_EXPORT_RULES } from './health-check-v1/export-rules';
import type { InstrumentDefinition } from './instrument-definition';

/** Declared export rules by instrument key and version. */
const DECLARED: readonly { key: string; version: number; rules: ExportRules }[] = [
  { key: 'health-check', version: 1, rules: HEALTH_CHECK_V1_EXPORT_RULES },
];

/** The export rules of an instrument version: as declared with it, else the strict defaults. */
export function exportRulesFor(instrument: InstrumentDefinition): ExportRules {
  return (
    DECLARED.find((d) => d.key === instrument.key && d.version === instrument.version)?.rules ??
    defaultExportRules(instrument)
  );
}
