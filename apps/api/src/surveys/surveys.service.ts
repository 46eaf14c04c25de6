import { Inject, Injectable } from '@nestjs/common';
import type { Answers, SurveyDefinitionResponse, SurveyResponseRequest } from '@swhc/contracts';
import { scoreResponse, validateAnswers } from '@swhc/instruments';
import { CLOCK, type Clock, nowOf } from '../common/clock';
import {
  ConflictError,
  ForbiddenStateError,
  InvalidInputError,
  NotFoundError,
} from '../common/errors';
import type { Instrument } from '../instruments/instrument.entity';
import { ResponsesService } from '../responses/responses.service';
import { EnrolmentsService } from '../waves/enrolments.service';
import { LINK_CODE_MAX_LENGTH } from '../waves/link-code';
import { type CataloguedLink, SurveyCatalogue } from '../waves/survey-catalogue';
import { waveState } from '../waves/wave-state';

export interface StoredSubmission {
  /** True when this call stored the response; false when it was a replay of a stored one. */
  readonly created: boolean;
  readonly submissionId: string;
}

const NO_SURVEY = 'There is no survey at this link';

/** The 410 for a code whose link was replaced: `errors` names the code, so pages can tell. */
export function replacedLinkError(): ForbiddenStateError {
  return new ForbiddenStateError(
    'replaced',
    'This link was replaced by a new one. Ask your principal social worker for the new link.',
    [{ field: 'code', message: 'was replaced by a new link' }],
  );
}

/**
 * The respondent's side: resolve a link code to an open survey and accept its answers. Links,
 * wave dates and instruments come from the in-memory SurveyCatalogue, so an accepted response
 * costs one SQL statement (ResponsesService.store), which itself checks that the code still
 * stands and its wave is open.
 */
@Injectable()
export class SurveysService {
  constructor(
    private readonly catalogue: SurveyCatalogue,
    private readonly responses: ResponsesService,
    private readonly enrolments: EnrolmentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async describe(code: string, now = nowOf(this.clock)): Promise<SurveyDefinitionResponse> {
    const link = await this.linkFor(code);
    refuseUnlessOpen(link, now);
    const instrument = await this.instrumentOf(link);
    return {
      code: link.code,
      wave: {
        id: link.wave.id,
        name: link.wave.name,
        opensAt: link.wave.opensAt.toISOString(),
        closesAt: link.wave.closesAt.toISOString(),
      },
      organisation: { gssCode: link.organisation.gssCode, name: link.organisation.name },
      service: link.service,
      instrument: { key: instrument.key, version: instrument.version },
      survey: instrument.surveyJsonByService[link.service],
    };
  }

  async submit(
    code: string,
    dto: SurveyResponseRequest,
    now = nowOf(this.clock),
  ): Promise<StoredSubmission> {
    const link = await this.linkFor(code);
    const submissionId = dto.submissionId.toLowerCase();
    // A closed wave still answers a replay of what it stored, with the same receipt.
    if (waveState(link.wave, now) !== 'open') {
      return this.replayOrRefuse(link, submissionId, dto.answers, now);
    }
    const instrument = await this.instrumentOf(link);
    const validation = validateAnswers(instrument.definition, dto.answers, link.service);
    if (!validation.valid) {
      throw new InvalidInputError('Some answers are not valid', validation.errors);
    }
    const stored = await this.responses.store(
      {
        linkId: link.linkId,
        code: link.code,
        submissionId,
        answers: validation.answers,
        scores: scoreResponse(instrument.definition, validation.answers),
      },
      now,
    );
    if (stored) return { created: true, submissionId };
    // Nothing stored: a retry of a stored submission, a reused id, or the link or wave changed.
    return this.replayOrRefuse(link, submissionId, validation.answers, now);
  }

  /** The link behind a code; a replaced code is 410, an unknown one 404. */
  private async linkFor(code: string): Promise<CataloguedLink> {
    if (code.length > LINK_CODE_MAX_LENGTH) throw new NotFoundError(NO_SURVEY);
    const link = await this.catalogue.link(code);
    if (link) return link;
    return this.refuseMissing(code);
  }

  private async refuseMissing(code: string): Promise<never> {
    if (await this.enrolments.wasReplaced(code)) throw replacedLinkError();
    throw new NotFoundError(NO_SURVEY);
  }

  private async instrumentOf(link: CataloguedLink): Promise<Instrument> {
    const instrument = await this.catalogue.instrument(link.wave.instrumentId);
    if (!instrument) throw new NotFoundError(NO_SURVEY);
    return instrument;
  }

  /** The receipt of a submission stored before, or why this one cannot be stored. */
  private async replayOrRefuse(
    link: CataloguedLink,
    submissionId: string,
    answers: Answers,
    now: Date,
  ): Promise<StoredSubmission> {
    const earlier = await this.responses.earlier({ linkId: link.linkId, submissionId, answers });
    if (earlier === 'same') return { created: false, submissionId };
    if (earlier === 'different') {
      throw ConflictError.of(
        'This submission id was already used for different answers',
        'submissionId',
        'was already used for different answers; generate a new one',
      );
    }
    // The database refused it although memory said open: the link or its wave changed.
    const current = await this.catalogue.reload(link.code);
    if (!current) return this.refuseMissing(link.code);
    refuseUnlessOpen(current, now);
    throw new ForbiddenStateError('changed', `${current.wave.name} is not taking answers`);
  }
}

function refuseUnlessOpen(link: CataloguedLink, now: Date): void {
  const status = waveState(link.wave, now);
  if (status === 'closed') throw new ForbiddenStateError(status, `${link.wave.name} has closed`);
  if (status !== 'open') {
    throw new ForbiddenStateError(status, `${link.wave.name} has not opened yet`);
  }
}
