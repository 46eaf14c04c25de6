import type {
  FieldError,
  SurveyDefinitionResponse,
  SurveyResponseReceipt,
  SurveyResponseRequest,
} from '@swhc/contracts';
import { type ApiResult, type FetchLike, request } from './request';

const surveyPath = (code: string) => `/api/surveys/${encodeURIComponent(code)}`;

/** A survey link's definition; `not-found` for an unknown link, `gone` for a closed one. */
export const loadSurvey = (code: string, signal?: AbortSignal) =>
  request<SurveyDefinitionResponse>(surveyPath(code), { signal });

/**
 * What sending a response can lead to, as the retry loop sees it.
 * - accepted: 201 (stored now) or 200 (the identical request was stored before): both are a receipt.
 * - invalid: 400, the server stored nothing and said which answers are wrong.
 * - conflict: 409, this submission id is already stored with other answers.
 * - retryable: no answer from the server (offline, timeout) or a 5xx / 408 / 429.
 */
export type SendResponseResult =
  | { kind: 'accepted'; receipt: SurveyResponseReceipt }
  | { kind: 'invalid'; message: string; errors: FieldError[] }
  | { kind: 'conflict' }
  | { kind: 'not-found' }
  /** 410: the wave has closed (or not opened), or `replaced`: this link was replaced by a new one. */
  | { kind: 'closed'; replaced: boolean }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'retryable'; status?: number };

export async function sendResponse(
  code: string,
  body: SurveyResponseRequest,
  fetchFn?: FetchLike,
): Promise<SendResponseResult> {
  const result = await request<Receipt>(`${surveyPath(code)}/responses`, {
    method: 'POST',
    body,
    // The server, not the browser cache, decides; keepalive lets a send started just before the
    // page is hidden still reach the server.
    keepalive: true,
    fetchFn,
  });
  return sendOutcome(result, body.submissionId);
}

/** What a 2xx carries; read defensively, since an acknowledgement counts even without it. */
type Receipt = Partial<SurveyResponseReceipt> | null | undefined;

export function sendOutcome(result: ApiResult<Receipt>, submissionId: string): SendResponseResult {
  switch (result.kind) {
    case 'ok':
      return {
        kind: 'accepted',
        receipt: { submissionId: result.value?.submissionId ?? submissionId },
      };
    case 'unavailable':
      // A 2xx whose body we cannot read is still an acknowledgement of our id.
      return result.status === 200 || result.status === 201
        ? { kind: 'accepted', receipt: { submissionId } }
        : { kind: 'retryable', status: result.status };
    case 'refused':
      if (result.status === 400)
        return { kind: 'invalid', message: result.message, errors: [...result.errors] };
      if (result.status === 409) return { kind: 'conflict' };
      if (result.status === 408 || result.status === 429)
        return { kind: 'retryable', status: result.status };
      return { kind: 'rejected', status: result.status, message: result.message };
    case 'not-found':
      return { kind: 'not-found' };
    case 'gone':
      return { kind: 'closed', replaced: isReplacedLink(result) };
    case 'signed-out':
    case 'forbidden':
      return {
        kind: 'rejected',
        status: result.kind === 'signed-out' ? 401 : 403,
        message: result.message,
      };
    case 'aborted':
      return { kind: 'retryable' };
  }
}

/** A 410 whose errors name the code: the link was replaced by a new one (it leaked). */
export function isReplacedLink(result: { readonly errors: readonly { field: string }[] }): boolean {
  return result.errors.some((e) => e.field === 'code');
}
