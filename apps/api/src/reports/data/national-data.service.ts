import { Injectable, Logger } from '@nestjs/common';
import type { ServiceKind } from '@swhc/contracts';
import type { InstrumentDefinition } from '@swhc/instruments';
import { PsychometricsError } from '@swhc/psychometrics';
import { ComputationCache } from '../../common/computation-cache';
import { compareEveryOrganisation, type ComparisonTable } from '../statistics/la-comparisons';
import {
  driversOf,
  funnelOf,
  type DriversComputation,
  type FunnelComputation,
} from '../statistics/report-statistics';
import { driversDataSet } from './data-sets';
import { ReportDataRepository } from './report-data.repository';
import { countStatements, type StatementCounts } from './statement-counts';
import {
  buildResponseTable,
  rowsByOrganisation,
  subTable,
  type ResponseTable,
} from './response-table';

/** England's responses of one closed wave and service, with each organisation's region. */
export interface NationalData {
  readonly table: ResponseTable;
  /** Answered and favourable counts per statement and organisation. */
  readonly statements: StatementCounts;
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

/**
 * England's data sets of closed waves: loaded once per (wave, service), then every LA's report reuses
 * them. Closed waves never change, so nothing here expires; the caches are bounded instead.
 */
@Injectable()
export class NationalDataService {
  private readonly logger = new Logger('NationalData');
  private readonly national = new ComputationCache<NationalData>(NATIONAL_CAPACITY);
  private readonly funnels = new ComputationCache<Record<string, FunnelComputation>>(32);
  private readonly drivers = new ComputationCache<DriversComputation | null>(32);
  private readonly comparisons = new ComputationCache<ComparisonTable>(NATIONAL_CAPACITY);

  constructor(private readonly data: ReportDataRepository) {}

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
      return {
        table,
        statements: countStatements(instrument, table),
        regionOf,
        rowsOf: rowsByOrganisation(table),
      };
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
    return this.funnels.getOrCreate(`${waveId}|${service}|${k}`, async () => {
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
          if (!(error instanceof PsychometricsError)) throw error;
          this.logger.warn(`No funnel for ${scale.key}: ${error.message}`);
        }
      }
      return result;
    });
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
        if (!(error instanceof PsychometricsError)) throw error;
        this.logger.warn(`National drivers unavailable: ${error.message}`);
        return null;
      }
    });
  }
}
