import type {
  AuditEventView,
  CreateStaffAccountRequest,
  FieldError,
  LoginRequest,
  OrganisationListItem,
  PlatformSettings,
  StaffAccountSummary,
  StaffProfile,
} from '@swhc/contracts';
import type { FetchLike } from './survey-api';

/**
 * What a staff API call can lead to. Every outcome is a value, so pages must handle each one.
 * - invalid: 400 with the fields and problems; conflict: 409 (e.g. the email is taken).
 * - signed-out: 401 (no session, or it has ended); forbidden: 403.
 * - throttled: 429 after too many failed sign-ins.
 * - unavailable: no answer, or a 5xx.
 */
export type StaffApiResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'invalid'; message: string; errors: FieldError[] }
  | { kind: 'conflict'; message: string; errors: FieldError[] }
  | { kind: 'signed-out'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'throttled'; message: string }
  | { kind: 'unavailable'; status?: number };

type Method = 'GET' | 'POST' | 'PUT';

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, message } = item as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  }
}

async function call<T>(
  method: Method,
  path: string,
  body: unknown,
  fetchFn: FetchLike,
): Promise<StaffApiResult<T>> {
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
    });
  } catch {
    return { kind: 'unavailable' };
  }
  if (res.status === 204) return { kind: 'ok', value: undefined as T };
  const json = await readJson(res);
  if (res.ok) {
    return json === undefined
      ? { kind: 'unavailable', status: res.status }
      : { kind: 'ok', value: json as T };
  }
  const problem = (typeof json === 'object' && json !== null ? json : {}) as {
    message?: unknown;
    errors?: unknown;
  };
  const message = typeof problem.message === 'string' ? problem.message : `HTTP ${res.status}`;
  switch (res.status) {
    case 400:
      return { kind: 'invalid', message, errors: toFieldErrors(problem.errors) };
    case 401:
      return { kind: 'signed-out', message };
    case 403:
      return { kind: 'forbidden', message };
    case 404:
      return { kind: 'not-found', message };
    case 409:
      return { kind: 'conflict', message, errors: toFieldErrors(problem.errors) };
    case 429:
      return { kind: 'throttled', message };
    default:
      return { kind: 'unavailable', status: res.status };
  }
}

export const signIn = (request: LoginRequest, fetchFn: FetchLike = fetch) =>
  call<StaffProfile>('POST', '/api/auth/login', request, fetchFn);

export const signOut = (fetchFn: FetchLike = fetch) =>
  call<void>('POST', '/api/auth/logout', undefined, fetchFn);

/** Who is signed in; `signed-out` when nobody is. */
export const whoAmI = (fetchFn: FetchLike = fetch) =>
  call<StaffProfile>('GET', '/api/auth/me', undefined, fetchFn);

export const listStaffAccounts = (fetchFn: FetchLike = fetch) =>
  call<StaffAccountSummary[]>('GET', '/api/admin/accounts', undefined, fetchFn);

export const createStaffAccount = (
  request: CreateStaffAccountRequest,
  fetchFn: FetchLike = fetch,
) => call<StaffAccountSummary>('POST', '/api/admin/accounts', request, fetchFn);

export const setAccountOrganisations = (
  id: string,
  gssCodes: string[],
  fetchFn: FetchLike = fetch,
) =>
  call<StaffAccountSummary>(
    'PUT',
    `/api/admin/accounts/${encodeURIComponent(id)}/organisations`,
    { gssCodes },
    fetchFn,
  );

export const setAccountPassword = (id: string, password: string, fetchFn: FetchLike = fetch) =>
  call<StaffAccountSummary>(
    'PUT',
    `/api/admin/accounts/${encodeURIComponent(id)}/password`,
    { password },
    fetchFn,
  );

export const setAccountDisabled = (id: string, disabled: boolean, fetchFn: FetchLike = fetch) =>
  call<StaffAccountSummary>(
    'POST',
    `/api/admin/accounts/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`,
    undefined,
    fetchFn,
  );

export const listOrganisations = (fetchFn: FetchLike = fetch) =>
  call<OrganisationListItem[]>('GET', '/api/admin/organisations', undefined, fetchFn);

export const getPlatformSettings = (fetchFn: FetchLike = fetch) =>
  call<PlatformSettings>('GET', '/api/admin/settings', undefined, fetchFn);

export const setMinimumGroupSize = (minimumGroupSize: number, fetchFn: FetchLike = fetch) =>
  call<PlatformSettings>(
    'PUT',
    '/api/admin/settings/minimum-group-size',
    { minimumGroupSize },
    fetchFn,
  );

export const listAuditEvents = (limit = 100, fetchFn: FetchLike = fetch) =>
  call<AuditEventView[]>('GET', `/api/admin/audit-events?limit=${limit}`, undefined, fetchFn);
