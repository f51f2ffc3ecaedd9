// 我的成果: every 成果 I published, in every status, page by page, with pull-to-refresh. A card opens the 成果, where
// the holder edits, submits or closes it; a rejected one shows why here already.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Achievement } from '@cic/shared';
import { call } from '../../api/client';
import { EmptyState } from '../../components';
import { CardReason } from '../../components/card-reason';
import { Tag } from '../../components/tag';
import { MyListPage, useMyPagedList } from '../../features/login/my-list-page';
import { fieldLabel, formatDateTime, statusLabel } from '../../format';
import { achievementFormUrl } from '../common/achievement-form.model';
import { priceLabel, trlTag } from '../common/achievement-labels';
import { STATUS_TONES } from '../common/achievement-status';
import '../../components/card.css';
import '../../components/text.css';
import '../common/achievements.css';
import './index.css';

const openDetail = (a: Achievement) => void Taro.navigateTo({ url: `/achievements/detail/index?id=${encodeURIComponent(a.id)}` });

function MyAchievementItem({ a }: { a: Achievement }) {
  const meta = [
    fieldLabel(a.field, a.fieldOther),
    trlTag(a.trl),
    priceLabel(a.priceWan),
    `更新于 ${formatDateTime(a.updatedAt)}`,
  ];
  return (
    <View className={`card my-achievement my-achievement-${a.status}`} onClick={() => openDetail(a)}>
      <View className='card-head'>
        <Text className='card-title'>{a.title || '未命名草稿'}</Text>
        <Tag tone={STATUS_TONES[a.status]}>{statusLabel(a.status)}</Tag>
      </View>
      <Text className='text-note my-achievement-meta'>{meta.filter(Boolean).join(' · ')}</Text>
      {a.status === 'rejected' && <CardReason label='驳回原因' text={a.rejectReason || '（未填写）'} />}
    </View>
  );
}

export default function MyAchievementsPage() {
  const list = useMyPagedList<Achievement>((cursor) => call('meAchievements', { query: { cursor } }));
  return (
    <MyListPage
      list={list}
      loginReason='登录后查看你发布的成果'
      className='achievements-page is-list'
      empty={
        <EmptyState
          title='还没有发布成果'
          description='发布成果后，匹配的需求方可以找到你，你也会收到匹配需求的提醒'
          actionText='发布成果'
          onAction={() => void Taro.navigateTo({ url: achievementFormUrl() })}
        />
      }
    >
      {(a) => <MyAchievementItem key={a.id} a={a} />}
    </MyListPage>
  );
}
