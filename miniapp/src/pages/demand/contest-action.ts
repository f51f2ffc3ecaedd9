// The demand page's main button for 揭榜比拼: what the viewer can do here, and where it leads.
import { SOLUTION_STATUS_LABELS, type DemandDetailResponse, type UserRole } from '@cic/shared';

export interface ContestAction {
  label: string;
  /** Absent when there is nothing to do (the demand no longer takes solutions). */
  url?: string;
}

export function contestAction(d: DemandDetailResponse, role: UserRole | undefined): ContestAction {
  const q = encodeURIComponent(d.id);
  if (d.viewer.isOwner || role === 'admin')
    return { label: `查看揭榜方案 (${d.solutionCount ?? 0})`, url: `/contest/solutions/index?demandId=${q}` };
  if (d.viewer.isJudge) return { label: '评审打分', url: `/contest/judging/sheet?demandId=${q}` };
  const mine = d.viewer.mySolution;
  if (mine) return { label: `查看我的方案 · ${SOLUTION_STATUS_LABELS[mine.status]}`, url: '/contest/my-solutions/index' };
  if (d.status === 'published') return { label: '我要揭榜', url: `/contest/solution-form/index?demandId=${q}` };
  return { label: d.status === 'matched' ? '需求已对接' : '需求已关闭' };
}
