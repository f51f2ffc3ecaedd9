// Autosave of a listing's form (the 附件3 demand, a 成果): to the phone's storage shortly after every change, and to the
// server as a draft a little later (POST the first time, then PUT with the version, so a stale edit elsewhere is
// refused, not lost). Server saves run one after another, so each PUT carries the version the previous one returned.
import { useEffect, useRef, useState } from 'react';
import { useDidHide } from '@tarojs/taro';
import type { Demand } from '@cic/shared';
import { ApiError, call } from '../../api/client';
import { DEMAND_FORM_SPEC, type DemandFormValues } from './demand-form.model';
import { isBlankOf, savableDraftOf, type ListingFormSpec } from './listing-form';
import { clearLocalDraft, linkLocalDraft, saveLocalDraft, type DraftKindName, type DraftTarget } from './draft-storage';

export const AUTOSAVE_DELAYS = { localMs: 500, serverMs: 2000 };

export type DraftSync =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: Date } | { state: 'failed'; message: string };

/** The server draft a form's values belong to. */
export interface DraftLink {
  id: string;
  version: number;
}

/** A stored listing, as far as autosave cares. */
interface Saved {
  id: string;
  version: number;
}

/** What differs between the forms that autosave: their rules, their phone storage and their two API calls. */
export interface DraftKind<V, R extends Saved> {
  name: DraftKindName;
  spec: ListingFormSpec<V, string>;
  create(draft: Record<string, unknown>): Promise<R>;
  update(id: string, draft: Record<string, unknown>, version: number): Promise<R>;
}

export const DEMAND_DRAFT: DraftKind<DemandFormValues, Demand> = {
  name: 'demand',
  spec: DEMAND_FORM_SPEC,
  create: (body) => call('demandsCreate', { body }),
  update: (id, body, version) => call('demandsUpdate', { params: { id }, body, version }),
};

interface Options<V, R extends Saved> {
  kind: DraftKind<V, R>;
  userId: string;
  target: DraftTarget;
  values: V;
  dirty: boolean;
  /** The server draft these values came from, if any. */
  link?: DraftLink;
}

export interface DraftAutosave<V, R> {
  sync: DraftSync;
  /** Saves the current values to the server now (cancelling the pending autosave) and returns the stored listing. */
  saveNow(values: V): Promise<R>;
  /** After a submit: forget the local copy and stop saving. */
  discard(): void;
}

export function useDraftAutosave<V extends object, R extends Saved>({
  kind,
  userId,
  target,
  values,
  dirty,
  link: initialLink,
}: Options<V, R>): DraftAutosave<V, R> {
  const [sync, setSync] = useState<DraftSync>({ state: 'idle' });
  const link = useRef<DraftLink | undefined>(initialLink);
  const lastSaved = useRef<{ json: string; saved: R }>();
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const localTimer = useRef<ReturnType<typeof setTimeout>>();
  const serverTimer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(values);
  const stopped = useRef(false);
  latest.current = values;

  const saveLocal = () => {
    localTimer.current = undefined;
    if (!stopped.current) saveLocalDraft(userId, target, { values: latest.current, ...link.current }, kind.name);
  };

  const saveToServer = (snapshot: V): Promise<R> => {
    clearTimeout(serverTimer.current);
    const run = async () => {
      const draft = savableDraftOf(kind.spec, snapshot);
      const json = JSON.stringify(draft);
      // Nothing changed since the last save (a submit right after an autosave): no second write.
      if (lastSaved.current?.json === json && lastSaved.current.saved.version === link.current?.version) {
        return lastSaved.current.saved;
      }
      setSync({ state: 'saving' });
      const current = link.current;
      const saved = current ? await kind.update(current.id, draft, current.version) : await kind.create(draft);
      lastSaved.current = { json, saved };
      link.current = { id: saved.id, version: saved.version };
      if (!stopped.current) linkLocalDraft(userId, target, link.current, snapshot, kind.name);
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
      if (!link.current && isBlankOf(kind.spec, latest.current)) return;
      saves.current
        .saveToServer(latest.current)
        .catch((e: unknown) => setSync({ state: 'failed', message: e instanceof ApiError ? e.message : '网络异常' }));
    }, AUTOSAVE_DELAYS.serverMs);
    return () => {
      clearTimeout(localTimer.current);
      clearTimeout(serverTimer.current);
    };
    // Re-armed by every change of the values: that is the debounce.
  }, [values, dirty, kind.spec]);

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
      clearLocalDraft(userId, target, kind.name);
    },
  };
}
