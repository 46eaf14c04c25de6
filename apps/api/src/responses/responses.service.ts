import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Answers } from '@swhc/contracts';
import type { ScaleScores } from '@swhc/instruments';
import { Repository } from 'typeorm';
import { ConflictError } from '../common/errors';
import type { SurveyLink } from '../waves/survey-link.entity';
import { answersDigest } from './answers-digest';
import { SurveyResponse } from './survey-response.entity';

export interface StoredSubmission {
  /** True when this call stored the response; false when it was a replay of a stored one. */
  readonly created: boolean;
  readonly submissionId: string;
}

/** UTC day only: a response keeps no exact time (docs/privacy.md). */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

@Injectable()
export class ResponsesService {
  constructor(
    @InjectRepository(SurveyResponse) private readonly responses: Repository<SurveyResponse>,
  ) {}

  /**
   * Stores a validated response exactly once. The insert relies on the unique submission id
   * (ON CONFLICT DO NOTHING) rather than a read-then-write, so concurrent retries cannot both
   * insert. It returns only after the single-statement transaction has committed.
   */
  async store(
    link: SurveyLink,
    submissionId: string,
    answers: Answers,
    scores: ScaleScores,
    now = new Date(),
  ): Promise<StoredSubmission> {
    const digest = answersDigest(answers);
    const inserted = await this.responses
      .createQueryBuilder()
      .insert()
      .into(SurveyResponse)
      .values({
        submissionId,
        surveyLinkId: link.id,
        waveId: link.waveId,
        organisationId: link.organisationId,
        service: link.service,
        answers,
        scores,
        answersDigest: digest,
        submittedOn: dayOf(now),
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw && (inserted.raw as unknown[]).length > 0)
      return { created: true, submissionId };

    const existing = await this.responses.findOne({
      where: { submissionId },
      select: { id: true, surveyLinkId: true, answersDigest: true },
    });
    if (existing && existing.surveyLinkId === link.id && existing.answersDigest === digest) {
      return { created: false, submissionId };
    }
    throw ConflictError.of(
      'This submission id was already used for different answers',
      'submissionId',
      'was already used for different answers; generate a new one',
    );
  }
}
