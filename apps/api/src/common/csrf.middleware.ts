import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PermissionDeniedError } from './errors';
import { sessionTokenOf } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type ClaimedHost = { kind: 'absent' } | { kind: 'invalid' } | { kind: 'host'; host: string };

/** The host (name:port) an Origin or Referer header names. */
function hostOf(value: string | undefined): ClaimedHost {
  if (value === undefined || value === '') return { kind: 'absent' };
  try {
    const host = new URL(value).host.toLowerCase();
    return host ? { kind: 'host', host } : { kind: 'invalid' };
  } catch {
    return { kind: 'invalid' };
  }
}

/**
 * Cross-site request forgery: a state-changing request must come from our own pages. Browsers
 * send Origin (or at least Referer) with such requests; it must name the host the request was
 * sent to. A request with neither is accepted only without a session cookie (scripts posting
 * survey responses), so nothing done on a staff member's behalf can be forged that way.
 *
 * `secretInPath`: path prefixes of routes authorised only by a secret in their own URL (the RFC 8058
 * one-click unsubscribe, which mail providers POST to from anywhere). A forged request would need the
 * secret, so there is nothing for another site to ride on.
 */
export function csrfProtection(secretInPath: readonly string[] = []): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (secretInPath.some((prefix) => req.path.startsWith(prefix))) return next();
    next(forgeryRefusal(req, sessionTokenOf(req) !== undefined) ?? undefined);
  };
}

/** Why a request must be refused as possibly forged (see csrfProtection), or null. */
export function forgeryRefusal(
  req: Pick<IncomingMessage, 'method' | 'headers'>,
  hasSession: boolean,
): PermissionDeniedError | null {
  if (SAFE_METHODS.has(req.method ?? '')) return null;
  const ownHost = (req.headers.host ?? '').toLowerCase();
  const origin = req.headers.origin;
  const claimed = origin !== undefined ? hostOf(origin) : hostOf(req.headers.referer);
  if (claimed.kind === 'absent') {
    return hasSession
      ? new PermissionDeniedError(
          'This request was refused because it did not say which page sent it',
        )
      : null;
  }
  if (
    claimed.kind === 'invalid' ||
    claimed.host !== ownHost ||
    req.headers['sec-fetch-site'] === 'cross-site'
  ) {
    return new PermissionDeniedError(
      'This request was refused because it came from another website',
    );
  }
  return null;
}
