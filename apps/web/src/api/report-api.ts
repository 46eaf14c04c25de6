import type { HeadcountRequest, HeadcountResponse, LaReport, ServiceKind } from '@swhc/contracts';
import { request } from './request';

export interface ReportQuery {
  readonly wave?: string;
  readonly service?: ServiceKind;
}

const organisationPath = (gssCode: string) => `/api/organisations/${encodeURIComponent(gssCode)}`;

function search(query: ReportQuery): string {
  const params = new URLSearchParams();
  if (query.wave) params.set('wave', query.wave);
  if (query.service) params.set('service', query.service);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** An LA's report; `not-found` also for an LA the caller may not see. */
export const loadReport = (gssCode: string, query: ReportQuery, signal?: AbortSignal) =>
  request<LaReport>(`${organisationPath(gssCode)}/report${search(query)}`, { signal });

/** The CSV of the same report: a plain link, so the browser downloads it with the session cookie. */
export const reportCsvUrl = (gssCode: string, query: ReportQuery) =>
  `${organisationPath(gssCode)}/report.csv${search(query)}`;

/** The PDF of the same report (two-page summary, then the full report), also a plain link. */
export const reportPdfUrl = (gssCode: string, query: ReportQuery) =>
  `${organisationPath(gssCode)}/report.pdf${search(query)}`;

export const saveHeadcount = (gssCode: string, body: HeadcountRequest) =>
  request<HeadcountResponse>(`${organisationPath(gssCode)}/headcount`, { method: 'PUT', body });
