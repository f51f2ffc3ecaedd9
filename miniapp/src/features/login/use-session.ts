// The logged-in session as React state: pages re-render when someone logs in or out on another tab.
import { useEffect, useState } from 'react';
import { getSession, onSessionChange, type Session } from '../../session/session';

export function useSession(): Session | undefined {
  const [session, setCurrent] = useState(getSession);
  useEffect(() => {
    // The session may have changed between the first render and this effect.
    setCurrent(getSession());
    const unsubscribe = onSessionChange(setCurrent);
    return () => void unsubscribe();
  }, []);
  return session;
}
