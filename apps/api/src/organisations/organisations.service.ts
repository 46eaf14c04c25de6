import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { parseOrganisationsCsv } from './organisation-csv';
import { Organisation } from './organisation.entity';

export const SEED_ORGANISATIONS_CSV = join(__dirname, 'data', 'england-upper-tier-authorities.csv');

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  /** Inserts or updates organisations by GSS code; never deletes (responses refer to them). */
  async importCsv(text: string): Promise<number> {
    const records = parseOrganisationsCsv(text);
    await this.organisations.upsert(records, { conflictPaths: ['gssCode'] });
    return records.length;
  }

  async importSeedList(): Promise<number> {
    return this.importCsv(readFileSync(SEED_ORGANISATIONS_CSV, 'utf8'));
  }

  findByGssCode(gssCode: string): Promise<Organisation | null> {
    return this.organisations.findOneBy({ gssCode: gssCode.toUpperCase() });
  }

  findAll(): Promise<Organisation[]> {
    return this.organisations.find({ order: { gssCode: 'ASC' } });
  }
}
