// Autosave of the 附件3 form: to the phone's storage shortly after every change, and to the server as a draft a
// little later (POST the first time, then PUT with the version, so a stale edit elsewhere is refused, not lost).
// Server saves run one after another, so each PUT carries the version the previous one returned.
import { useEffect, useRef, useState } from 'react';
import { useDidHide } from '@tarojs/taro';
import type { Demand } from '@cic/shared';
import { ApiError, call } from '../../api/client';
import type { DemandFormValues } from './demand-form.model';
import { isBlank, savableDraft } from './demand-form.values';
import { clearLocalDraft, linkLocalDraft, saveLocalDraft, type DraftTarget } from './draft-storage';

export const AUTOSAVE_DELAYS = { localMs: 500, serverMs: 2000 };

export type DraftSync =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: Date } | { state: 'failed'; message: string };

export interface DraftLink {
  demandId: string;
  version: number;
}

interface Options {
  userId: string;
  target: DraftTarget;
  values: DemandFormValues;
  dirty: boolean;
  /** The server draft these values came from, if any. */
  link?: DraftLink;
}

export interface DraftAutosave {
  sync: DraftSync;
  /** Saves the current values to the server now (cancelling the pending autosave) and returns the stored demand. */
  saveNow(values: DemandFormValues): Promise<Demand>;
  /** After a submit: forget the local copy and stop saving. */
  discard(): void;
}

export function useDraftAutosave({ userId, target, values, dirty, link: initialLink }: Options): DraftAutosave {
  const [sync, setSync] = useState<DraftSync>({ state: 'idle' });
  const link = useRef<DraftLink | undefined>(initialLink);
  const lastSaved = useRef<{ json: string; demand: Demand }>();
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const localTimer = useRef<ReturnType<typeof setTimeout>>();
  const serverTimer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(values);
  const stopped = useRef(false);
  latest.current = values;

  const saveLocal = () => {
    localTimer.current = undefined;
    if (!stopped.current) saveLocalDraft(userId, target, { values: latest.current, ...link.current });
  };

  const saveToServer = (snapshot: DemandFormValues): Promise<Demand> => {
    clearTimeout(serverTimer.current);
    const run = async () => {
      const draft = savableDraft(snapshot);
      const json = JSON.stringify(draft);
      // Nothing changed since the last save (a submit right after an autosave): no second write.
      if (lastSaved.current?.json === json && lastSaved.current.demand.version === link.current?.version) {
        return lastSaved.current.demand;
      }
      setSync({ state: 'saving' });
      const current = link.current;
      const saved = current
        ? await call('demandsUpdate', { params: { id: current.demandId }, body: draft, version: current.version })
        : await call('demandsCreate', { body: draft });
      lastSaved.current = { json, demand: saved };
      link.current = { demandId: saved.id, version: saved.version };
      if (!stopped.current) linkLocalDraft(userId, target, link.current, snapshot);
      setSync({ state: 'saved', at: new Date() });
      return saved;
    };
    const result = chain.current.then(run, run);
    chain.current = result.catch(() => undefined);
    return result;
  };

  // The timers and the unmount call these through refs: the effects run only when the values change (the debounce) or
  // once (the unmount), and still call this render's functions.
  const saves = useRef({ saveLocal, saveToServer });
  saves.current = { saveLocal, saveToServer };

  useEffect(() => {
    if (!dirty || stopped.current) return;
    localTimer.current = setTimeout(() => saves.current.saveLocal(), AUTOSAVE_DELAYS.localMs);
    serverTimer.current = setTimeout(() => {
      // Typing and deleting everything again is no reason to create a server draft.
      if (!link.current && isBlank(latest.current)) return;
      saves.current
        .saveToServer(latest.current)
        .catch((e: unknown) => setSync({ state: 'failed', message: e instanceof ApiError ? e.message : '网络异常' }));
    }, AUTOSAVE_DELAYS.serverMs);
    return () => {
      clearTimeout(localTimer.current);
      clearTimeout(serverTimer.current);
    };
    // Re-armed by every change of the values: that is the debounce.
  }, [values, dirty]);

  // Leaving the page (or the app going to the background) must not drop the last keystrokes.
  const flushLocal = () => {
    if (localTimer.current !== undefined) {
      clearTimeout(localTimer.current);
      saveLocal();
    }
  };
  useDidHide(flushLocal);
  const flushRef = useRef(flushLocal);
  flushRef.current = flushLocal;
  useEffect(() => () => flushRef.current(), []);

  return {
    sync,
    saveNow: saveToServer,
    discard() {
      stopped.current = true;
      clearTimeout(localTimer.current);
      clearTimeout(serverTimer.current);
      localTimer.current = undefined;
      clearLocalDraft(userId, target);
    },
  };
}
