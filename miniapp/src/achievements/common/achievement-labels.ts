// The Chinese names of a 成果's coded values: who holds it (or 匿名), its 技术成熟度 in the words of GB/T 22900, its
// price (null is 面议), and its 知识产权 counted by kind and status.
import { HOLDER_TYPE, IP_KIND, IP_KINDS, IP_STATUS, trlLabel, type AchievementDraft, type HolderType } from '@cic/shared';
import { formatMinBudget } from '../../format';

export const NEGOTIABLE = '面议';

/** 持有单位 · 高校; 匿名 · 高校 when the holder chose to hide it. */
export function holderLine(a: { holderName?: string; holderType?: HolderType; anonymous?: boolean }): string {
  const name = a.holderName || (a.anonymous ? '匿名' : '');
  return [name, a.holderType ? HOLDER_TYPE.label(a.holderType) : ''].filter(Boolean).join(' · ');
}

/** 80万元, 1.2亿元; 面议 for null (or a price not given). */
export function priceLabel(priceWan: number | null | undefined): string {
  return priceWan === null || priceWan === undefined || !Number.isFinite(priceWan) ? NEGOTIABLE : formatMinBudget(priceWan);
}

/** 技术成熟度 7 级 for a tag; the full GB/T 22900 line for the detail. */
export const trlTag = (trl: number | undefined): string => (trl === undefined ? '' : `技术成熟度 ${trl} 级`);
export const trlFull = (trl: number | undefined): string => (trl === undefined ? '' : trlLabel(trl));

type Ip = NonNullable<AchievementDraft['ip']>[number];

/** 发明专利（已授权 2 · 申请中 1）, one line per kind present, in the vocabulary's order. */
export function ipSummary(ip: readonly Ip[] | undefined): string[] {
  const items = ip ?? [];
  return IP_KINDS.flatMap((kind) => {
    const of = items.filter((i) => i.kind === kind);
    if (of.length === 0) return [];
    const counts = IP_STATUS.values
      .map((s) => [s, of.filter((i) => i.status === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${IP_STATUS.label(s)} ${n}`);
    return [`${IP_KIND.label(kind)}（${counts.join(' · ')}）`];
  });
}
