import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { cholesky } from '@swhc/psychometrics';
import { TooManyAttemptsError } from './domain-errors';
import { ErrorFilter } from './error.filter';

interface Sent {
  status?: number;
  body?: unknown;
  headers: Record<string, string>;
}

function answer(exception: unknown, request: object = {}): Sent {
  const sent: Sent = { headers: {} };
  const res = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
    removeHeader(name: string) {
      delete sent.headers[name];
    },
    type(contentType: string) {
      sent.headers['Content-Type'] = contentType;
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return sent;
}

describe('ErrorFilter', () => {
  let logged: string[];
  beforeEach(() => {
    logged = [];
    jest
      .spyOn(Logger.prototype, 'error')
      .mockImplementation((message: unknown) => void logged.push(String(message)));
    jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation((message: unknown) => void logged.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers a domain error with its status, body and headers, and logs nothing', () => {
    expect(answer(new TooManyAttemptsError(120, 'Too many failed sign-in attempts'))).toEqual({
      status: 429,
      body: { statusCode: 429, message: 'Too many failed sign-in attempts', errors: [] },
      headers: { 'Retry-After': '120', 'Content-Type': 'application/json' },
    });
    expect(logged).toEqual([]);
  });

  it('answers an unexpected error with a bare 500 and logs its stack, never the request', () => {
    const request = { body: { answers: { q1: 'secret answer' } }, headers: { cookie: 'x' } };
    const sent = answer(new Error('connection terminated'), request);
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      statusCode: 500,
      message: 'Something went wrong on our side',
      errors: [],
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^Error: connection terminated\n\s+at /);
    expect(logged.join('\n')).not.toContain('secret answer');
  });

  it("logs a statistics library's message as a warning while the client gets a fixed sentence", () => {
    let error: unknown;
    try {
      cholesky(new Float64Array([1, 2, 2, 1]), 2, 'item covariance');
    } catch (thrown) {
      error = thrown;
    }
    const sent = answer(error);
    expect(sent.status).toBe(422);
    expect(JSON.stringify(sent.body)).not.toContain('item covariance');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^NotPositiveDefiniteError: .*item covariance/);
  });

  it('treats an Error merely named like a library error as unexpected', () => {
    const lookalike = new (class ConstantItemError extends Error {})('item q3 is constant');
    expect(answer(lookalike).status).toBe(500);
  });
});
