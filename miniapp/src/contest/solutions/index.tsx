// 揭榜方案 (contest/solutions/index?demandId=): the demand owner triages the solutions — sorted by fit, judges' score
// or time, filtered by state — and decides; organisers see the same list; the 评审排名 is one tab away.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  DECISION_STATUS,
  DEMAND_STATUS_LABELS,
  SOLUTION_DECISION_LABELS,
  SOLUTION_STATUS_LABELS,
  SOLUTION_STATUSES,
  type DecisionRequest,
  type SolutionSort,
  type SolutionStatus,
  type TriagedSolution,
} from '@cic/shared';
import { call } from '../../api/client';
import { EmptyState, ErrorState, FilterChips, SkeletonList, type ChipOption } from '../../components';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { toApiError } from '../../hooks/use-paged-list';
import { RankingView } from '../common/ranking-view';
import { useResource } from '../../hooks/use-resource';
import { SolutionCard } from './solution-card';
import '../../components/form.css';
import '../../components/hall-card.css';
import '../common/contest.css';

const SORTS: ChipOption<SolutionSort>[] = [
  { value: 'fit', label: '匹配度' },
  { value: 'score', label: '评分' },
  { value: 'time', label: '时间' },
];

const DONE: Record<DecisionRequest['decision'], string> = {
  shortlist: SOLUTION_STATUS_LABELS[DECISION_STATUS.shortlist],
  decline: `已${SOLUTION_DECISION_LABELS.decline}，揭榜方会收到通知`,
  intent: `已${SOLUTION_DECISION_LABELS.intent}，需求${DEMAND_STATUS_LABELS.matched}`,
};

function statusChips(counts: Record<SolutionStatus, number> | undefined): ChipOption<SolutionStatus>[] {
  const total = counts ? SOLUTION_STATUSES.reduce((n, s) => n + counts[s], 0) : undefined;
  const n = (v: number | undefined) => (v === undefined ? '' : ` ${v}`);
  return [
    { value: undefined, label: `全部${n(total)}` },
    ...SOLUTION_STATUSES.map((s) => ({ value: s, label: `${SOLUTION_STATUS_LABELS[s]}${n(counts?.[s])}` })),
  ];
}

export default function SolutionsPage() {
  const session = useSession();
  const demandId = useRouter().params.demandId ?? '';
  const [tab, setTab] = useState<'list' | 'ranking'>('list');
  const [sort, setSort] = useState<SolutionSort>('fit');
  const [status, setStatus] = useState<SolutionStatus>();
  const [busy, setBusy] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const list = useResource(() => call('solutionsForDemand', { params: { id: demandId }, query: { sort, status } }), {
    key: `${demandId}|${sort}|${status ?? ''}`,
    enabled: Boolean(session && demandId),
    pullDown: tab === 'list',
  });

  async function decide(item: TriagedSolution, request: DecisionRequest) {
    setBusy(item.id);
    setErrors(({ [item.id]: _, ...rest }) => rest);
    try {
      await call('solutionsDecide', { params: { id: item.id }, body: request });
      void Taro.showToast({ title: DONE[request.decision], icon: 'none' });
      await list.refresh();
    } catch (e) {
      const error = toApiError(e);
      setErrors((all) => ({ ...all, [item.id]: error.fields.reason ?? error.message }));
    } finally {
      setBusy(undefined);
    }
  }

  if (!session) return <LoginRequired reason='登录后查看需求收到的揭榜方案' />;
  const { state } = list;
  const data = state.status === 'ready' ? state.data : undefined;
  const owner = data?.viewer.role === 'owner';
  return (
    <View className='contest-page'>
      <View className='hall-card contest-tabs' role='tablist'>
        {(['list', 'ranking'] as const).map((t) => (
          <View
            key={t}
            className={tab === t ? 'contest-tab is-active' : 'contest-tab'}
            role='tab'
            aria-selected={tab === t}
            onClick={() => setTab(t)}
          >
            {t === 'list' ? '揭榜方案' : '评审排名'}
          </View>
        ))}
      </View>
      {session.user.role === 'admin' && (
        <View
          className='contest-link'
          role='link'
          onClick={() => void Taro.navigateTo({ url: `/contest/award-form/index?demandId=${encodeURIComponent(demandId)}` })}
        >
          颁发奖项 ›
        </View>
      )}
      {tab === 'ranking' ? (
        <RankingView demandId={demandId} />
      ) : (
        <>
          <View className='hall-card contest-filters'>
            <FilterChips title='排序' options={SORTS} value={sort} onChange={(v) => setSort(v ?? 'fit')} />
            <FilterChips title='状态' options={statusChips(data?.counts)} value={status} onChange={setStatus} />
          </View>
          {state.status === 'loading' && <SkeletonList count={3} />}
          {state.status === 'error' &&
            (state.error.status === 404 || state.error.status === 403 ? (
              <EmptyState title='无法查看这些方案' description='只有需求方、组织方和该需求的评委可以查看揭榜方案' />
            ) : (
              <ErrorState message={state.error.message} onRetry={list.reload} />
            ))}
          {data && data.items.length === 0 && (
            <EmptyState
              title={status ? `没有${SOLUTION_STATUS_LABELS[status]}的方案` : '还没有收到揭榜方案'}
              description={status ? undefined : '需求发布后，揭榜方提交的方案会出现在这里'}
            />
          )}
          {data?.items.map((item) => (
            <SolutionCard
              key={item.id}
              item={item}
              decisions={
                owner ? { busy: busy === item.id, error: errors[item.id], onDecide: (x, r) => void decide(x, r) } : undefined
              }
            />
          ))}
          {data && data.items.length > 0 && (
            <Text className='contest-footnote'>匹配度按方案文字与需求关键词的重合程度计算，仅供参考</Text>
          )}
        </>
      )}
    </View>
  );
}
