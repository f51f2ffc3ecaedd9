// 我的揭榜 (contest/my-solutions/index): every solution I submitted, newest first, with what the owners decided.
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { MySolution } from '@cic/shared';
import { call } from '../../api/client';
import { EmptyState } from '../../components';
import { ContestListPage, useMyResource } from '../common/contest-list-page';
import { MySolutionItem } from './my-solution-item';

const demandUrl = (s: MySolution) => `/pages/demand/index?id=${encodeURIComponent(s.demandId)}`;
const editUrl = (s: MySolution) => `/contest/solution-form/index?id=${encodeURIComponent(s.id)}`;

export default function MySolutionsPage() {
  const list = useMyResource(() => call('meSolutions'));
  const shown = useRef(false);
  // Back from editing a solution: show the new version.
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });

  return (
    <ContestListPage
      resource={list}
      skeleton={3}
      loginReason='登录后查看你提交的揭榜方案'
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
    </ContestListPage>
  );
}
