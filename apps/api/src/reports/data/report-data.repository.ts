import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceKind } from '@swhc/contracts';
import { findInstrument, type InstrumentDefinition } from '@swhc/instruments';
import type { DataSource } from 'typeorm';
import { Instrument } from '../../instruments/instrument.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { Wave } from '../../waves/wave.entity';
import { Headcount } from '../headcount.entity';
import type { ResponseRow } from './response-table';

export interface WaveWithInstrument {
  readonly wave: Wave;
  readonly instrument: InstrumentDefinition;
}

/** Every read and write the report needs, in one place; nothing here computes a statistic. */
/** Waves change only when an admin adds or edits one: a report may see the list up to this old. */
const WAVES_TTL_MS = 10_000;

@Injectable()
export class ReportDataRepository {
  /** Published instrument versions never change, so each is read once. */
  private readonly definitions = new Map<string, InstrumentDefinition>();
  private wavesRead: { at: number; waves: Promise<WaveWithInstrument[]> } | null = null;

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

  /** Every wave with its instrument definition, oldest first (read at most every 10 s). */
  waves(now = Date.now()): Promise<WaveWithInstrument[]> {
    if (this.wavesRead && now - this.wavesRead.at < WAVES_TTL_MS) return this.wavesRead.waves;
    const waves = this.readWaves();
    this.wavesRead = { at: now, waves };
    waves.catch(() => {
      if (this.wavesRead?.waves === waves) this.wavesRead = null;
    });
    return waves;
  }

  private async readWaves(): Promise<WaveWithInstrument[]> {
    // Drafts are not reported on: nobody can have answered them.
    const waves = await this.dataSource
      .getRepository(Wave)
      .find({ where: { draft: false }, order: { opensAt: 'ASC' } });
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

  /** Responses of an LA's service in a wave, and the headcount its PSW entered: one round trip. */
  async countAndHeadcount(
    waveId: string,
    organisationId: string,
    service: ServiceKind,
  ): Promise<{ count: number; headcount: number | null }> {
    const rows = await this.dataSource.query<{ count: number; headcount: number | null }[]>(
      `SELECT (SELECT count(*)::int FROM survey_response
                WHERE wave_id = $1 AND organisation_id = $2 AND service = $3) AS count,
              (SELECT headcount FROM headcount
                WHERE wave_id = $1 AND organisation_id = $2 AND service = $3) AS headcount`,
      [waveId, organisationId, service],
    );
    return { count: Number(rows[0]?.count ?? 0), headcount: rows[0]?.headcount ?? null };
  }

  /** Every response of a wave and service in England (tens of thousands; cached by the caller). */
  nationalRows(waveId: string, service: ServiceKind): Promise<ResponseRow[]> {
    return this.dataSource.query<ResponseRow[]>(
      `SELECT organisation_id AS "organisationId", answers, scores FROM survey_response
        WHERE wave_id = $1 AND service = $2`,
      [waveId, service],
    );
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
