// 匹配需求 on a 成果's page, for its holder (and the organisers): the open demands that match the 成果, best first
// (GET /achievements/{id}/matches), each with its score, tier, budget, region and why it matches; a tap opens the demand.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DemandMatch } from '@cic/shared';
import { call } from '../../api/client';
import { InlineResource } from '../../components/inline-resource';
import { MatchCard } from '../../components/match-card';
import { formatBudget, formatRegionShort } from '../../format';
import { useResource } from '../../hooks/use-resource';
import '../../components/section-title.css';
import '../../components/text.css';
import '../common/achievements.css';
import './matched-demands.css';

/** What a demand's card says of it besides the match: its money and where it is. */
export function demandFacts(m: Pick<DemandMatch, 'budgetWan' | 'region'>): string[] {
  const region = formatRegionShort(m.region);
  return [formatBudget(m.budgetWan), ...(region ? [region] : [])];
}

export function MatchedDemands({ achievementId }: { achievementId: string }) {
  // The page's pull-to-refresh belongs to the page; this section reloads with 重试.
  const matches = useResource(() => call('achievementMatches', { params: { id: achievementId } }), {
    key: achievementId,
    enabled: Boolean(achievementId),
    pullDown: false,
  });
  return (
    <View className='matched-demands' role='group' aria-label='匹配需求'>
      <Text className='section-title matched-demands__title'>匹配需求</Text>
      <Text className='text-note text-note--lines matched-demands__note'>
        正在揭榜的需求中与该成果相关的，按契合度排序，仅您和组织方可见。
      </Text>
      <InlineResource resource={matches} what='匹配需求' empty='暂无匹配的需求。有相关需求发布时，我们会通知您。'>
        {({ items }) =>
          items.map((m) => (
            <MatchCard
              key={m.demandId}
              match={m}
              facts={demandFacts(m)}
              onOpen={() => void Taro.navigateTo({ url: `/pages/demand/index?id=${encodeURIComponent(m.demandId)}` })}
            />
          ))
        }
      </InlineResource>
    </View>
  );
}
