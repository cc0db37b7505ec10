import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, type User } from './api.ts';

interface SessionState {
  user: User | null | undefined;
  reload(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState>({
  user: undefined,
  reload: async () => {},
  signOut: async () => {},
});

/** Who is signed in: undefined while asking the server, null when nobody. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const reload = useCallback(async () => {
    try {
      setUser((await api<{ user: User }>('GET', '/session')).user);
    } catch {
      setUser(null);
    }
  }, []);
  const signOut = useCallback(async () => {
    await api('DELETE', '/session').catch(() => {});
    setUser(null);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return <SessionContext.Provider value={{ user, reload, signOut }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
