import type { FieldError } from '@swhc/contracts';

/**
 * What one call to the api can lead to. Every outcome is a value, so a page handles each one.
 * - ok: a 2xx; `value` is the JSON body (undefined for 204).
 * - refused: any other 4xx: the api said why in `{message, errors: [{field, message}]}` (a 400
 *   names the fields; 409, 413, 429… carry a message). The page decides by `status`.
 * - signed-out (401), forbidden (403), not-found (404), gone (410, e.g. a closed survey link; its
 *   `errors` name the code when the link was replaced by a new one).
 * - unavailable: no answer (offline), a 5xx, or a 2xx whose body is not JSON.
 * - aborted: the caller gave up (the page was left); nobody shows this one.
 */
export type ApiResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly message: string;
      readonly errors: readonly FieldError[];
    }
  | { readonly kind: 'signed-out' | 'forbidden' | 'not-found'; readonly message: string }
  | { readonly kind: 'gone'; readonly message: string; readonly errors: readonly FieldError[] }
  | { readonly kind: 'unavailable'; readonly status?: number }
  | { readonly kind: 'aborted' };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  readonly body?: unknown;
  /** A loader's `request.signal`: leaving the page cancels the call. */
  readonly signal?: AbortSignal;
  /** Lets a call started just before the page is hidden still reach the server. */
  readonly keepalive?: boolean;
  /** Tests drive the api with a scripted fetch. */
  readonly fetchFn?: FetchLike;
}

/**
 * The one way the app calls its api (same origin, the session cookie, never the browser cache).
 * Response bodies are the types of @swhc/contracts; the api is the only writer of them.
 */
export async function request<T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const { method = 'GET', body, signal, keepalive, fetchFn = fetch } = options;
  let res: Response;
  try {
    res = await fetchFn(path, {
      method,
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
      keepalive,
    });
  } catch {
    return signal?.aborted ? { kind: 'aborted' } : { kind: 'unavailable' };
  }
  if (res.status === 204) return { kind: 'ok', value: undefined as T };
  const json = await readJson(res);
  if (signal?.aborted) return { kind: 'aborted' };
  if (res.ok) {
    return json === undefined
      ? { kind: 'unavailable', status: res.status }
      : { kind: 'ok', value: json as T };
  }
  if (res.status >= 500) return { kind: 'unavailable', status: res.status };
  const { message, errors } = problemOf(json, res.status);
  switch (res.status) {
    case 401:
      return { kind: 'signed-out', message };
    case 403:
      return { kind: 'forbidden', message };
    case 404:
      return { kind: 'not-found', message };
    case 410:
      return { kind: 'gone', message, errors };
    default:
      return { kind: 'refused', status: res.status, message, errors };
  }
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** The api's `{message, errors}` body; entries that are not `{field, message}` are dropped. */
function problemOf(json: unknown, status: number): { message: string; errors: FieldError[] } {
  const body = (typeof json === 'object' && json !== null ? json : {}) as {
    message?: unknown;
    errors?: unknown;
  };
  const errors = Array.isArray(body.errors)
    ? body.errors.flatMap((item: unknown) => {
        if (typeof item !== 'object' || item === null) return [];
        const { field, message } = item as Record<string, unknown>;
        return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
      })
    : [];
  return { message: typeof body.message === 'string' ? body.message : `HTTP ${status}`, errors };
}
