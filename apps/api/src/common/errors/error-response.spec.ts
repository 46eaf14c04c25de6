import { BadRequestException, NotFoundException } from '@nestjs/common';
import { parseCsv } from '@swhc/csv';
import { resolveMinimumGroupSize } from '@swhc/disclosure';
import { cholesky } from '@swhc/psychometrics';
import { validate } from 'class-validator';
import { IsInt, Min } from 'class-validator';
import * as domain from './domain-errors';
import { errorResponseOf, UNEXPECTED_ERROR } from './error-response';
import { invalidRequest } from './validation-errors';

/** What a library call threw, so the tests use the libraries' real errors. */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('errorResponseOf: domain errors', () => {
  it.each([
    [
      domain.InvalidInputError.of('The account is not valid', 'email', 'must be an email address'),
      400,
    ],
    [new domain.NotSignedInError('Sign in to use this page'), 401],
    [new domain.PermissionDeniedError('You do not have permission to use this page'), 403],
    [new domain.NotFoundError('No such staff account'), 404],
    [domain.ConflictError.of('Already used', 'submissionId', 'was already used'), 409],
    [new domain.ForbiddenStateError('closed', 'Wave 1 has closed'), 410],
    [
      domain.RequestTooLargeError.of(
        'The request body is too large',
        'body',
        'must be at most 64 kB',
      ),
      413,
    ],
    [new domain.TooManyAttemptsError(90, 'Too many failed sign-in attempts'), 429],
    [new domain.ServiceUnavailableError('The database is not answering'), 503],
  ])('%p answers %i with its message and field errors', (error, status) => {
    const answer = errorResponseOf(error);
    expect(answer?.status).toBe(status);
    expect(answer?.body).toEqual({
      statusCode: status,
      message: error.message,
      errors: [...error.errors],
    });
  });

  it('keeps every field error of invalid input, in order', () => {
    const error = new domain.InvalidInputError('Some answers are not valid', [
      { field: 'q1', message: 'is required' },
      { field: 'q2', message: 'must be from 0 to 100' },
    ]);
    expect(errorResponseOf(error)?.body.errors).toEqual([
      { field: 'q1', message: 'is required' },
      { field: 'q2', message: 'must be from 0 to 100' },
    ]);
  });

  it('names the forbidden state on the error', () => {
    expect(new domain.ForbiddenStateError('not-open', 'Wave 1 has not opened yet').state).toBe(
      'not-open',
    );
  });

  it('says when to try again after too many attempts or an outage', () => {
    expect(errorResponseOf(new domain.TooManyAttemptsError(89.2, 'Wait'))?.headers).toEqual({
      'Retry-After': '90',
    });
    expect(errorResponseOf(new domain.ServiceUnavailableError('Down', 30))?.headers).toEqual({
      'Retry-After': '30',
    });
    expect(errorResponseOf(new domain.ServiceUnavailableError('Down'))?.headers).toEqual({});
    expect(errorResponseOf(new domain.NotFoundError('No such thing'))?.headers).toEqual({});
  });

  it('turns class-validator failures into field errors of invalid input', async () => {
    class Body {
      @IsInt({ message: 'must be a whole number' })
      @Min(1, { message: 'must be at least 1' })
      headcount!: number;
    }
    const body = Object.assign(new Body(), { headcount: 0.5 });
    const answer = errorResponseOf(invalidRequest(await validate(body)));
    expect(answer?.status).toBe(400);
    expect(answer?.body.message).toBe('The request is not valid');
    expect(answer?.body.errors).toEqual(
      expect.arrayContaining([{ field: 'headcount', message: 'must be a whole number' }]),
    );
  });
});

describe('errorResponseOf: library errors', () => {
  it('answers a psychometrics error with 422 and no detail from the library', () => {
    const error = thrownBy(() => cholesky(new Float64Array([1, 2, 2, 1]), 2, 'item covariance'));
    expect((error as Error).name).toBe('NotPositiveDefiniteError');
    const answer = errorResponseOf(error);
    expect(answer?.status).toBe(422);
    expect(answer?.body).toEqual({
      statusCode: 422,
      message: 'The statistics for this request cannot be computed',
      errors: [],
    });
  });

  it('answers a disclosure error with 422 without its counts', () => {
    const error = thrownBy(() => resolveMinimumGroupSize(3));
    expect((error as Error).name).toBe('InvalidMinimumGroupSizeError');
    const answer = errorResponseOf(error);
    expect(answer?.status).toBe(422);
    expect(JSON.stringify(answer?.body)).not.toContain('3');
  });

  it("answers the CSV reader's error with 400 naming the file and the line", () => {
    const answer = errorResponseOf(thrownBy(() => parseCsv('a,b\n1,2\n3\n')));
    expect(answer?.status).toBe(400);
    expect(answer?.body).toEqual({
      statusCode: 400,
      message: 'The CSV file is not valid',
      errors: [{ field: 'file', message: 'line 3 has 1 fields but the header has 2' }],
    });
  });
});

describe('errorResponseOf: errors of Nest and Express', () => {
  it("keeps Nest's status and message (an unknown route, a pipe)", () => {
    expect(errorResponseOf(new NotFoundException('Cannot GET /api/nothing'))).toEqual({
      status: 404,
      body: { statusCode: 404, message: 'Cannot GET /api/nothing', errors: [] },
      headers: {},
    });
    expect(errorResponseOf(new BadRequestException(['a is wrong', 'b is wrong']))?.body).toEqual({
      statusCode: 400,
      message: 'a is wrong; b is wrong',
      errors: [],
    });
  });

  it('keeps the 4xx status of http-errors style errors (send, serve-static, body-parser)', () => {
    // send's error for a file under a dot-folder: status 404, message not meant for clients.
    const notFound = Object.assign(new Error('ENOENT: /srv/.apps/swhc/index.html'), {
      status: 404,
      statusCode: 404,
      expose: false,
    });
    expect(errorResponseOf(notFound)).toEqual({
      status: 404,
      body: { statusCode: 404, message: 'Not Found', errors: [] },
      headers: {},
    });
    const range = Object.assign(new Error('Range Not Satisfiable'), { statusCode: 416 });
    expect(errorResponseOf(range)?.status).toBe(416);
    const charset = Object.assign(new Error('unsupported charset "UTF-7"'), {
      status: 415,
      expose: true,
      type: 'charset.unsupported',
    });
    expect(errorResponseOf(charset)?.body).toEqual({
      statusCode: 415,
      message: 'unsupported charset "UTF-7"',
      errors: [],
    });
  });

  it('leaves everything else to the 500 answer, which carries no detail', () => {
    const unexpected: unknown[] = [
      new Error('relation "survey_response" does not exist'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      Object.assign(new Error('upstream'), { status: 502 }),
      Object.assign(new Error('odd'), { status: '404' }),
      'a string',
      undefined,
      null,
    ];
    for (const error of unexpected) expect(errorResponseOf(error)).toBeNull();
    expect(UNEXPECTED_ERROR).toEqual({
      status: 500,
      body: { statusCode: 500, message: 'Something went wrong on our side', errors: [] },
      headers: {},
    });
  });
});
