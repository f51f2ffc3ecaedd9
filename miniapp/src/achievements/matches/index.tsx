// 匹配成果 (achievements/matches/index?demandId=): for the demand's owner and the organisers, the published 成果 that
// match the demand, best first (GET /demands/{id}/matches), each with its score, tier, why it matches and its 技术成熟度;
// a tap opens the 成果粗评估, 邀请揭榜 invites its holder. Anyone else gets a 404 from the API, shown as no access.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MATCHES_LIMIT } from '@cic/shared';
import { call } from '../../api/client';
import { EmptyState } from '../../components';
import { achievementFacts, MatchCard } from '../../components/match-card';
import { scorecardUrl } from '../../format';
import { ResourceFallback } from '../../components/resource-list';
import { AccessPanel, LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { useResource } from '../../hooks/use-resource';
import { InviteButton } from './invite-button';
import './index.css';

export default function MatchesPage() {
  const session = useSession();
  const demandId = useRouter().params.demandId ?? '';
  const matches = useResource(() => call('demandMatches', { params: { id: demandId }, query: { limit: MATCHES_LIMIT.max } }), {
    key: `${session?.user.id ?? ''}|${demandId}`,
    enabled: Boolean(session && demandId),
  });

  if (!session) return <LoginRequired reason='匹配成果仅对需求发布者和组织方开放，请先登录' />;
  if (!demandId) return <EmptyState title='链接无效：缺少需求编号' />;
  const { state } = matches;
  if (state.status !== 'ready') {
    return (
      <ResourceFallback
        resource={matches}
        skeleton={3}
        refused={<AccessPanel role='alert' title='无法查看' text='只有需求发布者和组织方可以查看该需求的匹配成果' />}
      />
    );
  }
  const { items } = state.data;
  return (
    <View className='matches-page'>
      <Text className='matches-note'>按与需求的契合度排序，由系统根据成果库自动匹配。点击成果查看粗评估，或邀请持有方揭榜。</Text>
      {items.length === 0 ? (
        <EmptyState title='暂无匹配的成果' description='成果库中发布了与需求相关的成果时，会出现在这里并通知您' />
      ) : (
        items.map((m) => (
          <MatchCard
            key={m.achievementId}
            match={m}
            facts={achievementFacts(m)}
            onOpen={() => void Taro.navigateTo({ url: scorecardUrl(demandId, m.achievementId) })}
          >
            <InviteButton demandId={demandId} achievementId={m.achievementId} />
          </MatchCard>
        ))
      )}
    </View>
  );
}
