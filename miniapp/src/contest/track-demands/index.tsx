// 专场需求 (contest/track-demands/index?id=&name=): the published demands of one track, as cards of the hall.
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import { DemandCard, EmptyState } from '../../components';
import { PagedListView } from '../../components/paged-list';
import { usePagedList } from '../../hooks/use-paged-list';
import '../common/contest.css';

/** Hosts differ in whether query values arrive decoded; a name with a stray % must not break the page. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export default function TrackDemandsPage() {
  const { id = '', name } = useRouter().params;
  const list = usePagedList((cursor) => call('demandsList', { query: { track: id, cursor } }), { key: id, enabled: Boolean(id) });
  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: decoded(name) }).catch(() => undefined);
  }, [name]);
  const open = (demandId: string) => void Taro.navigateTo({ url: `/pages/demand/index?id=${encodeURIComponent(demandId)}` });
  return (
    <View className='contest-page'>
      <PagedListView list={list} empty={<EmptyState title='该专场暂无已发布的需求' />}>
        {(d) => <DemandCard key={d.id} demand={d} onOpen={open} />}
      </PagedListView>
    </View>
  );
}
