import type { StaffProfile, StaffRoleName } from '@swhc/contracts';
import { data, replace } from 'react-router';
import type { ApiResult } from '../api';
import { staffSession } from './staff-session';

/**
 * How loaders and actions end a page early. The route's error element (page-problem.tsx) shows
 * the matching page inside the layout: 404 "Page not found", 403 "no permission", 503 "there is a
 * problem with the service" with the message given here and a "Try again" button.
 */
export const notFound = () => data(null, { status: 404 });
export const noPermission = () => data(null, { status: 403 });
export const serviceProblem = (message: string) => data({ message }, { status: 503 });

/** Sign in, then come back here. */
export function signInFirst(request: Request): Response {
  const { pathname, search } = new URL(request.url);
  return replace(`/sign-in?next=${encodeURIComponent(`${pathname}${search}`)}`);
}

/** The api said the session is over: forget it and go to sign in. */
export function sessionEnded(request: Request): Response {
  staffSession.ended();
  return signInFirst(request);
}

/**
 * For a staff page's loader or action: the signed-in staff member, if their role is one of `roles`.
 * Otherwise the page stops: to sign in (and back), "no permission", or a service problem. The api
 * enforces the same rules; this only spares people pages they cannot use.
 */
export async function requireStaff(
  request: Request,
  roles: readonly StaffRoleName[],
): Promise<StaffProfile> {
  const session = await staffSession.known();
  if (session.status === 'unavailable')
    throw serviceProblem('We could not check who is signed in. Try again in a moment.');
  if (session.status === 'signed-out') throw signInFirst(request);
  if (!roles.includes(session.staff.role)) throw noPermission();
  return session.staff;
}

/** The value of a call a loader needs; any other outcome ends the page the same way everywhere. */
export function valueOf<T>(result: ApiResult<T>, request: Request): T {
  switch (result.kind) {
    case 'ok':
      return result.value;
    case 'signed-out':
      throw sessionEnded(request);
    case 'forbidden':
      throw noPermission();
    case 'not-found':
      throw notFound();
    case 'refused':
      throw serviceProblem(result.message);
    default:
      throw serviceProblem('Try again in a few minutes.');
  }
}
