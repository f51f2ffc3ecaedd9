// 专场 (contest/tracks/index): the contest's tracks, newest first; each opens its demands. Organisers create tracks here.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TRACK_KIND_LABELS, type Track } from '@cic/shared';
import { call } from '../../api/client';
import { EmptyState, Tag } from '../../components';
import { useSession } from '../../features/login/use-session';
import { useResource } from '../../hooks/use-resource';
import { ContestListPage } from '../common/contest-list-page';
import { TrackForm } from './track-form';
import '../../components/card.css';
import '../../components/form.css';

const demandsUrl = (t: Track) => `/contest/track-demands/index?id=${encodeURIComponent(t.id)}&name=${encodeURIComponent(t.name)}`;

export default function TracksPage() {
  const session = useSession();
  const tracks = useResource(() => call('tracksList'), { key: 'tracks' });
  return (
    <ContestListPage
      resource={tracks}
      skeleton={3}
      empty={<EmptyState title='暂无专场' description='组织方开设专场后会显示在这里' />}
      footer={
        session?.user.role === 'admin' && (
          <TrackForm onCreated={(t) => tracks.update((data) => ({ items: [t, ...data.items] }))} />
        )
      }
    >
      {(t) => (
        <View key={t.id} className='card track-card' role='link' onClick={() => void Taro.navigateTo({ url: demandsUrl(t) })}>
          <View className='card-head'>
            <Text className='card-title'>{t.name}</Text>
            <Tag tone='primary'>{TRACK_KIND_LABELS[t.kind]}</Tag>
          </View>
          <Text className='contest-meta'>
            {t.startDate} 至 {t.endDate}
          </Text>
          {t.description && <Text className='track-description'>{t.description}</Text>}
          <Text className='contest-link-inline'>查看专场需求 ›</Text>
        </View>
      )}
    </ContestListPage>
  );
}
