import type { StaffProfile } from '@swhc/contracts';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { signOut as apiSignOut, whoAmI } from '../../api/staff-api';

export type StaffSessionState =
  | { status: 'unknown' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; staff: StaffProfile }
  | { status: 'unavailable' };

interface StaffSessionValue {
  readonly state: StaffSessionState;
  /** After a successful sign-in. */
  readonly signedIn: (staff: StaffProfile) => void;
  /** After the server said the session is over (a 401 from any call). */
  readonly sessionEnded: () => void;
  /** Signs out on the server; resolves once the session is gone. */
  readonly signOut: () => Promise<boolean>;
  readonly reload: () => void;
}

const StaffSessionContext = createContext<StaffSessionValue | null>(null);

/** Respondents' pages never ask who is signed in: the survey journey has nothing to do with staff. */
const isRespondentPath = (pathname: string) => pathname.startsWith('/s/');

/** Knows who is signed in (asking the server once, on the first staff page) and signs out. */
export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const [state, setState] = useState<StaffSessionState>({ status: 'unknown' });

  useEffect(() => {
    if (state.status !== 'unknown' || isRespondentPath(pathname)) return;
    // Ignore a late answer once something else (a sign-in, a sign-out) has set the state.
    let current = true;
    void whoAmI().then((result) => {
      if (!current) return;
      if (result.kind === 'ok') setState({ status: 'signed-in', staff: result.value });
      else if (result.kind === 'signed-out') setState({ status: 'signed-out' });
      else setState({ status: 'unavailable' });
    });
    return () => {
      current = false;
    };
  }, [state.status, pathname]);

  const value = useMemo<StaffSessionValue>(
    () => ({
      state,
      signedIn: (staff) => setState({ status: 'signed-in', staff }),
      sessionEnded: () => setState({ status: 'signed-out' }),
      signOut: async () => {
        const result = await apiSignOut();
        if (result.kind === 'ok' || result.kind === 'signed-out') {
          setState({ status: 'signed-out' });
          return true;
        }
        return false;
      },
      reload: () => setState({ status: 'unknown' }),
    }),
    [state],
  );
  return <StaffSessionContext.Provider value={value}>{children}</StaffSessionContext.Provider>;
}

export function useStaffSession(): StaffSessionValue {
  const value = useContext(StaffSessionContext);
  if (!value) throw new Error('useStaffSession needs a StaffSessionProvider (see app/layout.tsx)');
  return value;
}

export const ROLE_LABELS: Record<StaffProfile['role'], string> = {
  admin: 'Administrator',
  psw: 'Principal social worker',
  researcher: 'Researcher',
};

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
