// 成果详情 (achievements/detail/index?id=): every public field of a 成果, its 技术成熟度 in the words of GB/T 22900, its
// 知识产权, cooperation modes, price or 面议, and the holder's contacts unless hidden; 示例 on the demo 成果. The
// holder sees its status, why it was rejected, and 编辑 / 提交审核 / 关闭.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Achievement, AchievementDetailResponse } from '@cic/shared';
import { call, type ApiError } from '../../api/client';
import { EmptyState, ErrorState, SkeletonList } from '../../components';
import { toApiError } from '../../hooks/use-paged-list';
import {
  AchievementHero,
  AchievementInfo,
  AchievementSummaryText,
  ExampleNote,
  HolderInfo,
  IpList,
} from './achievement-sections';
import { MatchedDemands } from './matched-demands';
import { OwnerPanel } from './owner-panel';
import '../../components/card.css';
import './index.css';

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; achievement: AchievementDetailResponse }
  | { kind: 'not_found' }
  | { kind: 'error'; error: ApiError };

const backToHall = () => void Taro.switchTab({ url: '/pages/index/index' });

export default function AchievementDetail() {
  const id = useRouter().params.id ?? '';
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  /** quiet: keep showing the 成果 while it reloads. */
  const fetch = useCallback(
    async (quiet = false) => {
      if (!id) return setLoad({ kind: 'not_found' });
      if (!quiet) setLoad({ kind: 'loading' });
      try {
        setLoad({ kind: 'ready', achievement: await call('achievementsDetail', { params: { id } }) });
      } catch (err) {
        if (quiet) return;
        const error = toApiError(err);
        setLoad(error.status === 404 ? { kind: 'not_found' } : { kind: 'error', error });
      } finally {
        if (quiet) Taro.stopPullDownRefresh();
      }
    },
    [id],
  );

  useEffect(() => void fetch(), [fetch]);
  // Back from the form: the holder may have edited it.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void fetch(true);
    shown.current = true;
  });
  usePullDownRefresh(() => void fetch(true));

  const a = load.kind === 'ready' ? load.achievement : undefined;
  useShareAppMessage(() => ({
    title: a?.title ?? '创新挑战赛 · 科技成果',
    path: `/achievements/detail/index?id=${encodeURIComponent(id)}`,
  }));

  if (load.kind === 'loading') return <SkeletonList count={3} />;
  if (load.kind === 'not_found') {
    return (
      <EmptyState
        title='成果不存在或尚未发布'
        description='它可能已被关闭，或链接有误'
        actionText='去需求大厅看看'
        onAction={backToHall}
      />
    );
  }
  if (load.kind === 'error') return <ErrorState message={load.error.message} onRetry={() => void fetch()} />;

  const shownA = load.achievement;
  const onChanged = (next: Achievement) => setLoad({ kind: 'ready', achievement: { ...next, viewer: shownA.viewer } });
  return (
    <View className='detail achievement-detail'>
      {shownA.viewer.isOwner && 'ownerId' in shownA ? <OwnerPanel a={shownA} onChanged={onChanged} /> : null}
      <AchievementHero a={shownA} />
      <ExampleNote a={shownA} />
      <AchievementInfo a={shownA} />
      <AchievementSummaryText a={shownA} />
      <IpList a={shownA} />
      <HolderInfo a={shownA} />
      {shownA.viewer.isOwner && shownA.status === 'published' ? <MatchedDemands achievementId={shownA.id} /> : null}
    </View>
  );
}
