// 消息: the inbox, newest first, all of it or the subscription alerts of one tier (主题相关 / 提及). Opening an item marks
// it read; the 消息 tab badge follows the unread count; 有用 / 不相关 judges an alert.
import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { MatchTier, Notification } from '@cic/shared';
import { call } from '../../api/client';
import { refreshUnreadBadge, showUnreadBadge } from '../../badge/unread-badge';
import { EmptyState, ErrorState, ListFooter, SkeletonList } from '../../components';
import { toApiError, usePagedList } from '../../hooks/use-paged-list';
import { getSession, onSessionChange } from '../../session/session';
import { NotificationItem } from './notification-item';
import { emptyTextOf, TierTabs } from './tier-tabs';
import { useAlertFeedback } from './use-alert-feedback';
import { targetOf } from './why-received';
import './index.css';

const markReadLocally = (ids: Set<string> | 'all') => (items: Notification[]) => {
  const at = new Date().toISOString();
  return items.map((n) => (!n.readAt && (ids === 'all' || ids.has(n.id)) ? { ...n, readAt: at } : n));
};

export default function Inbox() {
  const [userId, setUserId] = useState(() => getSession()?.user.id);
  const [tier, setTier] = useState<MatchTier>();
  const list = usePagedList(
    async (cursor?: string) => {
      const page = await call('meNotifications', { query: { cursor, tier } });
      // Each first page (a load, 下拉刷新, coming back to the tab) brings the badge up to date with it.
      if (!cursor) void refreshUnreadBadge({ atLeast: page.items.filter((n) => !n.readAt).length });
      return page;
    },
    { key: `${userId ?? ''}|${tier ?? ''}`, enabled: userId !== undefined },
  );
  const feedback = useAlertFeedback(list.update);
  const shown = useRef(false);

  useEffect(() => onSessionChange((s) => setUserId(s?.user.id)), []);

  useDidShow(() => {
    setUserId(getSession()?.user.id);
    // Logged in, the list's first page updates the badge (above); logged out, this clears it.
    if (!getSession()) void refreshUnreadBadge();
    // Coming back to the tab: new alerts may have arrived meanwhile.
    else if (shown.current) void list.refresh();
    shown.current = true;
  });

  const open = (item: Notification) => {
    if (!item.readAt) {
      list.update(markReadLocally(new Set([item.id])));
      call('meNotificationsRead', { body: { ids: [item.id] } })
        .then((res) => showUnreadBadge(res.unread))
        .catch(() => undefined);
    }
    void Taro.navigateTo({ url: targetOf(item) });
  };

  const markAllRead = async () => {
    try {
      const res = await call('meNotificationsRead', { body: { all: true } });
      list.update(markReadLocally('all'));
      await showUnreadBadge(res.unread);
      void Taro.showToast({ title: '已全部标为已读', icon: 'none' });
    } catch (err) {
      void Taro.showToast({ title: toApiError(err).message, icon: 'none' });
    }
  };

  if (!userId) {
    return (
      <EmptyState
        title='登录后查看消息'
        description='订阅的新需求、关注的需求动态都会出现在这里'
        actionText='去登录'
        onAction={() => void Taro.switchTab({ url: '/pages/me/index' })}
      />
    );
  }

  const empty = emptyTextOf(tier);
  return (
    <View className='page-shell inbox'>
      <TierTabs value={tier} onChange={setTier} />
      {list.status === 'loading' ? <SkeletonList count={3} /> : null}
      {list.status === 'error' && list.error ? <ErrorState message={list.error.message} onRetry={list.reload} /> : null}
      {list.status === 'empty' ? <EmptyState title={empty.title} description={empty.description} /> : null}
      {list.status === 'ready' ? (
        <>
          <View className='inbox__bar'>
            <Button className='inbox__read-all' size='mini' onClick={() => void markAllRead()}>
              全部已读
            </Button>
          </View>
          {list.items.map((item) => (
            <NotificationItem
              key={item.id}
              item={item}
              onOpen={open}
              feedback={{ sending: feedback.sending.has(item.id), onJudge: (n, relevant) => void feedback.judge(n, relevant) }}
            />
          ))}
          <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onRetry={list.loadMore} />
        </>
      ) : null}
    </View>
  );
}
