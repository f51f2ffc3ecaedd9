// 我的揭榜 (contest/my-solutions/index): every solution I submitted, newest first, with what the owners decided.
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { View } from '@tarojs/components';
import type { MySolution } from '@cic/shared';
import { call } from '../../api/client';
import { EmptyState } from '../../components';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { ResourceList } from '../../components/resource-list';
import { useResource } from '../../hooks/use-resource';
import { MySolutionItem } from './my-solution-item';
import '../common/contest.css';

const demandUrl = (s: MySolution) => `/pages/demand/index?id=${encodeURIComponent(s.demandId)}`;
const editUrl = (s: MySolution) => `/contest/solution-form/index?id=${encodeURIComponent(s.id)}`;

export default function MySolutionsPage() {
  const session = useSession();
  const list = useResource(() => call('meSolutions'), { key: session?.user.id ?? '', enabled: Boolean(session) });
  const shown = useRef(false);
  // Back from editing a solution: show the new version.
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });

  if (!session) return <LoginRequired reason='登录后查看你提交的揭榜方案' />;
  return (
    <View className='contest-page'>
      <ResourceList
        resource={list}
        skeleton={3}
        empty={
          <EmptyState
            title='还没有揭榜'
            description='在需求大厅找到能解决的技术需求，点“我要揭榜”提交方案'
            actionText='去需求大厅'
            onAction={() => void Taro.switchTab({ url: '/pages/index/index' })}
          />
        }
      >
        {(s) => (
          <MySolutionItem
            key={s.id}
            item={s}
            onOpenDemand={(x) => void Taro.navigateTo({ url: demandUrl(x) })}
            onEdit={(x) => void Taro.navigateTo({ url: editUrl(x) })}
          />
        )}
      </ResourceList>
    </View>
  );
}
