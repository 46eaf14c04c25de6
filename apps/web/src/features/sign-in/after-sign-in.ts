import type { StaffProfile } from '@swhc/contracts';

/** Where someone lands after signing in: a PSW on their LA's report, an admin on /admin. */
export function landingPathFor(staff: StaffProfile): string {
  if (staff.role === 'admin') return '/admin';
  if (staff.role === 'researcher') return '/research';
  const first = staff.organisations[0];
  return first ? `/la/${first.gssCode}` : '/';
}

/** A `next` address is followed only when it is a path on this site (never //elsewhere). */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return null;
  if (next.startsWith('/sign-in')) return null;
  return next;
}

/** Where to go after signing in: `next` (what sign-in redirects send) or `returnTo` (the report's link). */
export function nextPathIn(url: URL): string | null {
  return safeNextPath(url.searchParams.get('next') ?? url.searchParams.get('returnTo'));
}
