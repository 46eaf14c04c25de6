import { applyDecorators, HttpStatus, type Type } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';

/**
 * Answers are sent again until acknowledged, under one submission id: the first store answers
 * 201, a repeat 200 with the same receipt, bad input 400 with nothing stored. The survey's and the
 * panel poll's answer routes both work this way.
 */
export const ApiSubmissionReceipt = (receipt: Type<unknown>): MethodDecorator =>
  applyDecorators(
    ApiCreatedResponse({ type: receipt, description: 'Stored and committed' }),
    ApiOkResponse({ type: receipt, description: 'Already stored: the same receipt again' }),
    ApiBadRequestResponse({ description: '{message, errors:[{field, message}]}; nothing stored' }),
  );

/** The receipt of a stored submission: status 201 the first time, 200 for a repeat. */
export function submissionReceipt(
  stored: { readonly created: boolean; readonly submissionId: string },
  res: Response,
): { submissionId: string } {
  res.status(stored.created ? HttpStatus.CREATED : HttpStatus.OK);
  return { submissionId: stored.submissionId };
}
