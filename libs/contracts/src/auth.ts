/** Plain request/response types of staff sign-in and administration. */

export type StaffRoleName = 'admin' | 'psw' | 'researcher';
export const STAFF_ROLE_NAMES: readonly StaffRoleName[] = ['admin', 'psw', 'researcher'];
export const isStaffRoleName = (value: string): value is StaffRoleName =>
  (STAFF_ROLE_NAMES as readonly string[]).includes(value);

export interface OrganisationRef {
  gssCode: string;
  name: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** Who is signed in: the answer to a sign-in and to "who am I". */
export interface StaffProfile {
  email: string;
  role: StaffRoleName;
  /** The LAs a principal social worker is bound to; empty for other roles. */
  organisations: OrganisationRef[];
}

export interface StaffAccountSummary {
  id: string;
  email: string;
  role: StaffRoleName;
  organisations: OrganisationRef[];
  /** ISO time the account was disabled, or null while it may sign in. */
  disabledAt: string | null;
  createdAt: string;
}

export interface CreateStaffAccountRequest {
  email: string;
  /** At least PASSWORD_MIN_LENGTH characters; no composition rules. */
  password: string;
  role: StaffRoleName;
  /** GSS codes; at least one for a principal social worker, none for other roles. */
  organisationGssCodes?: string[];
}

export interface SetAccountOrganisationsRequest {
  gssCodes: string[];
}

export interface SetAccountPasswordRequest {
  /** At least PASSWORD_MIN_LENGTH characters. Setting it signs the account out everywhere and lifts a lock-out. */
  password: string;
}

export interface MinimumGroupSizeRequest {
  minimumGroupSize: number;
}

export interface PlatformSettings {
  minimumGroupSize: number;
  /** The lowest value an admin may set. */
  lowestMinimumGroupSize: number;
}

export interface OrganisationListItem {
  gssCode: string;
  name: string;
  region: string;
}

export interface AuditEventView {
  id: string;
  occurredAt: string;
  action: string;
  actorEmail: string | null;
  actorRole: string | null;
  target: string | null;
  detail: Record<string, string | number | boolean | null> | null;
}
