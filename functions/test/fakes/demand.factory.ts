// Valid test data: a complete 附件3 form and a stored demand whose metadata is consistent with its status.
import type { Demand, DemandComplete, DemandStatus, StatusEvent } from '@cic/shared';
import { DEFAULT_START } from './fixed-clock';

/** A complete form that passes validateDemandComplete; the API tests post it too. */
export function completeForm(overrides: Partial<DemandComplete> = {}): DemandComplete {
  return {
    companyName: '南京钛合新材料科技有限公司',
    region: '江苏省 / 南京市 / 江宁区',
    contactName: '王工',
    contactPhone: '13812345678',
    contactTitle: '研发部 主任',
    email: 'rd@example.com',
    companyIntro: '专注钛合金精密成形的高新技术企业。',
    salesBand: '50m-100m',
    title: '钛合金薄板激光焊接变形控制',
    budgetWan: 80,
    field: 'new_materials',
    description:
      '需要解决1.5毫米钛合金薄板激光焊接的变形与气孔问题。目标指标：焊缝抗拉强度不低于母材的95%，气孔率低于0.1%，焊后变形量小于0.2毫米，单件焊接节拍不超过3分钟。',
    cooperationModes: ['co_develop', 'transfer'],
    brokerName: '李经纪',
    brokerPhone: '025-83456789',
    anonymous: false,
    ...overrides,
  };
}

/**
 * A complete form whose main topic is `words` (each in the title and twice in the description), so that an alert for
 * them is 主题相关 (tier main) and pushed; `completeForm` with the word in the title alone is only 提及.
 */
export function topicalForm(title: string, words: readonly string[], overrides: Partial<DemandComplete> = {}): DemandComplete {
  const base = completeForm(overrides);
  const named = words.join('、');
  return { ...base, title, description: `${named}攻关：${base.description}验收以${named}样件为准。` };
}

export const MOCK_REJECT_REASON = '请补充可量化的技术指标';

let sequence = 0;

/** What a stored listing's status implies of its metadata. */
export type StatusMeta = Pick<
  Demand,
  'createdAt' | 'updatedAt' | 'version' | 'history' | 'submittedAt' | 'publishedAt' | 'closedAt' | 'rejectReason'
>;

/**
 * The metadata of a listing (a demand or a 成果) in `status`, all stamped at `at`: its submittedAt, publishedAt,
 * closedAt, rejectReason, history and version follow from the status (closed means closed after being published).
 */
export function statusMeta(status: DemandStatus, at: string): StatusMeta {
  const history: StatusEvent[] = [{ status: 'draft', at }];
  const meta: Partial<StatusMeta> = {};
  if (status !== 'draft') {
    meta.submittedAt = at;
    history.push({ status: 'pending_review', at });
  }
  if (status === 'rejected') {
    meta.rejectReason = MOCK_REJECT_REASON;
    history.push({ status: 'rejected', at, note: MOCK_REJECT_REASON });
  }
  if (status === 'published' || status === 'closed') {
    meta.publishedAt = at;
    history.push({ status: 'published', at });
  }
  if (status === 'closed') {
    meta.closedAt = at;
    history.push({ status: 'closed', at });
  }
  return { createdAt: at, updatedAt: at, version: history.length, history, ...meta };
}

/**
 * A stored demand with a complete form, its metadata following from `status` (default draft; statusMeta), stamped at
 * `createdAt`. Any field can still be overridden.
 */
export function createMockDemand(overrides: Partial<Demand> = {}): Demand {
  sequence += 1;
  const status = overrides.status ?? 'draft';
  return {
    ...completeForm(),
    id: `mock-${String(sequence).padStart(4, '0')}`,
    ownerId: 'owner-1',
    status,
    followerCount: 0,
    ...statusMeta(status, overrides.createdAt ?? DEFAULT_START),
    ...overrides,
  };
}
