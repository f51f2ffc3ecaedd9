// 评分表 (contest/judging/sheet?demandId=): the final's shortlisted solutions, each with the judge's three scores, and
// the ranking as it stands.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ScoreRequest, TriagedSolution } from '@cic/shared';
import { call } from '../../api/client';
import { EmptyState } from '../../components';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { toApiError } from '../../hooks/use-paged-list';
import { RankingView } from '../common/ranking-view';
import { ResourceFallback } from '../../components/resource-list';
import { useResource } from '../../hooks/use-resource';
import { ScoreCard } from './score-card';
import '../../components/card.css';
import '../../components/form.css';
import '../../components/section-title.css';
import '../common/contest.css';

export default function ScoreSheetPage() {
  const session = useSession();
  const demandId = useRouter().params.demandId ?? '';
  const enabled = Boolean(session && demandId);
  const sheet = useResource(
    async () => {
      const [solutions, judging] = await Promise.all([
        call('solutionsForDemand', { params: { id: demandId }, query: { sort: 'time' } }),
        call('meJudging'),
      ]);
      return { solutions, assignment: judging.items.find((f) => f.demandId === demandId) };
    },
    { key: demandId, enabled },
  );
  // Bumped after each saved score, so the ranking below loads again.
  const [scored, setScored] = useState(0);

  async function save(item: TriagedSolution, score: ScoreRequest) {
    try {
      await call('finalsScore', { params: { id: item.id }, body: score });
      void Taro.showToast({ title: '评分已保存', icon: 'none' });
      setScored((n) => n + 1);
      return undefined;
    } catch (e) {
      const error = toApiError(e);
      return { message: error.message, fields: error.fields };
    }
  }

  if (!session) return <LoginRequired reason='评委登录后才能评分' />;
  const { state } = sheet;
  if (state.status !== 'ready') {
    const refused = <EmptyState title='你不是该需求的评委' description='组织方指定评委后才能查看和评分' />;
    return <ResourceFallback resource={sheet} skeleton={3} refused={refused} />;
  }
  const { solutions, assignment } = state.data;
  // Only what is in the final is scored (a judge who also owns or organises sees every solution).
  const items = solutions.items.filter((s) => s.status === 'shortlisted' || s.status === 'intent');
  const closed = assignment?.closed ?? false;
  return (
    <View className='contest-page'>
      <View className='card contest-banner'>
        <Text className='contest-banner-title'>{assignment?.title ?? '评分表'}</Text>
        <Text className='contest-banner-text'>
          {closed ? '评审已结束，评分不能再修改' : '每项 0–100 分的整数；保存后仍可修改，直到评审结束'}
        </Text>
      </View>
      {items.length === 0 ? (
        <EmptyState title='还没有入围方案' description='需求方入围方案后即可评分' />
      ) : (
        items.map((item) => <ScoreCard key={item.id} item={item} closed={closed} onSave={save} />)
      )}
      <Text className='section-title contest-section-title'>评审排名</Text>
      <RankingView demandId={demandId} version={scored} />
    </View>
  );
}
