import { ENGLISH_REGIONS } from '@swhc/contracts';
import { HEALTH_CHECK_V2 } from '@swhc/instruments';
import { VALID_ANSWERS } from '../support/survey-fixtures';

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
  /**
   * A fresh wave of Health Check v2 in a state, in a time window of its own (so enrolling THIS_LA
   * never clashes with another wave), with THIS_LA's children's service enrolled if asked.
   */
  newWave(state: 'draft' | 'scheduled' | 'open', enrolThisLa?: boolean): Promise<string>;
  /** A name no wave has yet. */
  uniqueWaveName(): string;
  /** A version number of health-check no instrument has yet. */
  nextInstrumentVersion(): number;
  /** Health Check v2's id, for creating waves. */
  readonly instrumentId: string;
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

/** Panel polls and trends: admins and researchers; PSWs are refused. */
const adminOrResearcher = (ok: number): Record<Caller, number> => ({
  anonymous: 401,
  admin: ok,
  researcher: ok,
  pswOfThisLa: 403,
  pswOfAnotherLa: 403,
});

/** A well-formed token (43 base64url characters) that no link has. */
const NO_SUCH_TOKEN = 'N0-such-token-N0-such-token-N0-such-token-0';
/** A well-formed id that no poll or question has. */
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const PANEL_PROFILE = {
  organisation: null,
  role: 'social-worker',
  service: 'adults',
  region: 'London',
};
/** Health Check v2 as an administrator would upload it, as another version. */
const definitionFile = (version: number) => ({ ...HEALTH_CHECK_V2, version });

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

  // Waves, enrolments, links and instruments (administrators).
  {
    method: 'GET',
    path: '/api/admin/waves',
    request: () => ({ url: '/api/admin/waves' }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/waves',
    request: (c) => ({
      url: '/api/admin/waves',
      body: {
        name: c.uniqueWaveName(),
        instrumentId: c.instrumentId,
        services: ['children', 'adults'],
        opensAt: '2099-03-01',
        closesAt: '2099-03-31',
      },
    }),
    expected: adminOnly(201),
  },
  {
    method: 'GET',
    path: '/api/admin/waves/:id',
    request: async (c) => ({ url: `/api/admin/waves/${await c.newWave('open', true)}` }),
    expected: adminOnly(200),
  },
  {
    method: 'PUT',
    path: '/api/admin/waves/:id',
    request: async (c) => ({
      url: `/api/admin/waves/${await c.newWave('draft')}`,
      body: { name: c.uniqueWaveName() },
    }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/waves/:id/schedule',
    request: async (c) => ({ url: `/api/admin/waves/${await c.newWave('draft')}/schedule` }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/waves/:id/close',
    request: async (c) => ({ url: `/api/admin/waves/${await c.newWave('open')}/close` }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/waves/:id/enrolments',
    request: async (c) => ({
      url: `/api/admin/waves/${await c.newWave('scheduled')}/enrolments`,
      body: { scope: 'list', gssCodes: [THIS_LA] },
    }),
    expected: adminOnly(201),
  },
  {
    method: 'DELETE',
    path: '/api/admin/waves/:id/enrolments/:gssCode/:service',
    request: async (c) => ({
      url: `/api/admin/waves/${await c.newWave('scheduled', true)}/enrolments/${THIS_LA}/children`,
    }),
    expected: adminOnly(204),
  },
  {
    method: 'POST',
    path: '/api/admin/waves/:id/enrolments/:gssCode/:service/replace-link',
    request: async (c) => ({
      url: `/api/admin/waves/${await c.newWave('open', true)}/enrolments/${THIS_LA}/children/replace-link`,
    }),
    expected: adminOnly(200),
  },
  {
    method: 'GET',
    path: '/api/admin/instruments',
    request: () => ({ url: '/api/admin/instruments' }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/admin/instruments',
    request: (c) => ({
      url: '/api/admin/instruments',
      body: definitionFile(c.nextInstrumentVersion()),
    }),
    expected: adminOnly(201),
  },

  // Running an LA's health check (its PSW and administrators).
  {
    method: 'GET',
    path: '/api/organisations/:gssCode/survey',
    request: (c) => ({ url: `/api/organisations/${c.gssCode}/survey` }),
    expected: thisLaOnly(200),
    laScoped: true,
  },
  {
    method: 'POST',
    path: '/api/organisations/:gssCode/enrolments',
    request: async (c) => ({
      url: `/api/organisations/${c.gssCode}/enrolments`,
      body: { wave: await c.newWave('scheduled'), service: 'adults' },
    }),
    expected: thisLaOnly(201),
    laScoped: true,
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
    method: 'GET',
    path: '/api/organisations/:gssCode/report.pdf',
    request: (c) => ({ url: `/api/organisations/${c.gssCode}/report.pdf?wave=${c.closedWaveId}` }),
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

  // The polling panel: public membership and answering (authorised by the token in an emailed link,
  // so anyone without one gets "not valid"), and staff pages for admins and researchers.
  {
    method: 'GET',
    path: '/api/panel/join-options',
    request: () => ({ url: '/api/panel/join-options' }),
    expected: everyone(200),
  },
  {
    method: 'POST',
    path: '/api/panel/members',
    request: (c) => ({
      url: '/api/panel/members',
      body: { ...PANEL_PROFILE, email: c.uniqueEmail(), consent: true },
    }),
    expected: everyone(202),
  },
  {
    method: 'POST',
    path: '/api/panel/members/confirm',
    request: () => ({ url: '/api/panel/members/confirm', body: { token: NO_SUCH_TOKEN } }),
    expected: everyone(404),
  },
  {
    method: 'POST',
    path: '/api/panel/membership',
    request: () => ({ url: '/api/panel/membership', body: { token: NO_SUCH_TOKEN } }),
    expected: everyone(404),
  },
  {
    method: 'PUT',
    path: '/api/panel/membership',
    request: () => ({
      url: '/api/panel/membership',
      body: { ...PANEL_PROFILE, token: NO_SUCH_TOKEN },
    }),
    expected: everyone(404),
  },
  {
    method: 'POST',
    path: '/api/panel/membership/pause',
    request: () => ({
      url: '/api/panel/membership/pause',
      body: { token: NO_SUCH_TOKEN, weeks: 2 },
    }),
    expected: everyone(404),
  },
  {
    method: 'POST',
    path: '/api/panel/membership/leave',
    request: () => ({ url: '/api/panel/membership/leave', body: { token: NO_SUCH_TOKEN } }),
    expected: everyone(404),
  },
  {
    method: 'POST',
    path: '/api/panel/unsubscribe/:token',
    request: () => ({ url: `/api/panel/unsubscribe/${NO_SUCH_TOKEN}` }),
    expected: everyone(404),
  },
  {
    method: 'GET',
    path: '/api/panel/unsubscribe/:token',
    request: () => ({ url: `/api/panel/unsubscribe/${NO_SUCH_TOKEN}` }),
    expected: everyone(303),
  },
  {
    method: 'POST',
    path: '/api/panel/invitation',
    request: () => ({ url: '/api/panel/invitation', body: { token: NO_SUCH_TOKEN } }),
    expected: everyone(404),
  },
  {
    method: 'POST',
    path: '/api/panel/answers',
    request: () => ({
      url: '/api/panel/answers',
      body: { token: NO_SUCH_TOKEN, submissionId: crypto.randomUUID(), answers: {} },
    }),
    expected: everyone(404),
  },
  {
    method: 'GET',
    path: '/api/panel/polls',
    request: () => ({ url: '/api/panel/polls' }),
    expected: adminOrResearcher(200),
  },
  {
    method: 'POST',
    path: '/api/panel/polls',
    // Admins get as far as validation.
    request: () => ({ url: '/api/panel/polls', body: { title: 'Matrix poll' } }),
    expected: adminOnly(400),
  },
  {
    method: 'GET',
    path: '/api/panel/polls/:id',
    request: () => ({ url: `/api/panel/polls/${NO_SUCH_ID}` }),
    expected: adminOrResearcher(404),
  },
  {
    method: 'GET',
    path: '/api/panel/polls/:id/sending',
    request: () => ({ url: `/api/panel/polls/${NO_SUCH_ID}/sending` }),
    expected: adminOnly(404),
  },
  {
    method: 'GET',
    path: '/api/panel/polls/:id/results',
    request: () => ({ url: `/api/panel/polls/${NO_SUCH_ID}/results` }),
    expected: adminOrResearcher(404),
  },
  {
    method: 'GET',
    path: '/api/panel/questions',
    request: () => ({ url: '/api/panel/questions' }),
    expected: adminOrResearcher(200),
  },
  {
    method: 'GET',
    path: '/api/panel/questions/repeated',
    request: () => ({ url: '/api/panel/questions/repeated' }),
    expected: adminOrResearcher(200),
  },
  {
    method: 'GET',
    path: '/api/panel/questions/:id/trend',
    request: () => ({ url: `/api/panel/questions/${NO_SUCH_ID}/trend` }),
    expected: adminOrResearcher(404),
  },
  {
    method: 'GET',
    path: '/api/panel/trend-margins',
    request: () => ({ url: '/api/panel/trend-margins' }),
    expected: adminOrResearcher(200),
  },
  {
    method: 'PUT',
    path: '/api/panel/trend-margins',
    request: () => ({
      url: '/api/panel/trend-margins',
      body: { region: { London: 3000, 'North West': 2500 } },
    }),
    expected: adminOnly(200),
  },
  {
    method: 'GET',
    path: '/api/panel/members/counts',
    request: () => ({ url: '/api/panel/members/counts' }),
    expected: adminOnly(200),
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
    path: '/api/research/validation.pdf',
    request: () => ({ url: '/api/research/validation.pdf?instrument=health-check&version=1' }),
    expected: researchersOnly(200),
  },
  {
    method: 'GET',
    path: '/api/research/national',
    request: (c) => ({ url: `/api/research/national?wave=${c.closedWaveId}` }),
    expected: researchersOnly(200),
  },
  {
    method: 'GET',
    path: '/api/research/national.csv',
    request: (c) => ({ url: `/api/research/national.csv?wave=${c.closedWaveId}&service=adults` }),
    expected: researchersOnly(200),
  },
  {
    method: 'GET',
    path: '/api/admin/workforce-margins',
    request: () => ({ url: '/api/admin/workforce-margins' }),
    expected: adminOnly(200),
  },
  {
    method: 'PUT',
    path: '/api/admin/workforce-margins',
    request: () => ({
      url: '/api/admin/workforce-margins',
      body: {
        service: 'adults',
        source: 'Matrix test',
        margins: { region: Object.fromEntries(ENGLISH_REGIONS.map((r) => [r, 100])) },
      },
    }),
    expected: adminOnly(200),
  },
  {
    method: 'GET',
    path: '/api/research/exports/:id/download',
    request: (c) => ({ url: `/api/research/exports/${c.researchExportId}/download` }),
    expected: researchersOnly(200),
  },
];
