/**
 * The validation report's computations that take seconds of CPU (every CFA and invariance model),
 * as plain functions of plain data, so that they can run on a worker thread (validation-thread.ts)
 * and never hold up the requests this process serves.
 */
import {
  SERVICE_KINDS,
  SERVICE_NAMES,
  type InvarianceComparison,
  type ScaleComparability,
  type ServiceKind,
  type ValidationGroup,
} from '@swhc/contracts';
import type { InstrumentDefinition } from '@swhc/instruments';
import type { ResponseTable } from '../../reports/data/response-table';
import type { ResearchWave } from '../data/research-data.repository';
import {
  factorAnalysisOf,
  invarianceComparison,
  ordinalFactorAnalysisOf,
  reliabilityOf,
  scaleComparabilities,
} from './validation-statistics';

/** A closed wave with its response table per service. */
export interface LoadedWave {
  readonly wave: ResearchWave;
  readonly tables: Readonly<Record<ServiceKind, ResponseTable>>;
}

export interface ValidationStatistics {
  readonly groups: ValidationGroup[];
  readonly invariance: InvarianceComparison[];
}

/** The latest closed wave that had closed before this one opened (as the LA report picks it). */
function previousOf(loaded: readonly LoadedWave[], current: LoadedWave): LoadedWave | null {
  return (
    loaded
      .filter(
        (l) =>
          l.wave.id !== current.wave.id &&
          l.wave.closesAt.getTime() <= current.wave.opensAt.getTime(),
      )
      .sort((a, b) => b.wave.closesAt.getTime() - a.wave.closesAt.getTime())[0] ?? null
  );
}

/** Per wave and service and pooled: reliability and both CFAs; invariance across waves and services. */
export function validationStatistics(input: {
  readonly instrument: InstrumentDefinition;
  readonly loaded: readonly LoadedWave[];
}): ValidationStatistics {
  const { instrument, loaded } = input;
  const groups: ValidationGroup[] = [];
  const group = (
    label: string,
    waveId: string | null,
    service: ServiceKind | null,
    tables: readonly ResponseTable[],
  ): void => {
    const n = tables.reduce((s, t) => s + t.size, 0);
    if (n === 0) return;
    groups.push({
      label,
      waveId,
      service,
      n,
      ...reliabilityOf(instrument, tables),
      cfa: factorAnalysisOf(instrument, tables),
      ordinalCfa: ordinalFactorAnalysisOf(instrument, tables),
    });
  };
  for (const { wave, tables } of loaded)
    for (const service of SERVICE_KINDS)
      group(`${wave.name} · ${SERVICE_NAMES[service]}`, wave.id, service, [tables[service]]);
  if (loaded.length > 0)
    group(
      'All closed waves, both services',
      null,
      null,
      loaded.flatMap((l) => SERVICE_KINDS.map((s) => l.tables[s])),
    );

  const invariance: InvarianceComparison[] = [];
  for (const service of SERVICE_KINDS) {
    for (const current of loaded) {
      const previous = previousOf(loaded, current);
      if (!previous) continue;
      const [a, b] = [previous.tables[service], current.tables[service]];
      if (a.size === 0 || b.size === 0) continue;
      invariance.push(
        invarianceComparison(
          instrument,
          'waves',
          [`${previous.wave.name}`, `${current.wave.name}`],
          [a],
          [b],
          { service, fromWaveId: previous.wave.id, toWaveId: current.wave.id },
        ),
      );
    }
  }
  for (const { wave, tables } of loaded) {
    if (tables.children.size === 0 || tables.adults.size === 0) continue;
    invariance.push(
      invarianceComparison(
        instrument,
        'services',
        [`${SERVICE_NAMES.children} (${wave.name})`, `${SERVICE_NAMES.adults} (${wave.name})`],
        [tables.children],
        [tables.adults],
        { service: null, fromWaveId: wave.id, toWaveId: wave.id },
      ),
    );
  }
  return { groups, invariance };
}

/** Per scale: may it be compared between two waves (the LA report's verdict, for one pair). */
export function pairComparabilities(input: {
  readonly instrument: InstrumentDefinition;
  readonly before: ResponseTable;
  readonly after: ResponseTable;
  readonly names: readonly [string, string];
}): ScaleComparability[] {
  return scaleComparabilities(input.instrument, [input.before], [input.after], input.names);
}

/** Every task the worker thread runs, by name. */
export const VALIDATION_TASKS = {
  report: validationStatistics,
  pair: pairComparabilities,
} as const;

export type ValidationTaskName = keyof typeof VALIDATION_TASKS;
