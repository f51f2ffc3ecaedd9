// 我的需求: every demand I posted, in every status. A rejected one shows why and goes back to the editor; a
// published one can be closed.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { Demand } from '@cic/shared';
import { ApiError, call } from '../../api/client';
import { EmptyState } from '../../components';
import { confirmDestructive } from '../../components/confirm';
import { openDemandEditor } from '../../features/demand-form/open-editor';
import { MyListPage, useMyPagedList } from '../../features/login/my-list-page';
import { MyDemandItem } from './my-demand-item';
import './index.css';

export default function MyDemandsPage() {
  const list = useMyPagedList<Demand>((cursor) => call('meDemands', { query: { cursor } }));
  const [closing, setClosing] = useState<string>();

  async function close(demand: Demand) {
    const confirmed = await confirmDestructive({
      title: '关闭需求',
      content: '关闭后需求将不再出现在需求大厅，关注者会收到通知。确定关闭吗？',
      confirmText: '关闭',
    });
    if (!confirmed) return;
    setClosing(demand.id);
    try {
      const closed = await call('demandsClose', { params: { id: demand.id } });
      list.update((items) => items.map((d) => (d.id === closed.id ? closed : d)));
      void Taro.showToast({ title: '已关闭', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '关闭失败，请稍后重试', icon: 'none' });
    } finally {
      setClosing(undefined);
    }
  }

  const open = (demand: Demand) => {
    if (demand.status === 'draft' || demand.status === 'rejected') void openDemandEditor(demand.id);
    else void Taro.navigateTo({ url: `/pages/demand/index?id=${encodeURIComponent(demand.id)}` });
  };

  return (
    <MyListPage
      list={list}
      loginReason='登录后查看你发布的需求'
      className='my-demands-page'
      empty={<EmptyState title='还没有发布需求' description='在“发布需求”填写附件3，提交审核后即可发布' />}
    >
      {(d) => (
        <MyDemandItem
          key={d.id}
          demand={d}
          closing={closing === d.id}
          onOpen={open}
          onEdit={(x) => void openDemandEditor(x.id)}
          onClose={(x) => void close(x)}
        />
      )}
    </MyListPage>
  );
}
