import { answerFetch, jsonResponse } from '../test-support/responses';
import { request } from './request';

const answer = (response: Response) => () => Promise.resolve(response);

describe('request', () => {
  it('sends JSON to the same origin, never from the browser cache, and returns the body', async () => {
    const fetchFn = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(jsonResponse(201, { id: 'a1' })),
    );
    const result = await request<{ id: string }>('/api/things', {
      method: 'POST',
      body: { name: 'x' },
      keepalive: true,
      fetchFn,
    });
    expect(result).toEqual({ kind: 'ok', value: { id: 'a1' } });
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/api/things');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      keepalive: true,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(init?.body as string)).toEqual({ name: 'x' });
  });

  it('sends a GET without a body or Content-Type, through the global fetch by default', async () => {
    const spy = answerFetch(answer(jsonResponse(200, [1, 2])));
    expect(await request<number[]>('/api/list')).toEqual({ kind: 'ok', value: [1, 2] });
    const init = spy.mock.calls[0]?.[1];
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeUndefined();
    expect(init?.headers).toEqual({ Accept: 'application/json' });
  });

  it('treats 204 as done, with no value', async () => {
    const fetchFn = answer(new Response(null, { status: 204 }));
    expect(await request<void>('/api/x', { method: 'POST', fetchFn })).toEqual({
      kind: 'ok',
      value: undefined,
    });
  });

  it('returns the fields a 4xx names, dropping entries that are not {field, message}', async () => {
    const fetchFn = answer(
      jsonResponse(400, {
        statusCode: 400,
        message: 'The request is not valid',
        errors: [{ field: 'wave', message: 'is not a known wave' }, { nonsense: 1 }, 'junk', null],
      }),
    );
    expect(await request('/api/x', { fetchFn })).toEqual({
      kind: 'refused',
      status: 400,
      message: 'The request is not valid',
      errors: [{ field: 'wave', message: 'is not a known wave' }],
    });
  });

  it('keeps the status and message of other refusals (409, 413, 429)', async () => {
    for (const status of [409, 413, 429]) {
      const fetchFn = answer(
        jsonResponse(status, {
          message: `said ${status}`,
          errors: [{ field: 'email', message: 'x' }],
        }),
      );
      expect(await request('/api/x', { fetchFn })).toEqual({
        kind: 'refused',
        status,
        message: `said ${status}`,
        errors: [{ field: 'email', message: 'x' }],
      });
    }
  });

  it.each([
    [401, 'signed-out'],
    [403, 'forbidden'],
    [404, 'not-found'],
  ] as const)('maps HTTP %i to %s, with the api’s message', async (status, kind) => {
    const fetchFn = answer(jsonResponse(status, { message: 'Said so', errors: [] }));
    expect(await request('/api/x', { fetchFn })).toEqual({ kind, message: 'Said so' });
  });

  it('maps HTTP 410 to gone, with the message and the fields it names (a replaced link)', async () => {
    const fetchFn = answer(
      jsonResponse(410, {
        message: 'Replaced',
        errors: [{ field: 'code', message: 'was replaced by a new link' }],
      }),
    );
    expect(await request('/api/x', { fetchFn })).toEqual({
      kind: 'gone',
      message: 'Replaced',
      errors: [{ field: 'code', message: 'was replaced by a new link' }],
    });
  });

  it('says "HTTP <status>" when a refusal has no JSON body', async () => {
    const fetchFn = answer(new Response('<h1>Bad</h1>', { status: 400 }));
    expect(await request('/api/x', { fetchFn })).toEqual({
      kind: 'refused',
      status: 400,
      message: 'HTTP 400',
      errors: [],
    });
    expect(await request('/api/x', { fetchFn: answer(jsonResponse(401)) })).toEqual({
      kind: 'signed-out',
      message: 'HTTP 401',
    });
  });

  it('treats a 5xx, with or without JSON, as unavailable', async () => {
    const html = answer(new Response('<html>Internal Server Error</html>', { status: 500 }));
    expect(await request('/api/x', { fetchFn: html })).toEqual({
      kind: 'unavailable',
      status: 500,
    });
    const json = answer(jsonResponse(503, { message: 'Down' }));
    expect(await request('/api/x', { fetchFn: json })).toEqual({
      kind: 'unavailable',
      status: 503,
    });
  });

  it('treats a 2xx whose body is not JSON as unavailable', async () => {
    const fetchFn = answer(new Response('not json', { status: 200 }));
    expect(await request('/api/x', { fetchFn })).toEqual({ kind: 'unavailable', status: 200 });
  });

  it('treats a network failure as unavailable', async () => {
    const fetchFn = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await request('/api/x', { fetchFn })).toEqual({ kind: 'unavailable' });
  });

  it('says aborted (not unavailable) when the caller gave up, before or during the answer', async () => {
    // A real fetch rejects with the signal's reason once it is aborted.
    const abortable = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      });
    const leaving = new AbortController();
    const pending = request('/api/x', { signal: leaving.signal, fetchFn: abortable });
    leaving.abort();
    expect(await pending).toEqual({ kind: 'aborted' });

    // The answer arrived, but the page was left while its body was read.
    const late = new AbortController();
    const slowBody = () =>
      Promise.resolve({
        ok: true,
        status: 200,
        json: () => {
          late.abort();
          return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
        },
      } as unknown as Response);
    expect(await request('/api/x', { signal: late.signal, fetchFn: slowBody })).toEqual({
      kind: 'aborted',
    });
  });
});
