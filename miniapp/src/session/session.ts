// Who is logged in: the token and user, kept in storage so a restart keeps the session.
import Taro from '@tarojs/taro';
import type { AuthResponse } from '@cic/shared';
import { SESSION_STORAGE_KEY as KEY, sessionOf, type Session } from './session-record';

export type { Session };

type Listener = (session: Session | undefined) => void;
const listeners = new Set<Listener>();
let current: Session | undefined;
let loaded = false;

export function getSession(): Session | undefined {
  if (!loaded) {
    loaded = true;
    try {
      const stored = Taro.getStorageSync<Session | ''>(KEY);
      current = stored && stored.expiresAt > Date.now() ? stored : undefined;
    } catch {
      current = undefined;
    }
  }
  return current;
}

export function setSession(auth: AuthResponse | undefined): void {
  current = auth ? sessionOf(auth) : undefined;
  loaded = true;
  if (current) Taro.setStorageSync(KEY, current);
  else Taro.removeStorageSync(KEY);
  for (const l of listeners) l(current);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
