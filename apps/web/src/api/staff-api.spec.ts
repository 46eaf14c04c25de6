import { answerFetch, jsonResponse } from '../test-support/responses';
import {
  getStaffAccount,
  listAuditEvents,
  setAccountDisabled,
  setAccountOrganisations,
  setMinimumGroupSize,
  signIn,
  signOut,
  whoAmI,
} from './staff-api';

const respond = (status: number, body?: unknown) =>
  answerFetch(() => Promise.resolve(jsonResponse(status, body)));

describe('staff API client', () => {
  it('posts the credentials as JSON and returns the profile', async () => {
    const profile = { email: 'a@b.uk', role: 'admin', organisations: [] };
    const fetchFn = respond(200, profile);
    expect(await signIn({ email: 'a@b.uk', password: 'pw' })).toEqual({
      kind: 'ok',
      value: profile,
    });
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/login');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(JSON.parse(init?.body as string)).toEqual({ email: 'a@b.uk', password: 'pw' });
  });

  it('turns each failure into its own outcome', async () => {
    respond(401, { message: 'Enter a correct email address and password' });
    expect(await signIn({ email: 'a', password: 'b' })).toEqual({
      kind: 'signed-out',
      message: 'Enter a correct email address and password',
    });
    vi.restoreAllMocks();
    respond(429, { message: 'Too many' });
    expect(await signIn({ email: 'a', password: 'b' })).toEqual({
      kind: 'refused',
      status: 429,
      message: 'Too many',
      errors: [],
    });
    vi.restoreAllMocks();
    respond(400, {
      message: 'bad',
      errors: [{ field: 'minimumGroupSize', message: 'must be 5 or more' }, 'junk'],
    });
    expect(await setMinimumGroupSize(4)).toEqual({
      kind: 'refused',
      status: 400,
      message: 'bad',
      errors: [{ field: 'minimumGroupSize', message: 'must be 5 or more' }],
    });
    vi.restoreAllMocks();
    respond(503);
    expect(await whoAmI()).toEqual({ kind: 'unavailable', status: 503 });
    vi.restoreAllMocks();
    answerFetch(() => Promise.reject(new TypeError('offline')));
    expect(await whoAmI()).toEqual({ kind: 'unavailable' });
  });

  it('treats 204 from sign-out as done', async () => {
    respond(204);
    expect(await signOut()).toEqual({ kind: 'ok', value: undefined });
  });

  it('addresses one account by its (escaped) id, and each change by its own path', async () => {
    const fetchFn = respond(200, {});
    await getStaffAccount('a/b c');
    await setAccountOrganisations('a1', ['E06000001', 'E06000002']);
    await setAccountDisabled('a1', true);
    await setAccountDisabled('a1', false);
    await listAuditEvents(200);
    const calls = fetchFn.mock.calls.map(([url, init]) => [init?.method, url, init?.body]);
    expect(calls).toEqual([
      ['GET', '/api/admin/accounts/a%2Fb%20c', undefined],
      [
        'PUT',
        '/api/admin/accounts/a1/organisations',
        JSON.stringify({ gssCodes: ['E06000001', 'E06000002'] }),
      ],
      ['POST', '/api/admin/accounts/a1/disable', undefined],
      ['POST', '/api/admin/accounts/a1/enable', undefined],
      ['GET', '/api/admin/audit-events?limit=200', undefined],
    ]);
  });
});
