import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { PollForMember } from '@swhc/contracts';
import type { Response } from 'express';
import { Public } from '../common/public.decorator';
import { ApiSubmissionReceipt, submissionReceipt } from '../common/submission-receipt';
import { AnswersService } from './answers/answers.service';
import { PanelTokenDto } from './dto/panel-member.dto';
import { PollAnswerDto, PollAnswerReceiptDto } from './dto/poll-answer.dto';

/** A member answering a poll from their personal link (token in the body, never in a URL). */
@ApiTags('panel')
@Public()
@Controller('panel')
export class PollAnswersController {
  constructor(private readonly answers: AnswersService) {}

  @Post('invitation')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The poll behind a personal link' })
  @ApiNotFoundResponse({ description: 'Not a poll link' })
  @ApiConflictResponse({ description: 'Already answered' })
  @ApiGoneResponse({ description: 'The poll has closed' })
  invitation(@Body() body: PanelTokenDto): Promise<PollForMember> {
    return this.answers.describe(body.token);
  }

  @Post('answers')
  @ApiSubmissionReceipt(PollAnswerReceiptDto)
  @ApiConflictResponse({ description: 'This link was already used to answer' })
  @ApiNotFoundResponse({ description: 'Not a poll link' })
  @ApiGoneResponse({ description: 'The poll has closed' })
  async answer(
    @Body() body: PollAnswerDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PollAnswerReceiptDto> {
    const stored = await this.answers.submit(body.token, body.submissionId, body.answers);
    return submissionReceipt(stored, res);
  }
}
