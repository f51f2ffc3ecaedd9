// 我的订阅: saved searches that alert me to new matching demands (in 消息, and by WeChat push where allowed).
import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SUBSCRIPTION_LIMITS, type Subscription } from '@cic/shared';
import { ApiError, call } from '../../api/client';
import { EmptyState, ErrorState } from '../../components';
import { confirmDestructive } from '../../components/confirm';
import { Notice } from '../../components/notice';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { SubscriptionEditor } from './subscription-editor';
import { SubscriptionItem } from './subscription-item';
import '../../components/form.css';
import './index.css';

const LIMIT = SUBSCRIPTION_LIMITS.perUser;

export default function SubscriptionsPage() {
  const session = useSession();
  const [items, setItems] = useState<Subscription[]>();
  const [loadError, setLoadError] = useState<string>();
  const [limitHit, setLimitHit] = useState(false);

  async function load() {
    if (!session) return;
    try {
      const { items: loaded } = await call('meSubscriptionsList');
      setItems(loaded);
      setLoadError(undefined);
      setLimitHit(loaded.length >= LIMIT);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.message : '加载失败，请稍后重试');
    }
  }
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  async function remove(subscription: Subscription) {
    const confirmed = await confirmDestructive({
      title: '删除订阅',
      content: '删除后不再收到这组条件的新需求提醒。',
      confirmText: '删除',
    });
    if (!confirmed) return;
    try {
      await call('meSubscriptionsDelete', { params: { id: subscription.id } });
      setItems((list) => list?.filter((s) => s.id !== subscription.id));
      setLimitHit(false);
      void Taro.showToast({ title: '已删除', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '删除失败，请稍后重试', icon: 'none' });
    }
  }

  if (!session) return <LoginRequired reason='登录后订阅新需求提醒' />;
  if (loadError && !items) return <ErrorState message={loadError} onRetry={() => void load()} />;
  const full = limitHit || (items?.length ?? 0) >= LIMIT;
  return (
    <View className='page-shell subs-page'>
      {full ? (
        <Notice className='subs-full' role='alert' title={`订阅已满 ${LIMIT} 个`} text='请先删除不需要的订阅，再新建。' />
      ) : (
        <SubscriptionEditor onCreated={(s) => setItems((list) => [s, ...(list ?? [])])} onLimit={() => setLimitHit(true)} />
      )}
      <View className='subs-head'>
        <Text className='subs-head-title'>已订阅</Text>
        <Text className='subs-head-count'>
          {items?.length ?? 0}/{LIMIT}
        </Text>
      </View>
      {items?.length === 0 && <EmptyState title='还没有订阅' description='设置关键词、领域或地区，有匹配的新需求时提醒你' />}
      {items?.map((s) => (
        <SubscriptionItem key={s.id} subscription={s} onDelete={(x) => void remove(x)} />
      ))}
    </View>
  );
}
