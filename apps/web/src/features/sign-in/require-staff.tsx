import type { StaffProfile } from '@swhc/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { usePageTitle } from '../../ui';
import { useStaffSession } from './staff-session';

function NoPermissionPage() {
  usePageTitle('You do not have permission to see this page');
  return (
    <>
      <h1 className="app-heading-xl">You do not have permission to see this page</h1>
      <p className="app-body">
        Your account cannot open this page. If you think it should, contact an administrator of the
        Social Work Health Check.
      </p>
    </>
  );
}

function UnavailablePage({ onRetry }: { onRetry: () => void }) {
  usePageTitle('Sorry, there is a problem with the service');
  return (
    <>
      <h1 className="app-heading-xl">Sorry, there is a problem with the service</h1>
      <p className="app-body">We could not check who is signed in. Try again in a moment.</p>
      <button type="button" className="app-button" onClick={onRetry}>
        Try again
      </button>
    </>
  );
}

/**
 * Shows its children only to a signed-in staff member in one of the roles; others are sent to
 * sign in (and brought back afterwards) or told they lack permission. The api enforces the same
 * rules: this only spares people pages they cannot use.
 */
export function RequireStaff({
  roles,
  children,
}: {
  roles: readonly StaffProfile['role'][];
  children: ReactNode;
}) {
  const { state, reload } = useStaffSession();
  const location = useLocation();
  if (state.status === 'unknown') return <p className="app-body">Loading…</p>;
  if (state.status === 'unavailable') return <UnavailablePage onRetry={reload} />;
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!roles.includes(state.staff.role)) return <NoPermissionPage />;
  return <>{children}</>;
}
