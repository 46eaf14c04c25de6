import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SERVICE_KINDS, type ServiceKind, type WaveState } from '@swhc/contracts';
import { type EntityManager, Repository } from 'typeorm';
import { InvalidInputError } from '../common/errors';
import { Organisation } from '../organisations/organisation.entity';
import { generateLinkCode } from './link-code';
import { SurveyLink } from './survey-link.entity';
import { Wave } from './wave.entity';

/** Whether a wave takes answers at `now`: not yet, now, or no longer. */
export function waveState(wave: Pick<Wave, 'opensAt' | 'closesAt'>, now = new Date()): WaveState {
  if (now < wave.opensAt) return 'not-open';
  return now < wave.closesAt ? 'open' : 'closed';
}

@Injectable()
export class WavesService {
  constructor(
    @InjectRepository(Wave) private readonly waves: Repository<Wave>,
    @InjectRepository(SurveyLink) private readonly links: Repository<SurveyLink>,
  ) {}

  /** Creates a wave; `manager` lets a caller do it inside its own transaction. */
  async createWave(
    input: { name: string; instrumentId: string; opensAt: Date; closesAt: Date },
    manager: EntityManager = this.waves.manager,
  ): Promise<Wave> {
    if (input.closesAt <= input.opensAt) {
      throw InvalidInputError.of('The wave is not valid', 'closesAt', 'must be after it opens');
    }
    return manager.save(manager.create(Wave, input));
  }

  /**
   * One link per LA × service, with random codes unless a code maker is given (demo mode).
   * Returns the links created.
   */
  async createLinks(
    wave: Wave,
    organisations: readonly Organisation[],
    code: (organisation: Organisation, service: ServiceKind) => string = () => generateLinkCode(),
    manager: EntityManager = this.links.manager,
  ): Promise<SurveyLink[]> {
    const rows = organisations.flatMap((organisation) =>
      SERVICE_KINDS.map((service) => ({
        code: code(organisation, service),
        waveId: wave.id,
        organisationId: organisation.id,
        service,
      })),
    );
    for (let i = 0; i < rows.length; i += 500)
      await manager.insert(SurveyLink, rows.slice(i, i + 500));
    return manager.find(SurveyLink, { where: { waveId: wave.id } });
  }

  findLinkByCode(code: string): Promise<SurveyLink | null> {
    return this.links.findOne({ where: { code }, relations: { wave: true, organisation: true } });
  }
}
