// The inbox's tabs: 全部 / 主题相关 / 提及 (GET /me/notifications?tier=), with what an empty tab means.
import { View } from '@tarojs/components';
import { MATCH_TIER_LABELS, type MatchTier } from '@cic/shared';
import { ChipChoices, type ChipOption } from '../../components';

export const TIER_TABS: readonly ChipOption<MatchTier>[] = [
  { value: undefined, label: '全部' },
  { value: 'main', label: MATCH_TIER_LABELS.main },
  { value: 'mentioned', label: MATCH_TIER_LABELS.mentioned },
];

export function emptyTextOf(tier: MatchTier | undefined): { title: string; description: string } {
  if (tier === 'main') {
    return { title: `暂无${MATCH_TIER_LABELS.main}的提醒`, description: '需求的主题与您的订阅相关时，会出现在这里并推送到微信' };
  }
  if (tier === 'mentioned') {
    return {
      title: `暂无${MATCH_TIER_LABELS.mentioned}的提醒`,
      description: '只在需求中提到您订阅的词时，会出现在这里（默认不推送到微信）',
    };
  }
  return { title: '暂无消息', description: '在「我的」中添加订阅，有匹配的新需求时会通知您' };
}

export function TierTabs({ value, onChange }: { value: MatchTier | undefined; onChange: (tier: MatchTier | undefined) => void }) {
  return (
    <View className='inbox-tabs' role='tablist' aria-label='提醒类别'>
      <ChipChoices options={TIER_TABS} value={value} onChange={onChange} role='tab' raised />
    </View>
  );
}
