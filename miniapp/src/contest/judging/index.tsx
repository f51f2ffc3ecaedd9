// 评审打分 (contest/judging/index): the finals I am a judge of, with how many of their shortlisted solutions I scored.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '../../api/client';
import { EmptyState, Tag } from '../../components';
import { ContestListPage, useMyResource } from '../common/contest-list-page';
import '../../components/card.css';

const sheetUrl = (demandId: string) => `/contest/judging/sheet?demandId=${encodeURIComponent(demandId)}`;

export default function JudgingPage() {
  const finals = useMyResource(() => call('meJudging'));
  return (
    <ContestListPage
      resource={finals}
      skeleton={2}
      loginReason='评委登录后查看需要评分的需求'
      empty={<EmptyState title='暂无评审任务' description='组织方指定你为某个需求的评委后，它会出现在这里' />}
    >
      {(f) => {
        const done = f.shortlisted > 0 && f.scoredByMe >= f.shortlisted;
        return (
          <View key={f.demandId} className='card' role='link' onClick={() => void Taro.navigateTo({ url: sheetUrl(f.demandId) })}>
            <View className='card-head'>
              <Text className='card-title'>{f.title || '未命名需求'}</Text>
              {f.closed ? (
                <Tag tone='muted'>评审已结束</Tag>
              ) : done ? (
                <Tag tone='success'>已评完</Tag>
              ) : (
                <Tag tone='primary'>待评分</Tag>
              )}
            </View>
            <Text className='contest-meta'>
              入围方案 {f.shortlisted} 个 · 我已评 {f.scoredByMe} 个
            </Text>
          </View>
        );
      }}
    </ContestListPage>
  );
}
