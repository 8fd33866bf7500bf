/** The signed-in staff session for every console page: who, where, what they may do. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { staffApi } from './api';
import type { Action, StaffSession } from './types';

interface SessionState {
  session: StaffSession | null;
  /** Reloads `GET /session` (after sign-in, sign-out, enrolment). */
  refresh: () => Promise<StaffSession>;
  /** Takes a session returned by a sign-in or sign-out call. */
  update: (session: StaffSession) => void;
  can: (action: Action) => boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StaffSession | null>(null);
  const refresh = useCallback(async () => {
    const next = await staffApi<StaffSession>('GET', '/session');
    setSession(next);
    return next;
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const can = (action: Action) => session?.permissions.includes(action) ?? false;
  return <SessionContext.Provider value={{ session, refresh, update: setSession, can }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
