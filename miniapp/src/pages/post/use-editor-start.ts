// Where the editor starts from: the new-demand draft kept on the phone, or an existing demand from the server
// (with the phone's copy preferred when it holds edits made since that version).
import { useEffect, useState } from 'react';
import { canTransition, DEMAND_STATUS_LABELS, type DemandStatus } from '@cic/shared';
import { ApiError, call } from '../../api/client';
import type { DemandFormValues } from '../../features/demand-form/demand-form.model';
import { formValuesFrom, isBlank } from '../../features/demand-form/demand-form.values';
import { loadLocalDraft, type DraftTarget } from '../../features/demand-form/draft-storage';
import type { DraftLink } from '../../features/demand-form/use-draft-autosave';

export type EditorStart =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'locked'; message: string }
  | {
      kind: 'ready';
      values: DemandFormValues;
      link?: DraftLink;
      /** True when unsent values were found on the phone. */
      restored: boolean;
      status?: DemandStatus;
      rejectReason?: string;
    };

function fromPhone(userId: string): EditorStart {
  const local = loadLocalDraft(userId, 'new');
  const link = local?.demandId && local.version !== undefined ? { demandId: local.demandId, version: local.version } : undefined;
  return { kind: 'ready', values: local?.values ?? {}, link, restored: local !== undefined && !isBlank(local.values) };
}

async function fromServer(userId: string, demandId: string): Promise<EditorStart> {
  try {
    const demand = await call('demandsDetail', { params: { id: demandId } });
    if (!canTransition('edit', demand.status)) {
      return { kind: 'locked', message: `该需求${DEMAND_STATUS_LABELS[demand.status]}，不能修改` };
    }
    const local = loadLocalDraft(userId, { id: demandId });
    const useLocal = local !== undefined && local.version === demand.version;
    return {
      kind: 'ready',
      values: useLocal ? local.values : formValuesFrom(demand),
      link: { demandId: demand.id, version: demand.version },
      restored: useLocal,
      status: demand.status,
      rejectReason: 'rejectReason' in demand ? demand.rejectReason : undefined,
    };
  } catch (e) {
    return { kind: 'failed', message: e instanceof ApiError ? e.message : '加载失败，请稍后重试' };
  }
}

export function useEditorStart(userId: string, target: DraftTarget): EditorStart {
  const demandId = target === 'new' ? undefined : target.id;
  const [start, setStart] = useState<EditorStart>(() => (demandId ? { kind: 'loading' } : fromPhone(userId)));
  useEffect(() => {
    if (!demandId) return;
    let live = true;
    void fromServer(userId, demandId).then((s) => live && setStart(s));
    return () => {
      live = false;
    };
  }, [userId, demandId]);
  return start;
}
