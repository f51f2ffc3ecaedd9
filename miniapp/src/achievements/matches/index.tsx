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
import { useSession } from '../../features/login/use-session';
import { useResource } from '../../hooks/use-resource';
import { ownerOnly } from '../common/owner-only';
import { InviteButton } from './invite-button';
import '../../components/text.css';
import '../common/achievements.css';
import './index.css';

export default function MatchesPage() {
  const session = useSession();
  const demandId = useRouter().params.demandId ?? '';
  const matches = useResource(() => call('demandMatches', { params: { id: demandId }, query: { limit: MATCHES_LIMIT.max } }), {
    key: `${session?.user.id ?? ''}|${demandId}`,
    enabled: Boolean(session && demandId),
  });

  const shown = ownerOnly(matches, {
    loggedIn: Boolean(session),
    valid: Boolean(demandId),
    page: '匹配成果',
    missing: '需求编号',
    subject: '该需求的匹配成果',
  });
  if ('fallback' in shown) return shown.fallback;
  const { items } = shown.data;
  return (
    <View className='achievements-page'>
      <Text className='text-note text-note--lines matches-note'>
        按与需求的契合度排序，由系统根据成果库自动匹配。点击成果查看粗评估，或邀请持有方揭榜。
      </Text>
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
