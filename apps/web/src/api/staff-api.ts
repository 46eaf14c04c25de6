import type {
  AuditEventView,
  CreateStaffAccountRequest,
  LoginRequest,
  MinimumGroupSizeRequest,
  OrganisationListItem,
  PlatformSettings,
  SetAccountOrganisationsRequest,
  SetAccountPasswordRequest,
  StaffAccountSummary,
  StaffProfile,
} from '@swhc/contracts';
import { request } from './request';

const accountPath = (id: string) => `/api/admin/accounts/${encodeURIComponent(id)}`;

/** A wrong email or password is `signed-out`; too many attempts is `refused` with 429. */
export const signIn = (body: LoginRequest) =>
  request<StaffProfile>('/api/auth/login', { method: 'POST', body });

export const signOut = () => request<void>('/api/auth/logout', { method: 'POST' });

/** Who is signed in; `signed-out` when nobody is. */
export const whoAmI = (signal?: AbortSignal) => request<StaffProfile>('/api/auth/me', { signal });

export const listStaffAccounts = (signal?: AbortSignal) =>
  request<StaffAccountSummary[]>('/api/admin/accounts', { signal });

export const getStaffAccount = (id: string, signal?: AbortSignal) =>
  request<StaffAccountSummary>(accountPath(id), { signal });

export const createStaffAccount = (body: CreateStaffAccountRequest) =>
  request<StaffAccountSummary>('/api/admin/accounts', { method: 'POST', body });

export const setAccountOrganisations = (id: string, gssCodes: readonly string[]) =>
  request<StaffAccountSummary>(`${accountPath(id)}/organisations`, {
    method: 'PUT',
    body: { gssCodes: [...gssCodes] } satisfies SetAccountOrganisationsRequest,
  });

export const setAccountPassword = (id: string, password: string) =>
  request<StaffAccountSummary>(`${accountPath(id)}/password`, {
    method: 'PUT',
    body: { password } satisfies SetAccountPasswordRequest,
  });

export const setAccountDisabled = (id: string, disabled: boolean) =>
  request<StaffAccountSummary>(`${accountPath(id)}/${disabled ? 'disable' : 'enable'}`, {
    method: 'POST',
  });

export const listOrganisations = (signal?: AbortSignal) =>
  request<OrganisationListItem[]>('/api/admin/organisations', { signal });

export const getPlatformSettings = (signal?: AbortSignal) =>
  request<PlatformSettings>('/api/admin/settings', { signal });

export const setMinimumGroupSize = (minimumGroupSize: number) =>
  request<PlatformSettings>('/api/admin/settings/minimum-group-size', {
    method: 'PUT',
    body: { minimumGroupSize } satisfies MinimumGroupSizeRequest,
  });

export const listAuditEvents = (limit: number, signal?: AbortSignal) =>
  request<AuditEventView[]>(`/api/admin/audit-events?limit=${limit}`, { signal });
