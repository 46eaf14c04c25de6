import { setMinimumGroupSize, signIn, signOut, whoAmI } from './staff-api';

const respond = (status: number, body?: unknown) =>
  vi.fn(() =>
    Promise.resolve(
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
    ),
  );

describe('staff API client', () => {
  it('posts the credentials as JSON and returns the profile', async () => {
    const profile = { email: 'a@b.uk', role: 'admin', organisations: [] };
    const fetchFn = respond(200, profile);
    expect(await signIn({ email: 'a@b.uk', password: 'pw' }, fetchFn)).toEqual({
      kind: 'ok',
      value: profile,
    });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/login');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body as string)).toEqual({ email: 'a@b.uk', password: 'pw' });
  });

  it('turns each failure into its own outcome', async () => {
    expect(
      await signIn(
        { email: 'a', password: 'b' },
        respond(401, { message: 'Enter a correct email address and password' }),
      ),
    ).toEqual({
      kind: 'signed-out',
      message: 'Enter a correct email address and password',
    });
    expect(
      await signIn({ email: 'a', password: 'b' }, respond(429, { message: 'Too many' })),
    ).toEqual({
      kind: 'throttled',
      message: 'Too many',
    });
    expect(
      await setMinimumGroupSize(
        4,
        respond(400, {
          message: 'bad',
          errors: [{ field: 'minimumGroupSize', message: 'must be 5 or more' }, 'junk'],
        }),
      ),
    ).toEqual({
      kind: 'invalid',
      message: 'bad',
      errors: [{ field: 'minimumGroupSize', message: 'must be 5 or more' }],
    });
    expect(await whoAmI(respond(503))).toEqual({ kind: 'unavailable', status: 503 });
    expect(await whoAmI(vi.fn(() => Promise.reject(new TypeError('offline'))))).toEqual({
      kind: 'unavailable',
    });
  });

  it('treats 204 from sign-out as done', async () => {
    expect(await signOut(respond(204))).toEqual({ kind: 'ok', value: undefined });
  });
});
