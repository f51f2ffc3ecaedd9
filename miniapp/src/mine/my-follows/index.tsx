// 我的关注: the demands I follow, newest follow first; a tap opens the demand.
import Taro from '@tarojs/taro';
import { call } from '../../api/client';
import { DemandCard, EmptyState } from '../../components';
import { MyListPage, useMyPagedList } from '../../features/login/my-list-page';
import './index.css';

const openDemand = (id: string) => void Taro.navigateTo({ url: `/pages/demand/index?id=${encodeURIComponent(id)}` });

export default function MyFollowsPage() {
  const list = useMyPagedList((cursor) => call('meFollows', { query: { cursor } }));
  return (
    <MyListPage
      list={list}
      loginReason='登录后查看你关注的需求'
      className='my-follows-page'
      empty={<EmptyState title='还没有关注需求' description='在需求详情页点“关注”，需求关闭时会通知你' />}
    >
      {(d) => <DemandCard key={d.id} demand={d} onOpen={openDemand} />}
    </MyListPage>
  );
}
