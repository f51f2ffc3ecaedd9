// The form as last typed, kept on the phone per user and per demand, so closing the app loses nothing.
// `demandId`/`version` say which server draft these values belong to and which version of it they started from:
// on reopening, the local values win unless the server copy has moved on since (edited on another device).
import Taro from '@tarojs/taro';
import type { DemandFormValues } from './demand-form.model';

export interface LocalDraft {
  values: DemandFormValues;
  demandId?: string;
  version?: number;
  /** Epoch ms of the last local save. */
  savedAt: number;
}

/** `new` is the one unsubmitted new demand; an existing demand being edited is stored under its id. */
export type DraftTarget = 'new' | { id: string };

const key = (userId: string, target: DraftTarget) => `cic.demand-draft.${userId}.${target === 'new' ? 'new' : target.id}`;

export function loadLocalDraft(userId: string, target: DraftTarget): LocalDraft | undefined {
  try {
    const stored = Taro.getStorageSync<LocalDraft | ''>(key(userId, target));
    return stored && typeof stored === 'object' && stored.values ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function saveLocalDraft(userId: string, target: DraftTarget, draft: Omit<LocalDraft, 'savedAt'>): void {
  try {
    Taro.setStorageSync(key(userId, target), { ...draft, savedAt: Date.now() });
  } catch {
    // Storage full or unavailable: the server copy is the fallback.
  }
}

/** Records which server draft the stored values belong to, keeping values typed since. */
export function linkLocalDraft(
  userId: string,
  target: DraftTarget,
  link: { demandId: string; version: number },
  values: DemandFormValues,
): void {
  const stored = loadLocalDraft(userId, target);
  saveLocalDraft(userId, target, { values: stored?.values ?? values, ...link });
}

export function clearLocalDraft(userId: string, target: DraftTarget): void {
  try {
    Taro.removeStorageSync(key(userId, target));
  } catch {
    // Nothing to clear.
  }
}
