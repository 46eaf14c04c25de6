import { useCallback, useEffect, useState } from 'react';
import type { StaffApiResult } from '../../api/staff-api';
import { useStaffSession } from '../sign-in';

export type Loaded<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'failed'; message: string };

/**
 * Loads something for an admin page; a 401 on the way (the session ended) updates the session,
 * which sends the user to sign in.
 */
export function useAdminData<T>(load: () => Promise<StaffApiResult<T>>): [Loaded<T>, () => void] {
  const { sessionEnded } = useStaffSession();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (!current) return;
      if (result.kind === 'ok') setState({ status: 'ok', value: result.value });
      else if (result.kind === 'signed-out') sessionEnded();
      else
        setState({
          status: 'failed',
          message:
            result.kind === 'unavailable'
              ? 'Sorry, there is a problem with the service. Try again in a few minutes.'
              : result.message,
        });
    });
    return () => {
      current = false;
    };
  }, [load, sessionEnded, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [state, reload];
}
