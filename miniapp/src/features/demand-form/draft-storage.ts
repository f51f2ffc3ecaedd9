// A form as last typed, kept on the phone per user, per kind of listing (a demand, a 成果) and per listing, so closing
// the app loses nothing. `id`/`version` say which server draft these values belong to and which version of it they
// started from: on reopening, the local values win unless the server copy has moved on since (edited on another device).
import Taro from '@tarojs/taro';

export interface LocalDraft<V = Record<string, unknown>> {
  values: V;
  /** The server draft (a demand's or a 成果's id). */
  id?: string;
  version?: number;
  /** Epoch ms of the last local save. */
  savedAt: number;
}

/** `new` is the one unsubmitted new listing; an existing one being edited is stored under its id. */
export type DraftTarget = 'new' | { id: string };

/** Which form: each keeps its drafts apart. */
export type DraftKindName = 'demand' | 'achievement';

const key = (userId: string, target: DraftTarget, kind: DraftKindName) =>
  `cic.${kind}-draft.${userId}.${target === 'new' ? 'new' : target.id}`;

export function loadLocalDraft<V = Record<string, unknown>>(
  userId: string,
  target: DraftTarget,
  kind: DraftKindName = 'demand',
): LocalDraft<V> | undefined {
  try {
    const stored = Taro.getStorageSync<(LocalDraft<V> & { demandId?: string }) | ''>(key(userId, target, kind));
    if (!stored || typeof stored !== 'object' || !stored.values) return undefined;
    // Drafts saved before 成果 had forms named their link `demandId`.
    const { demandId, ...draft } = stored;
    return draft.id === undefined && demandId !== undefined ? { ...draft, id: demandId } : draft;
  } catch {
    return undefined;
  }
}

export function saveLocalDraft<V>(
  userId: string,
  target: DraftTarget,
  draft: Omit<LocalDraft<V>, 'savedAt'>,
  kind: DraftKindName = 'demand',
): void {
  try {
    Taro.setStorageSync(key(userId, target, kind), { ...draft, savedAt: Date.now() });
  } catch {
    // Storage full or unavailable: the server copy is the fallback.
  }
}

/** Records which server draft the stored values belong to, keeping values typed since. */
export function linkLocalDraft<V>(
  userId: string,
  target: DraftTarget,
  link: { id: string; version: number },
  values: V,
  kind: DraftKindName = 'demand',
): void {
  const stored = loadLocalDraft<V>(userId, target, kind);
  saveLocalDraft(userId, target, { values: stored?.values ?? values, ...link }, kind);
}

export function clearLocalDraft(userId: string, target: DraftTarget, kind: DraftKindName = 'demand'): void {
  try {
    Taro.removeStorageSync(key(userId, target, kind));
  } catch {
    // Nothing to clear.
  }
}
