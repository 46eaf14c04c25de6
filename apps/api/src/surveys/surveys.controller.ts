import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { SurveyResponseRequest } from '@swhc/contracts';
import { MAX_BODY_BYTES } from '../common/json-body.middleware';
import { Public } from '../common/public.decorator';
import { ApiSubmissionReceipt, submissionReceipt } from '../common/submission-receipt';
import { SubmitResponseDto } from './dto/submit-response.dto';
import { SurveyCodeParams } from './dto/survey-code.params';
import { SurveyDefinitionDto, SurveyResponseReceiptDto } from './dto/survey-definition.dto';
import { SubmissionRequestPipe } from './submission-request.pipe';
import { SurveysService } from './surveys.service';

@ApiTags('surveys')
@Public()
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get(':code')
  @ApiOkResponse({ type: SurveyDefinitionDto, description: 'The survey behind an open link' })
  @ApiNotFoundResponse({ description: 'Unknown link code' })
  @ApiGoneResponse({ description: 'The wave has closed (or not opened)' })
  describe(@Param() { code }: SurveyCodeParams): Promise<SurveyDefinitionDto> {
    return this.surveys.describe(code);
  }

  /**
   * Most responses never reach this method: the intake lane (intake-lane.ts) answers plain JSON
   * posts to this path before Express. This route answers the rest (another content encoding, a
   * cookie, a query string) with the same rules, and documents the route.
   */
  @Post(':code/responses')
  @ApiBody({ type: SubmitResponseDto })
  @ApiSubmissionReceipt(SurveyResponseReceiptDto)
  @ApiConflictResponse({ description: 'The submission id was used for different answers' })
  @ApiNotFoundResponse({ description: 'Unknown link code' })
  @ApiGoneResponse({ description: 'The wave has closed' })
  @ApiPayloadTooLargeResponse({ description: `Body over ${MAX_BODY_BYTES / 1024} kB` })
  async submit(
    @Param() { code }: SurveyCodeParams,
    @Body(SubmissionRequestPipe) body: SurveyResponseRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SurveyResponseReceiptDto> {
    const stored = await this.surveys.submit(code, body);
    return submissionReceipt(stored, res);
  }
}
