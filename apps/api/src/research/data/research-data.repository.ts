import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceKind } from '@swhc/contracts';
import { findInstrument, type InstrumentDefinition } from '@swhc/instruments';
import type { DataSource } from 'typeorm';
import type { ResponseRow } from '../../reports/data/response-table';
import { waveState } from '../../waves/wave-state';

export interface ResearchWave {
  readonly id: string;
  readonly name: string;
  readonly opensAt: Date;
  readonly closesAt: Date;
  /** A draft wave is never open or closed, whatever its dates say. */
  readonly draft: boolean;
  readonly instrument: InstrumentDefinition;
}

export interface ResearchOrganisation {
  readonly id: string;
  readonly gssCode: string;
  readonly name: string;
  readonly region: string;
}

/** Reads for the research pages (validation, national picture, exports); no statistics here. */
@Injectable()
export class ResearchDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every wave with its instrument version, oldest first. */
  async waves(): Promise<ResearchWave[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        name: string;
        opensAt: Date;
        closesAt: Date;
        draft: boolean;
        key: string;
        version: number;
        definition: InstrumentDefinition;
      }[]
    >(
      `SELECT w.id, w.name, w.opens_at AS "opensAt", w.closes_at AS "closesAt", w.draft,
              i.key, i.version, i.definition
         FROM wave w JOIN instrument i ON i.id = w.instrument_id
        ORDER BY w.opens_at, w.name`,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      opensAt: new Date(r.opensAt),
      closesAt: new Date(r.closesAt),
      draft: r.draft,
      // The code's definition of a published version is identical (the content hash check).
      instrument: findInstrument(r.key, r.version) ?? r.definition,
    }));
  }

  /** Closed waves of one instrument version, oldest first. */
  async closedWaves(key: string, version: number, now: Date): Promise<ResearchWave[]> {
    return (await this.waves()).filter(
      (w) =>
        w.instrument.key === key &&
        w.instrument.version === version &&
        waveState(w, now) === 'closed',
    );
  }

  organisations(): Promise<ResearchOrganisation[]> {
    return this.dataSource.query(
      `SELECT id, gss_code AS "gssCode", name, region FROM organisation ORDER BY gss_code`,
    );
  }

  /** Responses of a wave per service (for the validation report). */
  rows(waveId: string, service: ServiceKind): Promise<ResponseRow[]> {
    return this.dataSource.query<ResponseRow[]>(
      `SELECT organisation_id AS "organisationId", answers, scores FROM survey_response
        WHERE wave_id = $1 AND service = $2`,
      [waveId, service],
    );
  }

  /** Responses per wave and service. */
  counts(
    waveIds: readonly string[],
  ): Promise<{ waveId: string; service: ServiceKind; n: number }[]> {
    return this.dataSource.query(
      `SELECT wave_id AS "waveId", service, count(*)::int AS n FROM survey_response
        WHERE wave_id = ANY($1::uuid[]) GROUP BY wave_id, service`,
      [waveIds],
    );
  }
}
