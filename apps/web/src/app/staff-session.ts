import type { StaffProfile, StaffRoleName } from '@swhc/contracts';
import { useEffect, useSyncExternalStore } from 'react';
import { signOut as apiSignOut, whoAmI } from '../api';

export type StaffSessionState =
  | { readonly status: 'unknown' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'signed-in'; readonly staff: StaffProfile }
  | { readonly status: 'unavailable' };

export type KnownStaffSession = Exclude<StaffSessionState, { status: 'unknown' }>;

export const ROLE_LABELS: Record<StaffRoleName, string> = {
  admin: 'Administrator',
  psw: 'Principal social worker',
  researcher: 'Researcher',
};

/**
 * Who is signed in, for loaders (which must know before a staff page shows) and components (the
 * header). The server is asked once, on the first staff page; sign-in, sign-out and a 401 from any
 * call update it. Respondents' pages never ask: the survey has nothing to do with staff.
 */
export function createStaffSession() {
  let state: StaffSessionState = { status: 'unknown' };
  let asking: Promise<KnownStaffSession> | null = null;
  // Bumped by every change, so a late answer to an earlier question does not undo a sign-in.
  let changes = 0;
  const listeners = new Set<() => void>();

  const set = (next: StaffSessionState) => {
    state = next;
    changes += 1;
    asking = null;
    for (const listener of listeners) listener();
  };

  return {
    current: (): StaffSessionState => state,
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Resolves once the server has said who is signed in (it is asked again after failing to). */
    known: (): Promise<KnownStaffSession> => {
      if (state.status === 'signed-in' || state.status === 'signed-out')
        return Promise.resolve(state);
      if (!asking) {
        const askedAt = changes;
        asking = whoAmI().then((result): KnownStaffSession => {
          if (changes !== askedAt && state.status !== 'unknown') return state;
          set(
            result.kind === 'ok'
              ? { status: 'signed-in', staff: result.value }
              : result.kind === 'signed-out'
                ? { status: 'signed-out' }
                : { status: 'unavailable' },
          );
          return state as KnownStaffSession;
        });
      }
      return asking;
    },
    signedIn: (staff: StaffProfile) => set({ status: 'signed-in', staff }),
    /** The server said the session is over (a 401 from any call). */
    ended: () => set({ status: 'signed-out' }),
    /** Signs out on the server; true once the session is gone. */
    signOut: async (): Promise<boolean> => {
      const result = await apiSignOut();
      if (result.kind !== 'ok' && result.kind !== 'signed-out') return false;
      set({ status: 'signed-out' });
      return true;
    },
    /** Forget the answer, so the next staff page asks again. */
    forget: () => set({ status: 'unknown' }),
  };
}

export type StaffSession = ReturnType<typeof createStaffSession>;

/** The app's one session. */
export const staffSession: StaffSession = createStaffSession();

/** Who is signed in, for components; asks the server the first time a staff page shows it. */
export function useStaffSession(): StaffSessionState {
  const state = useSyncExternalStore(staffSession.subscribe, staffSession.current);
  useEffect(() => {
    if (state.status === 'unknown') void staffSession.known();
  }, [state.status]);
  return state;
}
