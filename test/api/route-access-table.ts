/**
 * Who may use which route: one entry per route of the api, with the status each kind of caller
 * gets. authorisation-matrix.spec.ts sends every request as every caller, and fails when the app
 * has a route this table lacks, or this table names a route the app does not have.
 *
 * Adding a route? Add one entry here: method and path exactly as the app declares them (with the
 * /api prefix and :params), a request that exercises it (the context gives you fixtures), and
 * the expected status per caller.
 */

export const CALLERS = [
  'anonymous',
  'admin',
  'researcher',
  'pswOfThisLa',
  'pswOfAnotherLa',
] as const;
export type Caller = (typeof CALLERS)[number];

/** The LA that requests are about; the "PSW of this LA" is bound to it. */
export const THIS_LA = 'E06000001';
/** The "PSW of another LA" is bound only to this one. */
export const ANOTHER_LA = 'E06000002';
/** A well-formed GSS code that no LA has. */
export const NO_SUCH_LA = 'E99999999';

export interface MatrixContext {
  /** The GSS code the request is about (THIS_LA, or NO_SUCH_LA for the non-existent-LA check). */
  readonly gssCode: string;
  readonly openLinkCode: string;
  readonly closedWaveId: string;
  /** A finished research export that the researcher asked for. */
  readonly researchExportId: string;
  /** An email no account has yet. */
  uniqueEmail(): string;
  /** A fresh PSW account (bound to THIS_LA) to change, so callers do not disturb each other. */
  newPswAccountId(): Promise<string>;
}

export interface RouteRequest {
  readonly url: string;
  readonly body?: object;
}

export interface RouteAccess {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly request: (ctx: MatrixContext) => RouteRequest | Promise<RouteRequest>;
  readonly expected: Readonly<Record<Caller, number>>;
  /**
   * The route is about one LA (:gssCode). A PSW asking about an LA that does not exist must get
   * exactly what a PSW of another LA gets, so answers do not reveal which LAs exist.
   */
  readonly laScoped?: boolean;
  /** The request ends the caller's session (sign-in, sign-out): the caller signs in again after. */
  readonly endsSession?: boolean;
}

const everyone = (status: number): Record<Caller, number> => ({
  anonymous: status,
  admin: status,
  researcher: status,
  pswOfThisLa: status,
  pswOfAnotherLa: status,
});

const adminOnly = (ok: number): Record<Caller, number> => ({
  anonymous: 401,
  admin: ok,
  researcher: 403,
  pswOfThisLa: 403,
  pswOfAnotherLa: 403,
});

/** Researchers' pages and data: researchers and admins; PSWs are refused (403). */
const researchersOnly = (ok: number): Record<Caller, number> => ({
  anonymous: 401,
  admin: ok,
  researcher: ok,
  pswOfThisLa: 403,
  pswOfAnotherLa: 403,
});

/** An LA's own data: its PSW and admins; another LA's PSW gets "not found", as for no such LA. */
const thisLaOnly = (ok: number): Record<Caller, number> => ({
  anonymous: 401,
  admin: ok,
  researcher: 403,
  pswOfThisLa: ok,
  pswOfAnotherLa: 404,
});

const VALID_ANSWERS = {
  demands1: 4,
  support1: 4,
  intentionToStay: 3,
  role: 'social-worker',
  employment: 'permanent',
};

export const ROUTE_ACCESS: readonly RouteAccess[] = [
  // Public: respondents, scripts and monitoring.
  {
    method: 'GET',
    path: '/api/health',
    request: () => ({ url: '/api/health' }),
    expected: everyone(200),
  },
  {
    method: 'GET',
    path: '/api/surveys/:code',
    request: (c) => ({ url: `/api/surveys/${c.openLinkCode}` }),
    expected: everyone(200),
  },
  {
    method: 'POST',
    path: '/api/surveys/:code/responses',
    request: (c) => ({
      url: `/api/surveys/${c.openLinkCode}/responses`,
      body: { submissionId: crypto.randomUUID(), answers: VALID_ANSWERS },
    }),
    expected: everyone(201),
  },

  // Sign-in. A failed sign-in is the same for everyone, and ends any session the caller had.
  {
    method: 'POST',
    path: '/api/auth/login',
    request: (c) => ({
      url: '/api/auth/login',
      body: { email: c.uniqueEmail(), password: 'not anybody’s password' },
    }),
    expected: everyone(401),
    endsSession: true,
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    request: () => ({ url: '/api/auth/logout' }),
    expected: everyone(204),
    endsSession: true,
  },
  {
    method: 'GET',
    path: '/api/auth/me',
    request: () => ({ url: '/api/auth/me' }),
    expected: { ...everyone(200), anonymous: 401 },
  },

  // Administration.
  {
    method: 'GET',
    path: '/api/admin/accounts',
    request: () => ({ url: '/api/admin/accounts' }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/accounts',
    request: (c) => ({
      url: '/api/admin/accounts',
      body: { email: c.uniqueEmail(), password: 'a long enough password', role: 'researcher' },
    }),
    expected: adminOnly(201),
  },
  {
    method: 'GET',
    path: '/api/admin/accounts/:id',
    request: async (c) => ({ url: `/api/admin/accounts/${await c.newPswAccountId()}` }),
    expected: adminOnly(200),
  },
  {
    method: 'PUT',
    path: '/api/admin/accounts/:id/organisations',
    request: async (c) => ({
      url: `/api/admin/accounts/${await c.newPswAccountId()}/organisations`,
      body: { gssCodes: ['E06000003', THIS_LA] },
    }),
    expected: adminOnly(200),
  },
  {
    method: 'PUT',
    path: '/api/admin/accounts/:id/password',
    request: async (c) => ({
      url: `/api/admin/accounts/${await c.newPswAccountId()}/password`,
      body: { password: 'a brand new password' },
    }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/accounts/:id/disable',
    request: async (c) => ({ url: `/api/admin/accounts/${await c.newPswAccountId()}/disable` }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/accounts/:id/enable',
    request: async (c) => ({ url: `/api/admin/accounts/${await c.newPswAccountId()}/enable` }),
    expected: adminOnly(200),
  },
  {
    method: 'GET',
    path: '/api/admin/organisations',
    request: () => ({ url: '/api/admin/organisations' }),
    expected: adminOnly(200),
  },
  {
    method: 'GET',
    path: '/api/admin/settings',
    request: () => ({ url: '/api/admin/settings' }),
    expected: adminOnly(200),
  },
  {
    method: 'PUT',
    path: '/api/admin/settings/minimum-group-size',
    request: () => ({
      url: '/api/admin/settings/minimum-group-size',
      body: { minimumGroupSize: 10 },
    }),
    expected: adminOnly(200),
  },
  {
    method: 'GET',
    path: '/api/admin/audit-events',
    request: () => ({ url: '/api/admin/audit-events' }),
    expected: adminOnly(200),
  },

  // An LA's results (reports agent).
  {
    method: 'GET',
    path: '/api/organisations/:gssCode/report',
    request: (c) => ({ url: `/api/organisations/${c.gssCode}/report?wave=${c.closedWaveId}` }),
    expected: thisLaOnly(200),
    laScoped: true,
  },
  {
    method: 'GET',
    path: '/api/organisations/:gssCode/report.csv',
    request: (c) => ({ url: `/api/organisations/${c.gssCode}/report.csv?wave=${c.closedWaveId}` }),
    expected: thisLaOnly(200),
    laScoped: true,
  },
  {
    method: 'PUT',
    path: '/api/organisations/:gssCode/headcount',
    request: (c) => ({
      url: `/api/organisations/${c.gssCode}/headcount`,
      body: { wave: c.closedWaveId, service: 'children', headcount: 40 },
    }),
    expected: thisLaOnly(200),
    laScoped: true,
  },

  // Research (exports, validation report, national picture).
  {
    method: 'GET',
    path: '/api/research/export-options',
    request: () => ({ url: '/api/research/export-options' }),
    expected: researchersOnly(200),
  },
  {
    method: 'GET',
    path: '/api/research/exports',
    request: () => ({ url: '/api/research/exports' }),
    expected: researchersOnly(200),
  },
  {
    method: 'POST',
    path: '/api/research/exports',
    request: (c) => ({ url: '/api/research/exports', body: { waves: [c.closedWaveId] } }),
    expected: researchersOnly(201),
  },
  {
    method: 'GET',
    path: '/api/research/exports/:id',
    request: (c) => ({ url: `/api/research/exports/${c.researchExportId}` }),
    expected: researchersOnly(200),
  },
  {
    method: 'GET',
    path: '/api/research/validation',
    request: () => ({ url: '/api/research/validation?instrument=health-check&version=1' }),
    expected: researchersOnly(200),
  },
  {
    method: 'GET',
    path: '/api/research/exports/:id/download',
    request: (c) => ({ url: `/api/research/exports/${c.researchExportId}/download` }),
    expected: researchersOnly(200),
  },
];
