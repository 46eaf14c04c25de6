import type {
  FieldError,
  SurveyDefinitionResponse,
  SurveyResponseReceipt,
  SurveyResponseRequest,
} from '@swhc/contracts';

/** What loading a survey link can lead to. Network failures are a value too, so callers must handle them. */
export type LoadSurveyResult =
  | { kind: 'ok'; definition: SurveyDefinitionResponse }
  | { kind: 'not-found' }
  | { kind: 'closed' }
  | { kind: 'unavailable'; status?: number };

/**
 * What sending a response can lead to.
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
  | { kind: 'closed' }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'retryable'; status?: number };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const surveyPath = (code: string) => `/api/surveys/${encodeURIComponent(code)}`;

const isRetryableStatus = (status: number) => status >= 500 || status === 408 || status === 429;

export async function loadSurvey(
  code: string,
  fetchFn: FetchLike = fetch,
): Promise<LoadSurveyResult> {
  let res: Response;
  try {
    res = await fetchFn(surveyPath(code), { headers: { Accept: 'application/json' } });
  } catch {
    return { kind: 'unavailable' };
  }
  if (res.status === 404) return { kind: 'not-found' };
  if (res.status === 410) return { kind: 'closed' };
  if (!res.ok) return { kind: 'unavailable', status: res.status };
  try {
    return { kind: 'ok', definition: (await res.json()) as SurveyDefinitionResponse };
  } catch {
    return { kind: 'unavailable', status: res.status };
  }
}

export async function sendResponse(
  code: string,
  body: SurveyResponseRequest,
  fetchFn: FetchLike = fetch,
): Promise<SendResponseResult> {
  let res: Response;
  try {
    res = await fetchFn(`${surveyPath(code)}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      // The server, not the browser cache, decides; keepalive lets a send started just before
      // the page is hidden still reach the server.
      cache: 'no-store',
      keepalive: true,
    });
  } catch {
    return { kind: 'retryable' };
  }
  if (res.status === 200 || res.status === 201) {
    const receipt = await readJson<Partial<SurveyResponseReceipt>>(res);
    // A 2xx whose body we cannot read is still an acknowledgement of our id.
    return {
      kind: 'accepted',
      receipt: { submissionId: receipt?.submissionId ?? body.submissionId },
    };
  }
  if (isRetryableStatus(res.status)) return { kind: 'retryable', status: res.status };
  const problem = await readJson<{ message?: unknown; errors?: unknown }>(res);
  const message = typeof problem?.message === 'string' ? problem.message : `HTTP ${res.status}`;
  switch (res.status) {
    case 400:
      return { kind: 'invalid', message, errors: toFieldErrors(problem?.errors) };
    case 404:
      return { kind: 'not-found' };
    case 409:
      return { kind: 'conflict' };
    case 410:
      return { kind: 'closed' };
    default:
      return { kind: 'rejected', status: res.status, message };
  }
}

async function readJson<T>(res: Response): Promise<T | undefined> {
  try {
    return (await res.json()) as T;
  } catch {
    return undefined;
  }
}

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, message } = item as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}
