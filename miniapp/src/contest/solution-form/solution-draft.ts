// The 揭榜 form as last typed, kept on the phone per user and per demand (or per solution being edited), so leaving
// the page, a crash or a failed submit loses nothing. `version` says which stored solution an edit started from.
import { useEffect, useRef, useState } from 'react';
import Taro, { useDidHide } from '@tarojs/taro';
import type { SolutionFormValues } from './solution-form.model';

export interface LocalSolutionDraft {
  values: SolutionFormValues;
  version?: number;
  savedAt: number;
  /** Filled from elsewhere (an accepted invitation's 成果) and not yet edited here. */
  prefilled?: true;
}

/** A new solution is kept under its demand; an edit under the solution. */
export type SolutionDraftTarget = { demandId: string } | { solutionId: string; version: number };

const key = (userId: string, target: SolutionDraftTarget) =>
  `cic.solution-draft.${userId}.${'demandId' in target ? `d.${target.demandId}` : `s.${target.solutionId}`}`;

export function loadSolutionDraft(userId: string, target: SolutionDraftTarget): LocalSolutionDraft | undefined {
  try {
    const stored = Taro.getStorageSync<LocalSolutionDraft | ''>(key(userId, target));
    if (!stored || typeof stored !== 'object' || !stored.values) return undefined;
    // An edit typed against an older version of the solution is not restored over the newer one.
    if ('solutionId' in target && stored.version !== target.version) return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

export function clearSolutionDraft(userId: string, target: SolutionDraftTarget): void {
  try {
    Taro.removeStorageSync(key(userId, target));
  } catch {
    // Nothing to clear.
  }
}

/**
 * Fills the 揭榜 form of a demand before it opens (accepting an invitation fills it from the 成果): only the fields the
 * person has not typed yet, so nothing typed earlier on this phone is lost. Never fails: the form also opens empty.
 */
export function prefillSolutionDraft(userId: string, demandId: string, prefill: SolutionFormValues): void {
  const target = { demandId };
  const typed = loadSolutionDraft(userId, target)?.values ?? {};
  const values: SolutionFormValues = { ...prefill };
  for (const [name, value] of Object.entries(typed) as [keyof SolutionFormValues, unknown][]) {
    if (value !== undefined && value !== '') Object.assign(values, { [name]: value });
  }
  try {
    Taro.setStorageSync(key(userId, target), { values, savedAt: Date.now(), prefilled: true } satisfies LocalSolutionDraft);
  } catch {
    // Storage full: the form opens with what was typed before.
  }
}

export const LOCAL_SAVE_MS = 500;

/** Saves the values shortly after every change, and at once when the page hides or closes. */
export function useSolutionDraft(userId: string, target: SolutionDraftTarget, values: SolutionFormValues, dirty: boolean) {
  const [savedAt, setSavedAt] = useState<Date>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(values);
  latest.current = values;
  const stopped = useRef(false);

  const save = () => {
    timer.current = undefined;
    if (stopped.current) return;
    try {
      Taro.setStorageSync(key(userId, target), {
        values: latest.current,
        ...('version' in target ? { version: target.version } : {}),
        savedAt: Date.now(),
      });
      setSavedAt(new Date());
    } catch {
      // Storage full: the form still holds the values while the page is open.
    }
  };

  // The timer and the unmount call save and flush through refs: the effects run only when the values change (the
  // debounce) or once (the unmount), and still call this render's functions.
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    if (!dirty || stopped.current) return;
    timer.current = setTimeout(() => saveRef.current(), LOCAL_SAVE_MS);
    return () => clearTimeout(timer.current);
    // Re-armed by every change: that is the debounce.
  }, [values, dirty]);

  const flush = () => {
    if (timer.current === undefined) return;
    clearTimeout(timer.current);
    save();
  };
  useDidHide(flush);
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => flushRef.current(), []);

  return {
    savedAt,
    /** After a successful submit: forget the local copy and stop saving. */
    discard() {
      stopped.current = true;
      clearTimeout(timer.current);
      timer.current = undefined;
      clearSolutionDraft(userId, target);
    },
  };
}
