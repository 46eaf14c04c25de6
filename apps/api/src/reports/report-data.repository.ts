import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceKind } from '@swhc/contracts';
import { findInstrument, type InstrumentDefinition } from '@swhc/instruments';
import type { DataSource } from 'typeorm';
import { Instrument } from '../instruments/instrument.entity';
import { Organisation } from '../organisations/organisation.entity';
import { SurveyResponse } from '../responses/survey-response.entity';
import { Wave } from '../waves/wave.entity';
import { Headcount } from './headcount.entity';
import type { ResponseRow } from './response-table';

export interface WaveWithInstrument {
  readonly wave: Wave;
  readonly instrument: InstrumentDefinition;
}

/** Every read and write the report needs, in one place; nothing here computes a statistic. */
@Injectable()
export class ReportDataRepository {
  /** Published instrument versions never change, so each is read once. */
  private readonly definitions = new Map<string, InstrumentDefinition>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOrganisation(gssCode: string): Promise<Organisation | null> {
    return this.dataSource
      .getRepository(Organisation)
      .findOneBy({ gssCode: gssCode.toUpperCase() });
  }

  /** Every organisation's name and region (about 150 rows). */
  organisations(): Promise<Pick<Organisation, 'id' | 'gssCode' | 'name' | 'region'>[]> {
    return this.dataSource.getRepository(Organisation).find({
      select: { id: true, gssCode: true, name: true, region: true },
      order: { gssCode: 'ASC' },
    });
  }

  /** id → region of every organisation (about 150 rows). */
  async organisationRegions(): Promise<Map<string, string>> {
    const rows = await this.dataSource
      .getRepository(Organisation)
      .find({ select: { id: true, region: true } });
    return new Map(rows.map((o) => [o.id, o.region]));
  }

  /** Every wave with its instrument definition, oldest first. */
  async waves(): Promise<WaveWithInstrument[]> {
    const waves = await this.dataSource.getRepository(Wave).find({ order: { opensAt: 'ASC' } });
    const result: WaveWithInstrument[] = [];
    for (const wave of waves)
      result.push({ wave, instrument: await this.definition(wave.instrumentId) });
    return result;
  }

  private async definition(instrumentId: string): Promise<InstrumentDefinition> {
    const known = this.definitions.get(instrumentId);
    if (known) return known;
    const instrument = await this.dataSource
      .getRepository(Instrument)
      .findOneByOrFail({ id: instrumentId });
    const definition = definitionOf(instrument);
    this.definitions.set(instrumentId, definition);
    return definition;
  }

  countResponses(waveId: string, organisationId: string, service: ServiceKind): Promise<number> {
    return this.dataSource
      .getRepository(SurveyResponse)
      .countBy({ waveId, organisationId, service });
  }

  /** Every response of a wave and service in England (tens of thousands; cached by the caller). */
  nationalRows(waveId: string, service: ServiceKind): Promise<ResponseRow[]> {
    return this.dataSource.query<ResponseRow[]>(
      `SELECT organisation_id AS "organisationId", answers, scores FROM survey_response
        WHERE wave_id = $1 AND service = $2`,
      [waveId, service],
    );
  }

  async headcount(
    waveId: string,
    organisationId: string,
    service: ServiceKind,
  ): Promise<number | null> {
    const row = await this.dataSource
      .getRepository(Headcount)
      .findOneBy({ waveId, organisationId, service });
    return row?.headcount ?? null;
  }

  async saveHeadcount(
    waveId: string,
    organisationId: string,
    service: ServiceKind,
    headcount: number,
  ): Promise<void> {
    await this.dataSource.getRepository(Headcount).upsert(
      { waveId, organisationId, service, headcount },
      {
        conflictPaths: ['organisationId', 'waveId', 'service'],
      },
    );
  }
}

/** The definition the code knows for a published version (identical by the content hash check). */
function definitionOf(instrument: Instrument): InstrumentDefinition {
  return findInstrument(instrument.key, instrument.version) ?? instrument.definition;
}
