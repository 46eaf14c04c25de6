import { Inject, Injectable } from '@nestjs/common';
import type { SurveyDefinitionResponse } from '@swhc/contracts';
import { scoreResponse, validateAnswers } from '@swhc/instruments';
import { CLOCK, type Clock, nowOf } from '../common/clock';
import { ForbiddenStateError, InvalidInputError, NotFoundError } from '../common/errors';
import type { Instrument } from '../instruments/instrument.entity';
import { InstrumentsService } from '../instruments/instruments.service';
import { ResponsesService, type StoredSubmission } from '../responses/responses.service';
import { EnrolmentsService } from '../waves/enrolments.service';
import { LINK_CODE_MAX_LENGTH } from '../waves/link-code';
import type { SurveyLink } from '../waves/survey-link.entity';
import { waveState } from '../waves/wave-state';
import type { SubmitResponseDto } from './dto/submit-response.dto';

interface OpenLink {
  readonly link: SurveyLink;
  readonly instrument: Instrument;
}

/** The 410 for a code whose link was replaced: `errors` names the code, so pages can tell. */
export function replacedLinkError(): ForbiddenStateError {
  return new ForbiddenStateError(
    'replaced',
    'This link was replaced by a new one. Ask your principal social worker for the new link.',
    [{ field: 'code', message: 'was replaced by a new link' }],
  );
}

/** The respondent's side: resolve a link code to an open survey and accept its answers. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly instruments: InstrumentsService,
    private readonly responses: ResponsesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async openLink(code: string, now: Date): Promise<OpenLink> {
    const link =
      code.length <= LINK_CODE_MAX_LENGTH ? await this.enrolments.findLinkByCode(code) : null;
    if (!link) {
      if (code.length <= LINK_CODE_MAX_LENGTH && (await this.enrolments.wasReplaced(code)))
        throw replacedLinkError();
      throw new NotFoundError('There is no survey at this link');
    }
    const status = waveState(link.wave, now);
    if (status === 'closed') throw new ForbiddenStateError(status, `${link.wave.name} has closed`);
    if (status !== 'open')
      throw new ForbiddenStateError(status, `${link.wave.name} has not opened yet`);
    const instrument = await this.instruments.findById(link.wave.instrumentId);
    if (!instrument) throw new NotFoundError('There is no survey at this link');
    return { link, instrument };
  }

  async describe(code: string, now = nowOf(this.clock)): Promise<SurveyDefinitionResponse> {
    const { link, instrument } = await this.openLink(code, now);
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
    dto: SubmitResponseDto,
    now = nowOf(this.clock),
  ): Promise<StoredSubmission> {
    const { link, instrument } = await this.openLink(code, now);
    const validation = validateAnswers(instrument.definition, dto.answers, link.service);
    if (!validation.valid) {
      throw new InvalidInputError('Some answers are not valid', validation.errors);
    }
    const scores = scoreResponse(instrument.definition, validation.answers);
    return this.responses.store(
      link,
      dto.submissionId.toLowerCase(),
      validation.answers,
      scores,
      now,
    );
  }
}
