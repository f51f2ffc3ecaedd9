// 成果详情 (achievements/detail/index?id=): every public field of a 成果, its 技术成熟度 in the words of GB/T 22900, its
// 知识产权, cooperation modes, price or 面议, and the holder's contacts unless hidden; 示例 on the demo 成果. The
// holder sees its status, why it was rejected, and 编辑 / 提交审核 / 关闭.
import { useRef } from 'react';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Achievement } from '@cic/shared';
import { call } from '../../api/client';
import { EmptyState } from '../../components';
import { ResourceFallback } from '../../components/resource-list';
import { useResource } from '../../hooks/use-resource';
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

const backToHall = () => void Taro.switchTab({ url: '/pages/index/index' });

const notFound = (
  <EmptyState
    title='成果不存在或尚未发布'
    description='它可能已被关闭，或链接有误'
    actionText='去需求大厅看看'
    onAction={backToHall}
  />
);

export default function AchievementDetail() {
  const id = useRouter().params.id ?? '';
  // Without an id nothing is asked for: the page says there is no such 成果.
  const detail = useResource(() => call('achievementsDetail', { params: { id } }), { key: id, enabled: Boolean(id) });

  // Back from the form: the holder may have edited it.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void detail.refresh();
    shown.current = true;
  });

  const a = detail.state.data;
  useShareAppMessage(() => ({
    title: a?.title ?? '创新挑战赛 · 科技成果',
    path: `/achievements/detail/index?id=${encodeURIComponent(id)}`,
  }));

  if (!id) return notFound;
  if (detail.state.status !== 'ready') return <ResourceFallback resource={detail} skeleton={3} refused={notFound} />;

  const shownA = detail.state.data;
  const onChanged = (next: Achievement) => detail.update((d) => ({ ...next, viewer: d.viewer }));
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
