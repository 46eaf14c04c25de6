import { answerFetch, jsonResponse } from '../test-support/responses';
import { loadReport, reportCsvUrl, saveHeadcount } from './report-api';

describe('loadReport', () => {
  it('asks for the LA’s report with the wave and service in the query', async () => {
    const fetchFn = answerFetch(() => Promise.resolve(jsonResponse(200, { wave: { id: 'w' } })));
    const result = await loadReport('E06000001', { wave: 'w1', service: 'adults' });
    expect(result).toEqual({ kind: 'ok', value: { wave: { id: 'w' } } });
    expect(fetchFn.mock.calls[0]?.[0]).toBe(
      '/api/organisations/E06000001/report?wave=w1&service=adults',
    );
    await loadReport('E06000001', {});
    expect(fetchFn.mock.calls[1]?.[0]).toBe('/api/organisations/E06000001/report');
  });

  it('passes the loader’s signal on, so leaving the page cancels the call', async () => {
    const fetchFn = answerFetch(() => Promise.resolve(jsonResponse(200, {})));
    const leaving = new AbortController();
    await loadReport('E06000001', {}, leaving.signal);
    expect(fetchFn.mock.calls[0]?.[1]?.signal).toBe(leaving.signal);
  });

  it.each([
    [401, 'signed-out'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [500, 'unavailable'],
  ])('maps HTTP %i to %s', async (status, kind) => {
    answerFetch(() => Promise.resolve(jsonResponse(status, {})));
    expect((await loadReport('E06000001', {})).kind).toBe(kind);
  });

  it('returns the fields a 400 names', async () => {
    answerFetch(() =>
      Promise.resolve(
        jsonResponse(400, {
          message: 'The request is not valid',
          errors: [{ field: 'wave', message: 'is not a known wave' }, { nonsense: 1 }],
        }),
      ),
    );
    expect(await loadReport('E06000001', { service: 'adults' })).toEqual({
      kind: 'refused',
      status: 400,
      message: 'The request is not valid',
      errors: [{ field: 'wave', message: 'is not a known wave' }],
    });
  });

  it('treats a network failure as unavailable', async () => {
    answerFetch(() => Promise.reject(new TypeError('offline')));
    expect(await loadReport('E06000001', {})).toEqual({ kind: 'unavailable' });
  });
});

describe('saveHeadcount and the CSV link', () => {
  it('puts the headcount and reports the outcome', async () => {
    const saved = { organisation: 'E06000001', wave: 'w', service: 'children', headcount: 120 };
    const fetchFn = answerFetch(() => Promise.resolve(jsonResponse(200, saved)));
    const body = { wave: 'w', service: 'children' as const, headcount: 120 };
    expect(await saveHeadcount('E06000001', body)).toEqual({ kind: 'ok', value: saved });
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/api/organisations/E06000001/headcount');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(init?.body as string)).toEqual(body);
    fetchFn.mockImplementation(() =>
      Promise.resolve(
        jsonResponse(400, {
          message: 'x',
          errors: [{ field: 'headcount', message: 'must be at least 1' }],
        }),
      ),
    );
    expect(await saveHeadcount('E06000001', body)).toMatchObject({
      kind: 'refused',
      errors: [{ field: 'headcount' }],
    });
    fetchFn.mockImplementation(() => Promise.resolve(jsonResponse(401, {})));
    expect((await saveHeadcount('E06000001', body)).kind).toBe('signed-out');
  });

  it('builds the CSV address with the same query', () => {
    expect(reportCsvUrl('E06000001', { wave: 'w', service: 'children' })).toBe(
      '/api/organisations/E06000001/report.csv?wave=w&service=children',
    );
  });
});
