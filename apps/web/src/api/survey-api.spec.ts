import { answerFetch, jsonResponse as json } from '../test-support/responses';
import { loadSurvey, sendResponse } from './survey-api';

const body = { submissionId: 'a7c1e9b0-3d2f-4e6a-8b5c-1f0e9d8c7b6a', answers: { d1: 5 } };

describe('sendResponse', () => {
  it('posts the submission id and answers to the link code', async () => {
    const fetchFn = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(json(201, { submissionId: body.submissionId })),
    );

    const result = await sendResponse('demo e06000001', body, fetchFn);

    expect(result).toEqual({ kind: 'accepted', receipt: { submissionId: body.submissionId } });
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/api/surveys/demo%20e06000001/responses');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual(body);
  });

  it.each([
    [200, { submissionId: body.submissionId }, 'accepted'],
    [409, { message: 'Conflict' }, 'conflict'],
    [404, { message: 'Not found' }, 'not-found'],
    [410, { message: 'Gone' }, 'closed'],
    [413, { message: 'Too large' }, 'rejected'],
    [500, { message: 'Internal error' }, 'retryable'],
    [503, {}, 'retryable'],
    [429, {}, 'retryable'],
  ])('maps HTTP %i to %s', async (status, value, kind) => {
    const result = await sendResponse('c', body, () => Promise.resolve(json(status, value)));
    expect(result.kind).toBe(kind);
  });

  it('tells a replaced link (410 naming the code) from a closed wave (410)', async () => {
    const replaced = await sendResponse('c', body, () =>
      Promise.resolve(
        json(410, {
          statusCode: 410,
          message: 'This link was replaced by a new one.',
          errors: [{ field: 'code', message: 'was replaced by a new link' }],
        }),
      ),
    );
    expect(replaced).toEqual({ kind: 'closed', replaced: true });
    const closed = await sendResponse('c', body, () =>
      Promise.resolve(json(410, { statusCode: 410, message: 'Closed', errors: [] })),
    );
    expect(closed).toEqual({ kind: 'closed', replaced: false });
  });

  it('returns the field errors of a 400', async () => {
    const result = await sendResponse('c', body, () =>
      Promise.resolve(
        json(400, {
          statusCode: 400,
          message: 'Some answers are not valid',
          errors: [{ field: 'answers.d1', message: 'must be between 1 and 5' }, { bad: true }],
        }),
      ),
    );
    expect(result).toEqual({
      kind: 'invalid',
      message: 'Some answers are not valid',
      errors: [{ field: 'answers.d1', message: 'must be between 1 and 5' }],
    });
  });

  it('treats a network failure as worth retrying', async () => {
    const result = await sendResponse('c', body, () => Promise.reject(new TypeError('offline')));
    expect(result).toEqual({ kind: 'retryable' });
  });
});

describe('loadSurvey', () => {
  it.each([
    [404, 'not-found'],
    [410, 'gone'],
    [502, 'unavailable'],
  ])('maps HTTP %i to %s', async (status, kind) => {
    answerFetch(() => Promise.resolve(json(status, {})));
    const result = await loadSurvey('c');
    expect(result.kind).toBe(kind);
  });

  it('returns the definition', async () => {
    const definition = { code: 'c', survey: { pages: [] } };
    const fetchFn = answerFetch(() => Promise.resolve(json(200, definition)));
    const result = await loadSurvey('demo e06000001');
    expect(result).toEqual({ kind: 'ok', value: definition });
    expect(fetchFn.mock.calls[0]?.[0]).toBe('/api/surveys/demo%20e06000001');
  });
});
