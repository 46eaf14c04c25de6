import { loadReport, reportCsvUrl, saveHeadcount } from './report-api';

const json = (status: number, value: unknown) =>
  new Response(JSON.stringify(value), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('loadReport', () => {
  it('asks for the LA’s report with the wave and service in the query', async () => {
    const fetchFn = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(json(200, { wave: { id: 'w' } })),
    );
    const result = await loadReport('E06000001', { wave: 'w1', service: 'adults' }, fetchFn);
    expect(result).toEqual({ kind: 'ok', report: { wave: { id: 'w' } } });
    expect(fetchFn.mock.calls[0]?.[0]).toBe(
      '/api/organisations/E06000001/report?wave=w1&service=adults',
    );
    await loadReport('E06000001', {}, fetchFn);
    expect(fetchFn.mock.calls[1]?.[0]).toBe('/api/organisations/E06000001/report');
  });

  it.each([
    [401, 'signed-out'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [500, 'unavailable'],
  ])('maps HTTP %i to %s', async (status, kind) => {
    const result = await loadReport('E06000001', {}, () => Promise.resolve(json(status, {})));
    expect(result.kind).toBe(kind);
  });

  it('returns the fields a 400 names', async () => {
    const result = await loadReport('E06000001', { service: 'adults' }, () =>
      Promise.resolve(
        json(400, {
          message: 'The request is not valid',
          errors: [{ field: 'wave', message: 'is not a known wave' }, { nonsense: 1 }],
        }),
      ),
    );
    expect(result).toEqual({
      kind: 'invalid',
      message: 'The request is not valid',
      errors: [{ field: 'wave', message: 'is not a known wave' }],
    });
  });

  it('treats a network failure as unavailable', async () => {
    const result = await loadReport('E06000001', {}, () =>
      Promise.reject(new TypeError('offline')),
    );
    expect(result).toEqual({ kind: 'unavailable' });
  });
});

describe('saveHeadcount and the CSV link', () => {
  it('puts the headcount and reports the outcome', async () => {
    const fetchFn = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(json(200, {})));
    const body = { wave: 'w', service: 'children' as const, headcount: 120 };
    expect(await saveHeadcount('E06000001', body, fetchFn)).toEqual({ kind: 'saved' });
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/api/organisations/E06000001/headcount');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(init?.body as string)).toEqual(body);
    const invalid = await saveHeadcount('E06000001', body, () =>
      Promise.resolve(
        json(400, {
          message: 'x',
          errors: [{ field: 'headcount', message: 'must be at least 1' }],
        }),
      ),
    );
    expect(invalid).toMatchObject({ kind: 'invalid', errors: [{ field: 'headcount' }] });
    expect(
      (await saveHeadcount('E06000001', body, () => Promise.resolve(json(401, {})))).kind,
    ).toBe('signed-out');
  });

  it('builds the CSV address with the same query', () => {
    expect(reportCsvUrl('E06000001', { wave: 'w', service: 'children' })).toBe(
      '/api/organisations/E06000001/report.csv?wave=w&service=children',
    );
  });
});
