import { Injectable, type PipeTransform } from '@nestjs/common';
import type { SurveyResponseRequest } from '@swhc/contracts';
import { readSubmission } from './submission-request';

/** The survey response envelope on the Nest route, checked by the same rule as the intake lane. */
@Injectable()
export class SubmissionRequestPipe implements PipeTransform<unknown, SurveyResponseRequest> {
  transform(body: unknown): SurveyResponseRequest {
    return readSubmission(body);
  }
}
