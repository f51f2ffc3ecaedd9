// Where a listing's editor starts from: the new-listing draft kept on the phone, or an existing listing from the server
// (with the phone's copy preferred when it holds edits made since that version). For the 附件3 form and the 成果 form.
import { useEffect, useState } from 'react';
import { canTransition, DEMAND_STATUS_LABELS, type DemandStatus } from '@cic/shared';
import { ApiError } from '../../api/client';
import { isBlankOf, type ListingFormSpec } from './listing-form';
import { loadLocalDraft, type DraftKindName, type DraftTarget } from './draft-storage';
import type { DraftLink } from './use-draft-autosave';

export type EditorStart<V> =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'locked'; message: string }
  | {
      kind: 'ready';
      values: V;
      link?: DraftLink;
      /** True when unsent values were found on the phone. */
      restored: boolean;
      status?: DemandStatus;
      rejectReason?: string;
    };

interface Stored {
  id: string;
  version: number;
  status: DemandStatus;
  rejectReason?: string;
}

/** How one kind of listing is loaded into its form. */
export interface EditorSource<V> {
  name: DraftKindName;
  /** 需求, 成果: said when it cannot be edited. */
  noun: string;
  spec: ListingFormSpec<V, string>;
  load(id: string): Promise<Stored>;
  valuesFrom(stored: Stored): V;
}

function fromPhone<V extends object>(source: EditorSource<V>, userId: string): EditorStart<V> {
  const local = loadLocalDraft<V>(userId, 'new', source.name);
  const link = local?.id && local.version !== undefined ? { id: local.id, version: local.version } : undefined;
  return {
    kind: 'ready',
    values: local?.values ?? ({} as V),
    link,
    restored: local !== undefined && !isBlankOf(source.spec, local.values),
  };
}

async function fromServer<V extends object>(source: EditorSource<V>, userId: string, id: string): Promise<EditorStart<V>> {
  try {
    const stored = await source.load(id);
    if (!canTransition('edit', stored.status)) {
      return { kind: 'locked', message: `该${source.noun}${DEMAND_STATUS_LABELS[stored.status]}，不能修改` };
    }
    const local = loadLocalDraft<V>(userId, { id }, source.name);
    const useLocal = local !== undefined && local.version === stored.version;
    return {
      kind: 'ready',
      values: useLocal ? local.values : source.valuesFrom(stored),
      link: { id: stored.id, version: stored.version },
      restored: useLocal,
      status: stored.status,
      rejectReason: stored.rejectReason,
    };
  } catch (e) {
    return { kind: 'failed', message: e instanceof ApiError ? e.message : '加载失败，请稍后重试' };
  }
}

export function useEditorStart<V extends object>(source: EditorSource<V>, userId: string, target: DraftTarget): EditorStart<V> {
  const id = target === 'new' ? undefined : target.id;
  const [start, setStart] = useState<EditorStart<V>>(() => (id ? { kind: 'loading' } : fromPhone(source, userId)));
  useEffect(() => {
    if (!id) return;
    let live = true;
    void fromServer(source, userId, id).then((s) => live && setStart(s));
    return () => {
      live = false;
    };
  }, [source, userId, id]);
  return start;
}
