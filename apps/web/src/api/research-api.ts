import type {
  ExportOptions,
  NationalPicture,
  ServiceKind,
  WorkforceMargins,
  WorkforceMarginsOverview,
  WorkforceMarginsRequest,
  ResearchExportCreated,
  ResearchExportRequest,
  ResearchExportStatus,
  ValidationReport,
} from '@swhc/contracts';
import { request } from './request';

export const loadExportOptions = (signal?: AbortSignal) =>
  request<ExportOptions>('/api/research/export-options', { signal });

/** The caller's exports (every export for an administrator), newest first. */
export const loadExports = (signal?: AbortSignal) =>
  request<ResearchExportStatus[]>('/api/research/exports', { signal });

export const requestExport = (body: ResearchExportRequest) =>
  request<ResearchExportCreated>('/api/research/exports', { method: 'POST', body });

/** A plain link, so the browser downloads the ZIP with the session cookie. */
export const exportDownloadUrl = (id: string) =>
  `/api/research/exports/${encodeURIComponent(id)}/download`;

const validationQuery = (key: string, version: number) =>
  new URLSearchParams({ instrument: key, version: String(version) }).toString();

export const loadValidationReport = (key: string, version: number, signal?: AbortSignal) =>
  request<ValidationReport>(`/api/research/validation?${validationQuery(key, version)}`, {
    signal,
  });

/** The same report as a PDF: a plain link, so the browser downloads it with the session cookie. */
export const validationPdfUrl = (key: string, version: number) =>
  `/api/research/validation.pdf?${validationQuery(key, version)}`;

/** ?wave=&service= of the national picture (both optional on the api). */
const nationalQuery = (wave: string | null, service: ServiceKind) =>
  new URLSearchParams({ ...(wave ? { wave } : {}), service }).toString();

export const loadNationalPicture = (
  wave: string | null,
  service: ServiceKind,
  signal?: AbortSignal,
) => request<NationalPicture>(`/api/research/national?${nationalQuery(wave, service)}`, { signal });

/** A plain link, so the browser downloads the CSV with the session cookie. */
export const nationalCsvUrl = (wave: string, service: ServiceKind) =>
  `/api/research/national.csv?${nationalQuery(wave, service)}`;

export const loadWorkforceMargins = (signal?: AbortSignal) =>
  request<WorkforceMarginsOverview>('/api/admin/workforce-margins', { signal });

export const saveWorkforceMargins = (body: WorkforceMarginsRequest) =>
  request<WorkforceMargins>('/api/admin/workforce-margins', { method: 'PUT', body });
