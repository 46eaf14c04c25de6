import request from 'supertest';
import type { App } from 'supertest/types';
import { hashPassword } from '../../apps/api/src/accounts/password-hasher';
import type { StaffRoleName } from '@swhc/contracts';
import type { TestApp } from './test-app';
import { queryDatabase } from './test-database';

/** The host every staff test request claims, so its Origin can match (see the CSRF middleware). */
export const TEST_HOST = 'swhc.test';
export const TEST_ORIGIN = `http://${TEST_HOST}`;
export const STAFF_PASSWORD = 'correct horse battery';

/**
 * Requests as a page of the app sends them: the Host and Origin the cross-site check expects, and
 * the session cookie of a signed-in member of staff when there is one.
 */
export function asStaff(server: App, cookie?: string) {
  const withCookie = <T extends request.Test>(req: T): T =>
    cookie ? req.set('Cookie', cookie) : req;
  const write = (method: 'post' | 'put' | 'patch' | 'delete') => (url: string, body?: object) => {
    const agent = request(server);
    const req = withCookie(agent[method](url).set('Host', TEST_HOST).set('Origin', TEST_ORIGIN));
    return body === undefined ? req : req.send(body);
  };
  return {
    get: (url: string) => withCookie(request(server).get(url).set('Host', TEST_HOST)),
    post: write('post'),
    put: write('put'),
    patch: write('patch'),
    delete: write('delete'),
  };
}

export interface StaffFixture {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly role: StaffRoleName;
  readonly gssCodes: readonly string[];
}

/**
 * A staff account written straight into the database (as the CLI or an admin would create it),
 * with an argon2id hash from the app's own hasher. Needs the reference data (app started once).
 */
export async function createStaffAccount(
  databaseUrl: string,
  input: { email: string; role: StaffRoleName; gssCodes?: readonly string[]; password?: string },
): Promise<StaffFixture> {
  const password = input.password ?? STAFF_PASSWORD;
  const [row] = await queryDatabase<{ id: string }>(
    databaseUrl,
    `INSERT INTO staff_account (email, password_hash, role) VALUES ($1, $2, $3) RETURNING id`,
    [input.email.toLowerCase(), await hashPassword(password), input.role],
  );
  if (!row) throw new Error('staff_account insert returned nothing');
  for (const code of input.gssCodes ?? []) {
    const bound = await queryDatabase(
      databaseUrl,
      `INSERT INTO staff_account_organisation (staff_account_id, organisation_id)
       SELECT $1, id FROM organisation WHERE gss_code = $2 RETURNING organisation_id`,
      [row.id, code],
    );
    if (bound.length !== 1) throw new Error(`No organisation ${code}: start the app first`);
  }
  return {
    id: row.id,
    email: input.email.toLowerCase(),
    password,
    role: input.role,
    gssCodes: input.gssCodes ?? [],
  };
}

/** A new staff account (see createStaffAccount), signed in: the `name=value` of its session cookie. */
export async function signInNewStaff(
  t: TestApp,
  input: Parameters<typeof createStaffAccount>[1],
): Promise<string> {
  return signIn(t.app.getHttpServer(), await createStaffAccount(t.database.url, input));
}

/** Signs in over HTTP and returns the `name=value` of the session cookie. */
export async function signIn(
  server: App,
  account: { email: string; password: string },
): Promise<string> {
  const res = await request(server)
    .post('/api/auth/login')
    .set('Host', TEST_HOST)
    .set('Origin', TEST_ORIGIN)
    .send({ email: account.email, password: account.password });
  if (res.status !== 200) throw new Error(`sign-in of ${account.email} answered ${res.status}`);
  const cookie = sessionCookieOf(res.headers['set-cookie']);
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0] ?? '';
}

/** The Set-Cookie line of the session cookie (`__Host-` prefixed when Secure), if the response set one. */
export function sessionCookieOf(header: unknown): string | undefined {
  const lines = Array.isArray(header)
    ? (header as string[])
    : typeof header === 'string'
      ? [header]
      : [];
  return lines.find((line) => /^(__Host-)?swhc_session=/.test(line));
}
