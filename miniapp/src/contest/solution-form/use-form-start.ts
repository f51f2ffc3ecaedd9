// Where the 揭榜 form starts: for a new solution, the demand (it must be open, and not the caller's own, and not
// already answered by them); for an edit, the stored solution (only while 待处理). Values typed earlier on this phone
// are preferred when they belong to the same version.
import { useCallback, useEffect, useState } from 'react';
import { DEMAND_STATUS_LABELS, SOLUTION_STATUS_LABELS } from '@cic/shared';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/use-paged-list';
import { valuesFrom, type SolutionFormValues } from './solution-form.model';
import { loadSolutionDraft, type SolutionDraftTarget } from './solution-draft';

export type FormStart =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** The form cannot be used here; `mySolutionId` points to the caller's existing solution. */
  | { kind: 'blocked'; message: string; mySolutionId?: string }
  | {
      kind: 'ready';
      target: SolutionDraftTarget;
      values: SolutionFormValues;
      demandTitle: string;
      /** Typed earlier on this phone, or filled from an accepted invitation's 成果 (prefilled). */
      restored: boolean;
      prefilled?: boolean;
    };

async function forNew(userId: string, demandId: string): Promise<FormStart> {
  const demand = await call('demandsDetail', { params: { id: demandId } });
  const mine = demand.viewer.mySolution;
  if (mine)
    return { kind: 'blocked', message: `你已对该需求揭榜（${SOLUTION_STATUS_LABELS[mine.status]}）`, mySolutionId: mine.id };
  if (demand.viewer.isOwner) return { kind: 'blocked', message: '不能对自己发布的需求揭榜' };
  if (demand.status !== 'published') {
    return { kind: 'blocked', message: `该需求${DEMAND_STATUS_LABELS[demand.status]}，不再接受揭榜` };
  }
  const target = { demandId };
  const local = loadSolutionDraft(userId, target);
  return {
    kind: 'ready',
    target,
    values: local?.values ?? {},
    demandTitle: demand.title ?? '',
    restored: Boolean(local),
    prefilled: local?.prefilled === true,
  };
}

async function forEdit(userId: string, solutionId: string): Promise<FormStart> {
  const solution = await call('solutionsDetail', { params: { id: solutionId } });
  if (solution.status !== 'submitted') {
    return { kind: 'blocked', message: `方案${SOLUTION_STATUS_LABELS[solution.status]}，不能再修改`, mySolutionId: solution.id };
  }
  const target = { solutionId, version: solution.version };
  const local = loadSolutionDraft(userId, target);
  let demandTitle = '';
  try {
    demandTitle = (await call('demandsDetail', { params: { id: solution.demandId } })).title ?? '';
  } catch {
    // The title is a heading only: the edit works without it.
  }
  return { kind: 'ready', target, values: local?.values ?? valuesFrom(solution), demandTitle, restored: Boolean(local) };
}

export function useFormStart(userId: string | undefined, params: { demandId?: string; id?: string }) {
  const [start, setStart] = useState<FormStart>({ kind: 'loading' });
  const { demandId, id } = params;
  const load = useCallback(async () => {
    if (!userId) return;
    if (!demandId && !id) return setStart({ kind: 'blocked', message: '链接无效：缺少需求或方案编号' });
    setStart({ kind: 'loading' });
    try {
      setStart(id ? await forEdit(userId, id) : await forNew(userId, demandId ?? ''));
    } catch (e) {
      const error = toApiError(e);
      setStart(
        error.status === 404
          ? { kind: 'blocked', message: '需求或方案不存在，或你无权查看' }
          : { kind: 'error', message: error.message },
      );
    }
  }, [userId, demandId, id]);
  useEffect(() => void load(), [load]);
  return { start, retry: load };
}
