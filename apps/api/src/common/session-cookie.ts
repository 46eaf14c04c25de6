import type { CookieOptions, Request, Response } from 'express';

/** The staff session cookie: an opaque random token, nothing else. */
export const SESSION_COOKIE = 'swhc_session';

/**
 * Its name when Secure: browsers accept a `__Host-` cookie only if it is Secure, has Path=/ and no
 * Domain, so no other site or subdomain (and no plain-HTTP page) can set or overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

const cookieName = (secure: boolean): string => (secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

function options(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/' };
}

/** Secure when the deployment says it is behind HTTPS, or when this request came over HTTPS. */
export function cookieShouldBeSecure(req: Request, configured: boolean): boolean {
  return configured || req.secure;
}

export function setSessionCookie(
  res: Response,
  token: string,
  secure: boolean,
  maxAgeMs: number,
): void {
  res.cookie(cookieName(secure), token, { ...options(secure), maxAge: maxAgeMs });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(cookieName(secure), options(secure));
}

/** The token in the request's session cookie (cookie-parser fills req.cookies), if any. */
export function sessionTokenOf(req: Request): string | undefined {
  const cookies = req.cookies as Record<string, unknown> | undefined;
  const value = cookies?.[SECURE_SESSION_COOKIE] ?? cookies?.[SESSION_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
