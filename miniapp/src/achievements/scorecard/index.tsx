// 成果粗评估 (achievements/scorecard/index?demandId=&achievementId=): how well one matched 成果 fits the demand, for the
// demand's owner and the organisers — the total and each line (契合度, 成熟度, 知识产权, 价格, 地域) with its score, its
// weight and why — said plainly to be a rough, automatic estimate; 邀请揭榜 invites the holder.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { HOLDER_TYPE, MATCH_TIER_LABELS, type AchievementDetailResponse } from '@cic/shared';
import { call } from '../../api/client';
import { Tag } from '../../components';
import { useSession } from '../../features/login/use-session';
import { useResource } from '../../hooks/use-resource';
import { ownerOnly } from '../common/owner-only';
import { InviteButton } from '../matches/invite-button';
import { scoreRows } from './scorecard.model';
import '../../components/hall-card.css';
import '../../components/detail.css';
import '../../components/section-title.css';
import '../../components/text.css';
import '../common/achievements.css';
import './index.css';

/** The 成果's name and holder for the heading: the scorecard carries neither, and the page works without them. */
async function achievementOf(id: string): Promise<AchievementDetailResponse | undefined> {
  try {
    return await call('achievementsDetail', { params: { id } });
  } catch {
    return undefined;
  }
}

const ROUGH = '粗评估：系统根据双方公开填写的信息自动估算，仅供参考，不代替专家评审和双方沟通。';

export default function ScorecardPage() {
  const session = useSession();
  const { demandId = '', achievementId = '' } = useRouter().params;
  const valid = Boolean(demandId && achievementId);
  const loaded = useResource(
    async () => {
      const [card, achievement] = await Promise.all([
        call('demandMatchScorecard', { params: { id: demandId, achievementId } }),
        achievementOf(achievementId),
      ]);
      return { card, achievement };
    },
    { key: `${session?.user.id ?? ''}|${demandId}|${achievementId}`, enabled: Boolean(session) && valid },
  );

  const shown = ownerOnly(loaded, {
    loggedIn: Boolean(session),
    valid,
    page: '成果粗评估',
    missing: '需求或成果编号',
    subject: '成果粗评估',
  });
  if ('fallback' in shown) return shown.fallback;
  const { card, achievement } = shown.data;
  const holder = [achievement?.holderName, achievement?.holderType && HOLDER_TYPE.label(achievement.holderType)].filter(Boolean);
  return (
    <View className='achievements-page'>
      <View className='hall-card'>
        <Text className='scorecard-title'>{achievement?.title ?? '匹配的成果'}</Text>
        {holder.length > 0 ? <Text className='scorecard-holder'>{holder.join(' · ')}</Text> : null}
        <View
          className='achievements-link'
          role='link'
          onClick={() => void Taro.navigateTo({ url: `/achievements/detail/index?id=${encodeURIComponent(achievementId)}` })}
        >
          查看成果详情 ›
        </View>
      </View>

      <View className='hall-card scorecard-total' role='group' aria-label={`综合得分 ${Math.round(card.total)} 分`}>
        <View className='scorecard-total__figure'>
          <Text className='scorecard-total__value'>{Math.round(card.total)}</Text>
          <Text className='scorecard-total__unit'>/100</Text>
        </View>
        <View className='scorecard-total__side'>
          <Text className='scorecard-total__label'>综合得分</Text>
          <Tag tone={card.fit.tier === 'main' ? 'primary' : 'muted'}>{MATCH_TIER_LABELS[card.fit.tier]}</Tag>
        </View>
      </View>
      <Text className='detail-note scorecard-rough'>{ROUGH}</Text>

      <View className='hall-card'>
        <Text className='section-title scorecard-lines__title'>评估明细</Text>
        {scoreRows(card).map((row) => (
          <View key={row.key} className='score-line' role='group' aria-label={`${row.label} ${row.score} 分`}>
            <View className='score-line__head'>
              <Text className='score-line__label'>{row.label}</Text>
              <Text className='score-line__weight'>{`权重 ${row.weight}`}</Text>
              <Text className='score-line__score'>{`${row.score}分`}</Text>
            </View>
            <View className='score-line__track'>
              <View className='score-line__bar' style={{ width: `${Math.min(100, Math.max(0, row.score))}%` }} />
            </View>
            <Text className='text-explain score-line__reason'>{row.reason}</Text>
            {row.detail ? <Text className='text-note text-note--lines score-line__detail'>{row.detail}</Text> : null}
          </View>
        ))}
      </View>
      {card.note ? <Text className='text-note text-note--lines scorecard-footnote'>{card.note}</Text> : null}

      <View className='hall-card scorecard-actions'>
        <InviteButton demandId={demandId} achievementId={achievementId} />
      </View>
    </View>
  );
}
