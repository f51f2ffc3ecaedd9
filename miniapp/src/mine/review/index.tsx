// 审核 (organisers only): the queue of submitted demands and 成果 (需求 | 成果 | 全部), oldest first (or the newest
// first, to find what was just submitted); each is approved or rejected with a reason, then leaves the list.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LISTING_KIND, type ListingKind, type ReviewOrder, type ReviewQueueItem, type ReviewRequest } from '@cic/shared';
import { ApiError, call } from '../../api/client';
import { EmptyState, ErrorState, FilterChips, ListFooter, SkeletonList, type ChipOption } from '../../components';
import { AccessPanel, LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { usePagedList } from '../../hooks/use-paged-list';
import { ReviewItem } from './review-item';
import '../../components/form.css';
import '../../components/text.css';
import './index.css';

const submitted = (d: ReviewQueueItem) => d.submittedAt ?? d.updatedAt;
const KINDS: readonly ChipOption<ListingKind>[] = [...LISTING_KIND.options, { value: undefined, label: '全部' }];
/** What the queue is empty of. */
const nothingOf = (kind: ListingKind | undefined) => (kind ? LISTING_KIND.label(kind) : '内容');
const same = (a: ReviewQueueItem, b: ReviewQueueItem) => a.kind === b.kind && a.id === b.id;
const ORDERS: readonly ChipOption<ReviewOrder>[] = [
  { value: 'oldest', label: '最早提交' },
  { value: 'newest', label: '最新提交' },
];

export default function ReviewPage() {
  const session = useSession();
  const isAdmin = session?.user.role === 'admin';
  const [order, setOrder] = useState<ReviewOrder>('oldest');
  const [kind, setKind] = useState<ListingKind | undefined>('demand');
  const list = usePagedList((cursor) => call('adminReviews', { query: { cursor, order, kind } }), {
    key: `${session?.user.id ?? ''}|${order}|${kind ?? ''}`,
    enabled: isAdmin,
  });
  const [busy, setBusy] = useState<string>();

  async function decide(item: ReviewQueueItem, request: ReviewRequest) {
    setBusy(item.id);
    try {
      const params = { id: item.id };
      if (item.kind === 'achievement') await call('adminAchievementReview', { params, body: request });
      else await call('adminReview', { params, body: request });
      list.update((items) => items.filter((d) => !same(d, item)));
      const published = `已通过，${LISTING_KIND.label(item.kind)}已发布`;
      void Taro.showToast({ title: request.decision === 'approve' ? published : '已驳回', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败，请稍后重试', icon: 'none' });
    } finally {
      setBusy(undefined);
    }
  }

  if (!session) return <LoginRequired reason='审核需要管理员账号登录' />;
  if (!isAdmin) return <AccessPanel role='alert' title='无权限' text='只有组织方管理员可以审核需求和成果' />;
  // Pages appended later keep the order only per page (a demand may be resubmitted meanwhile), so sort the whole.
  const direction = order === 'oldest' ? 1 : -1;
  const queue = [...list.items].sort((a, b) => direction * submitted(a).localeCompare(submitted(b)));
  return (
    <View className='page-shell review-page'>
      <FilterChips title='类型' options={KINDS} value={kind} onChange={setKind} />
      <FilterChips title='排序' options={ORDERS} value={order} onChange={(v) => setOrder(v ?? 'oldest')} />
      {list.status === 'loading' && <SkeletonList />}
      {list.status === 'error' && <ErrorState message={list.error?.message ?? '加载失败'} onRetry={list.reload} />}
      {(list.status === 'empty' || (list.status === 'ready' && queue.length === 0 && !list.hasMore)) && (
        <EmptyState title={`没有待审核的${nothingOf(kind)}`} description={`新提交的${nothingOf(kind)}会出现在这里`} />
      )}
      {queue.length > 0 && (
        <Text className='text-note review-count'>
          待审核 {queue.length} 条{list.hasMore ? '+' : ''}，{order === 'oldest' ? '最早提交的在前' : '最新提交的在前'}
        </Text>
      )}
      {queue.map((d) => (
        <ReviewItem
          key={`${d.kind}:${d.id}`}
          item={d}
          showKind={kind === undefined}
          busy={busy === d.id}
          onApprove={(x) => void decide(x, { decision: 'approve' })}
          onReject={(x, reason) => void decide(x, { decision: 'reject', reason })}
        />
      ))}
      {list.status === 'ready' && queue.length > 0 && (
        <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onRetry={list.loadMore} />
      )}
    </View>
  );
}
