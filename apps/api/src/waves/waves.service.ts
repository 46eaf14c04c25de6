import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SERVICE_KINDS } from '@swhc/contracts';
import { Repository } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { generateLinkCode } from './link-code';
import { SurveyLink } from './survey-link.entity';
import { Wave } from './wave.entity';

export type WaveStatus = 'not-open' | 'open' | 'closed';

export function waveStatus(wave: Pick<Wave, 'opensAt' | 'closesAt'>, now = new Date()): WaveStatus {
  if (now < wave.opensAt) return 'not-open';
  return now < wave.closesAt ? 'open' : 'closed';
}

@Injectable()
export class WavesService {
  constructor(
    @InjectRepository(Wave) private readonly waves: Repository<Wave>,
    @InjectRepository(SurveyLink) private readonly links: Repository<SurveyLink>,
  ) {}

  async createWave(input: {
    name: string;
    instrumentId: string;
    opensAt: Date;
    closesAt: Date;
  }): Promise<Wave> {
    if (input.closesAt <= input.opensAt) throw new Error('A wave must close after it opens');
    return this.waves.save(this.waves.create(input));
  }

  /** One link per LA × service, with random codes unless a code maker is given (demo mode). */
  async createLinks(
    wave: Wave,
    organisations: readonly Organisation[],
    code: (organisation: Organisation, service: (typeof SERVICE_KINDS)[number]) => string = () =>
      generateLinkCode(),
  ): Promise<void> {
    const rows = organisations.flatMap((organisation) =>
      SERVICE_KINDS.map((service) => ({
        code: code(organisation, service),
        waveId: wave.id,
        organisationId: organisation.id,
        service,
      })),
    );
    for (let i = 0; i < rows.length; i += 500) await this.links.insert(rows.slice(i, i + 500));
  }

  findLinkByCode(code: string): Promise<SurveyLink | null> {
    return this.links.findOne({ where: { code }, relations: { wave: true, organisation: true } });
  }

  findByName(name: string): Promise<Wave | null> {
    return this.waves.findOneBy({ name });
  }

  findAll(): Promise<Wave[]> {
    return this.waves.find({ order: { opensAt: 'ASC' } });
  }
}
