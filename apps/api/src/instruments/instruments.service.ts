import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  buildSurveyJsonByService,
  INSTRUMENTS,
  type InstrumentDefinition,
} from '@swhc/instruments';
import { Repository } from 'typeorm';
import { Instrument } from './instrument.entity';

export class PublishedInstrumentChangedError extends Error {
  constructor(key: string, version: number) {
    super(
      `Instrument ${key} v${version} is already published with different content. Published versions ` +
        'are immutable: add a new version instead of editing this one.',
    );
    this.name = 'PublishedInstrumentChangedError';
  }
}

export function contentHash(definition: InstrumentDefinition): string {
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

@Injectable()
export class InstrumentsService {
  constructor(@InjectRepository(Instrument) private readonly instruments: Repository<Instrument>) {}

  /** Stores every version the code knows that the database lacks; refuses an edited published one. */
  async publishKnownVersions(now = new Date()): Promise<void> {
    for (const definition of INSTRUMENTS) {
      const hash = contentHash(definition);
      const existing = await this.instruments.findOneBy({
        key: definition.key,
        version: definition.version,
      });
      if (existing) {
        if (existing.contentHash !== hash)
          throw new PublishedInstrumentChangedError(definition.key, definition.version);
        continue;
      }
      await this.instruments.save(
        this.instruments.create({
          key: definition.key,
          version: definition.version,
          title: definition.title,
          definition,
          surveyJsonByService: buildSurveyJsonByService(definition),
          contentHash: hash,
          publishedAt: now,
        }),
      );
    }
  }

  findById(id: string): Promise<Instrument | null> {
    return this.instruments.findOneBy({ id });
  }
}
