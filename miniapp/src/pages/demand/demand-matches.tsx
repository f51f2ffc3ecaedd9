// Two sections of 需求详情 that come from the matching engine: 匹配成果 (the best three 成果 for the demand, for its
// owner and the organisers, with 查看全部 → the whole list) and 相似需求 (five similar published demands, for everyone).
// Each loads on its own and never holds up the demand itself.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '../../api/client';
import { Tag } from '../../components';
import { InlineResource } from '../../components/inline-resource';
import { achievementFacts, MatchCard } from '../../components/match-card';
import { fieldLabel, formatDate, matchesUrl, scorecardUrl } from '../../format';
import { useResource } from '../../hooks/use-resource';
import { DetailSection } from '../../components/detail-parts';
import '../../components/section-title.css';

const TOP = 3;
const open = (url: string) => void Taro.navigateTo({ url });

export function DemandMatches({ demandId }: { demandId: string }) {
  const matches = useResource(() => call('demandMatches', { params: { id: demandId }, query: { limit: TOP } }), {
    key: demandId,
    pullDown: false,
  });
  return (
    <View className='detail-matches' role='group' aria-label='匹配成果'>
      <View className='detail-matches__head'>
        <Text className='section-title'>匹配成果</Text>
        <View className='detail-matches__all' role='link' onClick={() => open(matchesUrl(demandId))}>
          查看全部 ›
        </View>
      </View>
      <Text className='detail-matches__note'>成果库中与本需求相关的成果，仅您和组织方可见</Text>
      <InlineResource resource={matches} what='匹配成果' empty='暂无匹配的成果，有相关成果发布时会通知您'>
        {({ items }) =>
          items
            .slice(0, TOP)
            .map((m) => (
              <MatchCard
                key={m.achievementId}
                match={m}
                facts={achievementFacts(m)}
                maxLines={2}
                onOpen={() => open(scorecardUrl(demandId, m.achievementId))}
              />
            ))
        }
      </InlineResource>
    </View>
  );
}

export function SimilarDemands({ demandId }: { demandId: string }) {
  const similar = useResource(() => call('demandsSimilar', { params: { id: demandId } }), { key: demandId, pullDown: false });
  // Nothing similar: no section at all.
  if (similar.state.status === 'ready' && similar.state.data.items.length === 0) return null;
  return (
    <DetailSection title='相似需求'>
      <InlineResource resource={similar} what='相似需求'>
        {({ items }) =>
          items.map((d) => {
            const field = fieldLabel(d.field);
            return (
              <View
                key={d.demandId}
                className='similar-item'
                role='link'
                hoverClass='similar-item--pressed'
                onClick={() => open(`/pages/demand/index?id=${encodeURIComponent(d.demandId)}`)}
              >
                <Text className='similar-item__title'>{d.title}</Text>
                <View className='similar-item__meta'>
                  {field ? <Tag tone='primary'>{field}</Tag> : null}
                  {d.publishedAt ? <Text className='similar-item__date'>{formatDate(d.publishedAt)}</Text> : null}
                </View>
              </View>
            );
          })
        }
      </InlineResource>
    </DetailSection>
  );
}
