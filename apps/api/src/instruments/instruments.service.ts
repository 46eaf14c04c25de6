import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  buildSurveyJsonByService,
  INSTRUMENTS,
  type InstrumentDefinition,
} from '@swhc/instruments';
import type { InstrumentVersionView } from '@swhc/contracts';
import { validateInstrumentDefinition } from '@swhc/instruments';
import { Repository } from 'typeorm';
import { auditActor, type AuditActor, AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError } from '../common/errors';
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
  constructor(
    @InjectRepository(Instrument) private readonly instruments: Repository<Instrument>,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores every version the code knows that the database lacks (an upsert: instances publishing
   * at once store it once), then refuses to start if a stored version's content differs.
   */
  async publishKnownVersions(now = new Date()): Promise<void> {
    for (const definition of INSTRUMENTS) {
      const hash = contentHash(definition);
      await this.instruments.query(
        `INSERT INTO instrument (key, version, title, definition, survey_json_by_service, content_hash, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key, version) DO NOTHING`,
        [
          definition.key,
          definition.version,
          definition.title,
          JSON.stringify(definition),
          JSON.stringify(buildSurveyJsonByService(definition)),
          hash,
          now,
        ],
      );
      const stored = await this.instruments.findOne({
        where: { key: definition.key, version: definition.version },
        select: { id: true, contentHash: true },
      });
      if (stored?.contentHash !== hash) {
        throw new PublishedInstrumentChangedError(definition.key, definition.version);
      }
    }
  }

  findById(id: string): Promise<Instrument | null> {
    return this.instruments.findOneBy({ id });
  }

  /** Every published version, newest first, with its content hash and how many waves use it. */
  async list(): Promise<InstrumentVersionView[]> {
    const rows = await this.instruments
      .createQueryBuilder('i')
      .select(['i.id', 'i.key', 'i.version', 'i.title', 'i.contentHash', 'i.publishedAt'])
      .addSelect("jsonb_array_length(i.definition->'questions')", 'questions')
      .addSelect('(SELECT count(*) FROM wave w WHERE w.instrument_id = i.id)', 'waves')
      .orderBy('i.key')
      .addOrderBy('i.version', 'DESC')
      .getRawAndEntities();
    return rows.entities.map((i, n) => ({
      id: i.id,
      key: i.key,
      version: i.version,
      title: i.title,
      contentHash: i.contentHash,
      publishedAt: i.publishedAt.toISOString(),
      questions: Number((rows.raw[n] as { questions?: unknown }).questions ?? 0),
      waves: Number((rows.raw[n] as { waves?: unknown }).waves ?? 0),
    }));
  }

  /**
   * Publishes a new version from a definition uploaded as JSON: validated by libs/instruments
   * (every problem named by its path), refused when that key and version exist (published versions
   * never change), stored with its SurveyJS JSON per service and its content hash. Audited.
   */
  async publish(input: unknown, actor: AuditActor, now: Date): Promise<InstrumentVersionView> {
    const result = validateInstrumentDefinition(input);
    if (!result.valid)
      throw new InvalidInputError('The instrument definition is not valid', result.errors);
    const definition = result.definition;
    const taken = () =>
      ConflictError.of(
        'This version is already published',
        'version',
        `${definition.key} v${definition.version} exists and published versions never change: use a new version number`,
      );
    const saved = await this.instruments.manager
      .transaction(async (manager) => {
        if (
          await manager.existsBy(Instrument, { key: definition.key, version: definition.version })
        )
          throw taken();
        const instrument = await manager.save(
          manager.create(Instrument, {
            key: definition.key,
            version: definition.version,
            title: definition.title,
            definition,
            surveyJsonByService: buildSurveyJsonByService(definition),
            contentHash: contentHash(definition),
            publishedAt: now,
          }),
        );
        await this.audit.record(
          {
            action: 'instrument-published',
            ...auditActor(actor),
            target: `instrument:${definition.key}:${definition.version}`,
            detail: { hash: instrument.contentHash, questions: definition.questions.length },
          },
          now,
          manager,
        );
        return instrument;
      })
      .catch((error: unknown) => {
        // Two uploads of one version at once: the unique key refuses the second.
        if ((error as { code?: unknown }).code === '23505') throw taken();
        throw error;
      });
    return {
      id: saved.id,
      key: saved.key,
      version: saved.version,
      title: saved.title,
      contentHash: saved.contentHash,
      publishedAt: saved.publishedAt.toISOString(),
      questions: definition.questions.length,
      waves: 0,
    };
  }
}
