// 需求详情 (pages/demand/index?id=): the public view of one demand, with 关注 and 我要揭榜; its owner and the organisers
// also see the 成果 that match it (匹配成果), everyone the similar demands (相似需求).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { DemandDetailResponse } from '@cic/shared';
import { call, type ApiError } from '../../api/client';
import { EmptyState, ErrorState, SkeletonList } from '../../components';
import { useSession } from '../../features/login/use-session';
import { toApiError } from '../../hooks/use-paged-list';
import { contestAction } from './contest-action';
import { DemandMatches, SimilarDemands } from './demand-matches';
import {
  CompanyInfo,
  DemandAwards,
  DemandDescription,
  DemandHero,
  DemandInfo,
  SourceNote,
  StatusTimeline,
} from './demand-sections';
import { useFollow } from './use-follow';
import './index.css';

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; demand: DemandDetailResponse }
  | { kind: 'not_found' }
  | { kind: 'error'; error: ApiError };

const backToHall = () => void Taro.switchTab({ url: '/pages/index/index' });

export default function DemandDetail() {
  const id = useRouter().params.id ?? '';
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const session = useSession();

  /** quiet: keep showing the demand while it reloads. */
  const fetchDemand = useCallback(
    async (quiet = false) => {
      if (!id) return setLoad({ kind: 'not_found' });
      if (!quiet) setLoad({ kind: 'loading' });
      try {
        setLoad({ kind: 'ready', demand: await call('demandsDetail', { params: { id } }) });
      } catch (err) {
        // A failed quiet reload keeps what is shown.
        if (quiet) return;
        const error = toApiError(err);
        setLoad(error.status === 404 ? { kind: 'not_found' } : { kind: 'error', error });
      }
    },
    [id],
  );

  useEffect(() => void fetchDemand(), [fetchDemand]);
  // Back from 揭榜 or from logging in: what the viewer may do here has changed.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void fetchDemand(true);
    shown.current = true;
  });

  const demand = load.kind === 'ready' ? load.demand : undefined;
  const loaded = useMemo(
    () => (demand ? { following: demand.viewer.following, followerCount: demand.followerCount } : undefined),
    [demand],
  );
  const follow = useFollow(id, loaded);

  useShareAppMessage(() => ({
    title: demand?.title ?? '创新挑战赛 · 技术需求',
    path: `/pages/demand/index?id=${encodeURIComponent(id)}`,
  }));

  if (load.kind === 'loading') return <SkeletonList count={3} />;
  if (load.kind === 'not_found') {
    return (
      <EmptyState
        title='需求不存在或尚未发布'
        description='它可能已被撤回，或链接有误'
        actionText='去需求大厅看看'
        onAction={backToHall}
      />
    );
  }
  if (load.kind === 'error') return <ErrorState message={load.error.message} onRetry={() => void fetchDemand()} />;

  const d = load.demand;
  const following = follow.state?.following ?? false;
  const followerCount = follow.state?.followerCount ?? d.followerCount;
  // A closed demand can still be unfollowed, but no longer followed or answered.
  const closed = d.status !== 'published';
  const action = contestAction(d, session?.user.role);
  return (
    <View className='detail'>
      <DemandHero demand={d} />
      <DemandAwards demand={d} />
      <DemandInfo demand={d} />
      <DemandDescription demand={d} />
      {d.viewer.isOwner || session?.user.role === 'admin' ? <DemandMatches demandId={d.id} /> : null}
      <CompanyInfo demand={d} />
      <StatusTimeline demand={d} />
      <SourceNote demand={d} />
      <SimilarDemands demandId={d.id} />

      <View className='detail-bar'>
        <Text className='detail-bar__followers'>{followerCount}人关注</Text>
        <Button
          className={`follow-button${following ? ' follow-button--on' : ''}${follow.busy ? ' follow-button--busy' : ''}`}
          aria-pressed={following}
          disabled={follow.busy || (closed && !following)}
          onClick={() => void follow.toggle()}
        >
          {following ? '已关注' : '关注'}
        </Button>
        <Button
          // Styled by class, not [disabled]: on H5 Taro's button always carries a disabled="false" attribute.
          className={action.url ? 'solve-button' : 'solve-button solve-button--off'}
          disabled={!action.url}
          onClick={() => action.url && void Taro.navigateTo({ url: action.url })}
        >
          {action.label}
        </Button>
      </View>
    </View>
  );
}
