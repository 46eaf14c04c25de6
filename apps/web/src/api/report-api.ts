import type { FieldError, HeadcountRequest, LaReport, ServiceKind } from '@swhc/contracts';
import type { FetchLike } from './survey-api';

export interface ReportQuery {
  readonly wave?: string;
  readonly service?: ServiceKind;
}

/** What asking for a report can lead to; a network failure is a value too. */
export type LoadReportResult =
  | { kind: 'ok'; report: LaReport }
  | { kind: 'signed-out' }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'invalid'; message: string; errors: FieldError[] }
  | { kind: 'unavailable'; status?: number };

export type SaveHeadcountResult =
  | { kind: 'saved' }
  | { kind: 'invalid'; message: string; errors: FieldError[] }
  | { kind: 'signed-out' }
  | { kind: 'failed'; status?: number };

const reportPath = (gssCode: string) => `/api/organisations/${encodeURIComponent(gssCode)}`;

function search(query: ReportQuery): string {
  const params = new URLSearchParams();
  if (query.wave) params.set('wave', query.wave);
  if (query.service) params.set('service', query.service);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The CSV of the same report: a plain link, so the browser downloads it with the session cookie. */
export function reportCsvUrl(gssCode: string, query: ReportQuery): string {
  return `${reportPath(gssCode)}/report.csv${search(query)}`;
}

async function problemOf(res: Response): Promise<{ message: string; errors: FieldError[] }> {
  try {
    const body = (await res.json()) as { message?: unknown; errors?: unknown };
    const errors = Array.isArray(body.errors)
      ? body.errors.flatMap((e: unknown) => {
          const { field, message } = (e ?? {}) as Record<string, unknown>;
          return typeof field === 'string' && typeof message === 'string'
            ? [{ field, message }]
            : [];
        })
      : [];
    return {
      message: typeof body.message === 'string' ? body.message : `HTTP ${res.status}`,
      errors,
    };
  } catch {
    return { message: `HTTP ${res.status}`, errors: [] };
  }
}

export async function loadReport(
  gssCode: string,
  query: ReportQuery,
  fetchFn: FetchLike = fetch,
): Promise<LoadReportResult> {
  let res: Response;
  try {
    res = await fetchFn(`${reportPath(gssCode)}/report${search(query)}`, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'unavailable' };
  }
  if (res.status === 401) return { kind: 'signed-out' };
  if (res.status === 403) return { kind: 'forbidden' };
  if (res.status === 404) return { kind: 'not-found' };
  if (res.status === 400) return { kind: 'invalid', ...(await problemOf(res)) };
  if (!res.ok) return { kind: 'unavailable', status: res.status };
  try {
    return { kind: 'ok', report: (await res.json()) as LaReport };
  } catch {
    return { kind: 'unavailable', status: res.status };
  }
}

export async function saveHeadcount(
  gssCode: string,
  body: HeadcountRequest,
  fetchFn: FetchLike = fetch,
): Promise<SaveHeadcountResult> {
  let res: Response;
  try {
    res = await fetchFn(`${reportPath(gssCode)}/headcount`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'failed' };
  }
  if (res.ok) return { kind: 'saved' };
  if (res.status === 401) return { kind: 'signed-out' };
  if (res.status === 400) return { kind: 'invalid', ...(await problemOf(res)) };
  return { kind: 'failed', status: res.status };
}
