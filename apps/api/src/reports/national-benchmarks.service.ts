import { Injectable, Logger } from '@nestjs/common';
import type { ServiceKind } from '@swhc/contracts';
import type { InstrumentDefinition } from '@swhc/instruments';
import type { DataSet } from '@swhc/psychometrics';
import { BoundedCache } from './bounded-cache';
import { compareEveryOrganisation, type ComparisonTable } from './la-comparisons';
import type { InvarianceVerdict } from './measurement-invariance';
import { ReportDataRepository } from './report-data.repository';
import {
  driversOf,
  funnelOf,
  scaleInvariance,
  type DriversComputation,
  type FunnelComputation,
} from './report-statistics';
import {
  buildResponseTable,
  rowsByOrganisation,
  subTable,
  type ResponseTable,
} from './response-table';

/** England's responses of one closed wave and service, with each organisation's region. */
export interface NationalData {
  readonly table: ResponseTable;
  /** Region of each organisation index of the table. */
  readonly regionOf: readonly string[];
  /** Row indices of each organisation index of the table. */
  readonly rowsOf: readonly Int32Array[];
}

/** One LA's responses out of the national data (an empty table when it has none). */
export function organisationTable(national: NationalData, organisationId: string): ResponseTable {
  const o = national.table.organisationIds.indexOf(organisationId);
  return subTable(
    national.table,
    o < 0 ? new Int32Array(0) : (national.rowsOf[o] ?? new Int32Array(0)),
  );
}

/** At most this many (wave, service) pairs are held; each is a few MB. */
const NATIONAL_CAPACITY = 8;

/** Predictor names in the drivers data set: the scale keys. */
export function driversDataSet(
  instrument: InstrumentDefinition,
  table: ResponseTable,
  keep?: (row: number) => boolean,
): DataSet {
  const columns = [instrument.outcome, ...instrument.scales.map((s) => s.key)];
  const rows: number[][] = [];
  for (let r = 0; r < table.size; r++) {
    if (keep && !keep(r)) continue;
    rows.push([
      table.outcome[r],
      ...instrument.scales.map((s) => table.scaleMeans[s.key]?.[r] ?? Number.NaN),
    ]);
  }
  return { columns, rows };
}

/** The items of one scale as a data set, reverse-keyed items turned round (min + max − x). */
export function scaleItemsDataSet(
  instrument: InstrumentDefinition,
  scaleKey: string,
  tables: readonly ResponseTable[],
): DataSet {
  const scale = instrument.scales.find((s) => s.key === scaleKey);
  if (!scale) throw new Error(`Unknown scale ${scaleKey}`);
  const { min, max } = instrument.responseScale;
  const rows: number[][] = [];
  for (const table of tables) {
    for (let r = 0; r < table.size; r++) {
      rows.push(
        scale.items.map((item) => {
          const v = table.items[item]?.[r] ?? Number.NaN;
          return scale.reversed.includes(item) ? min + max - v : v;
        }),
      );
    }
  }
  return { columns: scale.items, rows };
}

/**
 * National aggregates of closed waves: loaded once per (wave, service), then every LA's report reuses
 * them. Closed waves never change, so nothing here expires; the caches are bounded instead.
 */
@Injectable()
export class NationalBenchmarksService {
  private readonly logger = new Logger('NationalBenchmarks');
  private readonly national = new BoundedCache<Promise<NationalData>>(NATIONAL_CAPACITY);
  private readonly funnels = new BoundedCache<Promise<Record<string, FunnelComputation>>>(32);
  private readonly drivers = new BoundedCache<Promise<DriversComputation | null>>(32);
  private readonly invariance = new BoundedCache<Promise<Record<string, InvarianceVerdict>>>(32);
  private readonly comparisons = new BoundedCache<Promise<ComparisonTable>>(NATIONAL_CAPACITY);

  constructor(private readonly data: ReportDataRepository) {}

  /** Forget everything (tests; or after an admin corrects a closed wave's data). */
  clear(): void {
    this.national.clear();
    this.funnels.clear();
    this.drivers.clear();
    this.invariance.clear();
    this.comparisons.clear();
  }

  nationalData(
    instrument: InstrumentDefinition,
    waveId: string,
    service: ServiceKind,
  ): Promise<NationalData> {
    return this.national.getOrCreate(`${waveId}|${service}`, async () => {
      const started = Date.now();
      const [rows, regions] = await Promise.all([
        this.data.nationalRows(waveId, service),
        this.data.organisationRegions(),
      ]);
      const table = buildResponseTable(instrument, rows);
      const regionOf = table.organisationIds.map((id) => regions.get(id) ?? '');
      this.logger.log(
        `Loaded ${table.size} responses for wave ${waveId} (${service}) in ${Date.now() - started} ms`,
      );
      return { table, regionOf, rowsOf: rowsByOrganisation(table) };
    });
  }

  /**
   * Every LA's mean 0–100 score per scale against England's, for LAs with at least K scored
   * responses (the others are left out of the plot entirely).
   */
  funnel(
    instrument: InstrumentDefinition,
    waveId: string,
    service: ServiceKind,
    k: number,
  ): Promise<Record<string, FunnelComputation>> {
    return this.funnels.getOrCreate(`${waveId}|${service}|${k}`, () =>
      this.computeFunnel(instrument, waveId, service, k),
    );
  }

  private async computeFunnel(
    instrument: InstrumentDefinition,
    waveId: string,
    service: ServiceKind,
    k: number,
  ): Promise<Record<string, FunnelComputation>> {
    const { table } = await this.nationalData(instrument, waveId, service);
    const result: Record<string, FunnelComputation> = {};
    for (const scale of instrument.scales) {
      const column = table.scaleScores[scale.key];
      const values: number[] = [];
      const units: string[] = [];
      for (let r = 0; r < table.size; r++) {
        const v = column[r];
        if (Number.isNaN(v)) continue;
        values.push(v);
        units.push(table.organisationIds[table.organisationOf[r]]);
      }
      try {
        result[scale.key] = funnelOf(values, units, k);
      } catch (error) {
        // e.g. no LA has K responses yet: the report then has no funnel for this scale.
        this.logger.warn(`No funnel for ${scale.key}: ${(error as Error).message}`);
      }
    }
    return result;
  }

  /** Every LA against England and its region (without itself), per scale. */
  comparisonTable(
    instrument: InstrumentDefinition,
    waveId: string,
    service: ServiceKind,
  ): Promise<ComparisonTable> {
    return this.comparisons.getOrCreate(`${waveId}|${service}`, async () => {
      const { table, regionOf } = await this.nationalData(instrument, waveId, service);
      const started = Date.now();
      const result = compareEveryOrganisation(instrument, table, regionOf);
      this.logger.log(
        `Compared ${result.size} LAs for wave ${waveId} (${service}) in ${Date.now() - started} ms`,
      );
      return result;
    });
  }

  /** Shapley shares of R² of intention to stay on the scale means, over England. */
  nationalDrivers(
    instrument: InstrumentDefinition,
    waveId: string,
    service: ServiceKind,
  ): Promise<DriversComputation | null> {
    return this.drivers.getOrCreate(`${waveId}|${service}`, async () => {
      const { table } = await this.nationalData(instrument, waveId, service);
      try {
        return driversOf(
          driversDataSet(instrument, table),
          instrument.outcome,
          instrument.scales.map((s) => s.key),
        );
      } catch (error) {
        this.logger.warn(`National drivers unavailable: ${(error as Error).message}`);
        return null;
      }
    });
  }

  /**
   * Per scale: does scalar invariance hold between two closed waves, on England's item data?
   * Both waves must use the same instrument.
   */
  invarianceBetween(
    instrument: InstrumentDefinition,
    previousWaveId: string,
    waveId: string,
    service: ServiceKind,
  ): Promise<Record<string, InvarianceVerdict>> {
    return this.invariance.getOrCreate(`${previousWaveId}|${waveId}|${service}`, async () => {
      const [before, after] = await Promise.all([
        this.nationalData(instrument, previousWaveId, service),
        this.nationalData(instrument, waveId, service),
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
          verdicts[scale.key] = {
            holds: false,
            steps: [],
            why: `the models could not be fitted (${(error as Error).message})`,
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
