// Test data of 揭榜比拼, defined once: a valid solution form, stored solutions as each party sees them, and the other
// contest responses, each with overrides.
import type {
  Award,
  DemandDetailResponse,
  MySolution,
  RankingResponse,
  Solution,
  SolutionForm,
  SolutionListResponse,
  SolutionStatus,
  StatsResponse,
  TriagedSolution,
} from '@cic/shared';

export const SUMMARY =
  '采用相控阵超声与激光视觉复合的在线检测方案：相控阵探头沿焊缝同步扫查，识别0.1毫米以上的气孔、裂纹和未熔合；激光视觉测量焊缝成形与变形量。检测速度每分钟2米以上，漏检率低于千分之一，数据经边缘计算盒实时判定并通过OPC UA接入产线PLC，已在两家航空钛材企业完成中试验证。';

export const FORM: SolutionForm = {
  title: '钛合金焊缝相控阵在线检测系统',
  summary: SUMMARY,
  organisation: '南京理工大学焊接研究所',
  team: '李教授（负责人）、王博士（超声算法）、赵工程师（产线集成）',
  contactName: '李教授',
  contactPhone: '13912345678',
  costWan: 80,
  months: 12,
  ndaAccepted: true,
};

/** A response built afresh on each call (no nested object is shared between tests), with any field overridden. */
const withDefaults =
  <T>(defaults: () => T) =>
  (over: Partial<T> = {}): T => ({ ...defaults(), ...over });

export function solution(over: Partial<Solution> = {}): Solution {
  const { ndaAccepted: _, ...form } = FORM;
  return {
    ...form,
    id: 's1',
    demandId: 'd1',
    submitterId: 'u1',
    status: 'submitted',
    createdAt: '2026-11-10T02:00:00Z',
    updatedAt: '2026-11-10T02:00:00Z',
    ndaAcceptedAt: '2026-11-10T02:00:00Z',
    version: 1,
    history: [{ status: 'submitted', at: '2026-11-10T02:00:00Z' }],
    ...over,
  };
}

export function triaged(over: Partial<TriagedSolution> = {}): TriagedSolution {
  return { ...solution(), fit: { score: 72, terms: ['钛合金', '焊缝', '在线检测'] }, ...over };
}

export function mySolution(over: Partial<MySolution> = {}): MySolution {
  return { ...solution(), demandTitle: '钛合金焊缝在线检测', demandStatus: 'published', ...over };
}

export function counts(over: Partial<Record<SolutionStatus, number>> = {}): Record<SolutionStatus, number> {
  return { submitted: 0, shortlisted: 0, declined: 0, intent: 0, ...over };
}

export function listResponse(items: TriagedSolution[], over: Partial<SolutionListResponse> = {}): SolutionListResponse {
  const c = counts();
  for (const s of items) c[s.status] += 1;
  return { items, counts: c, sort: 'fit', viewer: { role: 'owner' }, ...over };
}

export const ranking = withDefaults<RankingResponse>(() => ({
  demandId: 'd1',
  weights: { completeness: 1, feasibility: 1, fit: 1 },
  judges: 2,
  closed: false,
  items: [],
}));

export const demandDetail = withDefaults<DemandDetailResponse>(() => ({
  id: 'd1',
  status: 'published',
  createdAt: '2026-10-20T02:00:00Z',
  updatedAt: '2026-11-01T02:00:00Z',
  publishedAt: '2026-11-01T02:00:00Z',
  followerCount: 0,
  version: 3,
  history: [],
  title: '钛合金焊缝在线检测',
  viewer: { isOwner: false, following: false },
  awards: [],
}));

export const stats = withDefaults<StatsResponse>(() => ({
  at: '2026-11-20T02:00:00Z',
  demands: {
    byStatus: { draft: 4, pending_review: 3, rejected: 1, published: 700, matched: 12, closed: 40 },
    published: 752,
    byField: { digital_economy: 60, ai: 90, equipment: 150, new_materials: 180, new_energy: 0, other: 12 },
    byRegion: Object.fromEntries(
      [
        '江苏省',
        '上海市',
        '浙江省',
        '安徽省',
        '山东省',
        '广东省',
        '北京市',
        '湖北省',
        '四川省',
        '福建省',
        '河南省',
        '天津市',
      ].map((r, i) => [r, 300 - i * 20]),
    ),
  },
  budgetWan: 123456,
  solutions: 58,
  demandsWithSolutions: 31,
  matched: 12,
  achievements: 36,
  matches: 1240,
  invitations: 18,
  invitationsAccepted: 7,
}));

/** 最佳解决方案奖 of 2026 to a solution's team. */
export const award = withDefaults<Award>(() => ({
  id: 'a1',
  demandId: 'd1',
  kind: 'best_solution',
  label: '最佳解决方案奖',
  target: 'solution',
  solutionId: 's1',
  winnerName: '南京理工大学焊接研究所',
  year: 2026,
  at: '2026-11-20T02:00:00Z',
}));
