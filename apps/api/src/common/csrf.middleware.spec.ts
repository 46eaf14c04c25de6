import type { NextFunction, Request, Response } from 'express';
import { csrfProtection } from './csrf.middleware';
import { errorResponseOf } from './errors';

interface Outcome {
  passed: boolean;
  status?: number;
}

function run(
  method: string,
  headers: Record<string, string>,
  cookies: Record<string, string> = {},
  path = '/api/admin/accounts',
): Outcome {
  const outcome: Outcome = { passed: false };
  const req = {
    method,
    path,
    headers: { host: 'swhc.example:3000', ...headers },
    cookies,
  } as unknown as Request;
  const res = {} as Response;
  // A refusal is passed on as an error, which the error filter answers.
  const next: NextFunction = (error?: unknown) => {
    if (error === undefined) outcome.passed = true;
    else outcome.status = errorResponseOf(error)?.status;
  };
  csrfProtection(['/api/panel/unsubscribe/'])(req, res, next);
  return outcome;
}

const session = { swhc_session: 'x'.repeat(43) };

describe('CSRF origin check', () => {
  it('lets safe methods through whatever their origin', () => {
    expect(run('GET', { origin: 'https://evil.example' }, session).passed).toBe(true);
    expect(run('HEAD', {}, session).passed).toBe(true);
  });

  it('accepts state changes from the same host (scheme aside, for TLS-terminating proxies)', () => {
    expect(run('POST', { origin: 'http://swhc.example:3000' }, session).passed).toBe(true);
    expect(run('PUT', { origin: 'https://SWHC.example:3000' }, session).passed).toBe(true);
    expect(run('DELETE', { referer: 'http://swhc.example:3000/admin?x=1' }, session).passed).toBe(
      true,
    );
  });

  it('refuses another host, another port, a null or unparsable origin, and cross-site fetches', () => {
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'http://swhc.example:4000' },
      { origin: 'http://swhc.example.evil.example:3000' },
      { origin: 'null' },
      { origin: 'not a url' },
      { referer: 'https://evil.example/swhc.example:3000' },
      { origin: 'http://swhc.example:3000', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      expect(run('POST', headers)).toEqual({ passed: false, status: 403 });
    }
  });

  it('prefers Origin over Referer', () => {
    expect(
      run('POST', { origin: 'https://evil.example', referer: 'http://swhc.example:3000/' }).passed,
    ).toBe(false);
  });

  it('accepts a request with neither header only when it carries no session cookie', () => {
    expect(run('POST', {}).passed).toBe(true);
    expect(run('POST', {}, session)).toEqual({ passed: false, status: 403 });
  });

  it('lets a route authorised by a secret in its own URL be posted from anywhere', () => {
    const oneClick = '/api/panel/unsubscribe/abc';
    expect(run('POST', { origin: 'https://mail.example' }, {}, oneClick).passed).toBe(true);
    expect(run('POST', { origin: 'https://mail.example' }, {}, '/api/panel/members').passed).toBe(
      false,
    );
  });
});
