// 我的关注: the demands I follow, newest follow first; a tap opens the demand.
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import { DemandCard, EmptyState } from '../../components';
import { PagedListView } from '../../components/paged-list';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { usePagedList } from '../../hooks/use-paged-list';
import './index.css';

const openDemand = (id: string) => void Taro.navigateTo({ url: `/pages/demand/index?id=${encodeURIComponent(id)}` });

export default function MyFollowsPage() {
  const session = useSession();
  const list = usePagedList((cursor) => call('meFollows', { query: { cursor } }), {
    key: session?.user.id ?? '',
    enabled: Boolean(session),
  });

  if (!session) return <LoginRequired reason='登录后查看你关注的需求' />;
  return (
    <View className='my-follows-page'>
      <PagedListView
        list={list}
        empty={<EmptyState title='还没有关注需求' description='在需求详情页点“关注”，需求关闭时会通知你' />}
      >
        {(d) => <DemandCard key={d.id} demand={d} onOpen={openDemand} />}
      </PagedListView>
    </View>
  );
}
