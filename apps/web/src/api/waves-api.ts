import type {
  ChangeWaveRequest,
  CreateWaveRequest,
  EnrolmentView,
  EnrolRequest,
  EnrolResult,
  HealthCheckRun,
  InstrumentVersionView,
  SelfEnrolRequest,
  ServiceKind,
  WaveDetail,
  WaveView,
} from '@swhc/contracts';
import { request } from './request';

const wavePath = (id: string) => `/api/admin/waves/${encodeURIComponent(id)}`;
const enrolmentPath = (id: string, gssCode: string, service: ServiceKind) =>
  `${wavePath(id)}/enrolments/${encodeURIComponent(gssCode)}/${service}`;
const organisationPath = (gssCode: string) => `/api/organisations/${encodeURIComponent(gssCode)}`;

export const listWaves = (signal?: AbortSignal) =>
  request<WaveView[]>('/api/admin/waves', { signal });

export const getWave = (id: string, signal?: AbortSignal) =>
  request<WaveDetail>(wavePath(id), { signal });

export const createWave = (body: CreateWaveRequest) =>
  request<WaveView>('/api/admin/waves', { method: 'POST', body });

export const changeWave = (id: string, body: ChangeWaveRequest) =>
  request<WaveView>(wavePath(id), { method: 'PUT', body });

export const scheduleWave = (id: string) =>
  request<WaveView>(`${wavePath(id)}/schedule`, { method: 'POST' });

export const closeWave = (id: string) =>
  request<WaveView>(`${wavePath(id)}/close`, { method: 'POST' });

export const enrol = (id: string, body: EnrolRequest) =>
  request<EnrolResult>(`${wavePath(id)}/enrolments`, { method: 'POST', body });

export const withdrawEnrolment = (id: string, gssCode: string, service: ServiceKind) =>
  request<void>(enrolmentPath(id, gssCode, service), { method: 'DELETE' });

export const replaceLink = (id: string, gssCode: string, service: ServiceKind) =>
  request<EnrolmentView>(`${enrolmentPath(id, gssCode, service)}/replace-link`, {
    method: 'POST',
  });

export const listInstruments = (signal?: AbortSignal) =>
  request<InstrumentVersionView[]>('/api/admin/instruments', { signal });

/** Publishes a definition read from a JSON file (the api validates it and names every problem). */
export const publishInstrument = (definition: unknown) =>
  request<InstrumentVersionView>('/api/admin/instruments', { method: 'POST', body: definition });

/** The "Run your health check" page's data; `not-found` for an LA the caller may not see. */
export const loadHealthCheckRun = (gssCode: string, signal?: AbortSignal) =>
  request<HealthCheckRun>(`${organisationPath(gssCode)}/survey`, { signal });

export const enrolOwn = (gssCode: string, body: SelfEnrolRequest) =>
  request<EnrolmentView>(`${organisationPath(gssCode)}/enrolments`, { method: 'POST', body });
