// 需求大厅: the published demands and, on the 成果 tab, the published 成果 (成果搜索). Each is searched and filtered,
// and loads page by page as it scrolls; pull-to-refresh reloads the list in view.
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { AchievementSummary, DemandSummary } from '@cic/shared';
import { call } from '../../api/client';
import { refreshUnreadBadge } from '../../badge/unread-badge';
import { DemandCard, FilterChips } from '../../components';
import { SegmentedTabs } from '../../components/segmented-tabs';
import { AchievementCard } from '../../achievements/common/achievement-card';
import {
  BUDGET_OPTIONS,
  COOPERATION_OPTIONS,
  FIELD_OPTIONS,
  REGION_OPTIONS,
  TRL_MIN_OPTIONS,
  achievementQuery,
  demandQuery,
  type AchievementFilters,
  type HallFilters,
} from './hall-filters';
import { HallView } from './hall-view';
import './index.css';

type HallTab = 'demands' | 'achievements';
const TABS = [
  { value: 'demands', label: '需求' },
  { value: 'achievements', label: '成果' },
] as const;

const open = (url: string) => (id: string) => void Taro.navigateTo({ url: `${url}?id=${encodeURIComponent(id)}` });
const openDemand = open('/pages/demand/index');
const openAchievement = open('/achievements/detail/index');

const fetchDemands = (f: HallFilters, cursor?: string) => call('demandsList', { query: demandQuery(f, cursor) });
const fetchAchievements = (f: AchievementFilters, cursor?: string) =>
  call('achievementsList', { query: achievementQuery(f, cursor) });

function DemandList() {
  return (
    <HallView<HallFilters, DemandSummary>
      noun='需求'
      emptyHint='新需求审核通过后会出现在这里'
      fetchPage={fetchDemands}
      chips={(f, set) => (
        <>
          <FilterChips title='产业领域' options={FIELD_OPTIONS} value={f.field} onChange={set('field')} />
          <FilterChips title='地区' options={REGION_OPTIONS} value={f.region} onChange={set('region')} />
          <FilterChips title='合作方式' options={COOPERATION_OPTIONS} value={f.cooperation} onChange={set('cooperation')} />
          <FilterChips title='经费' options={BUDGET_OPTIONS} value={f.minBudgetWan} onChange={set('minBudgetWan')} />
        </>
      )}
    >
      {(demand) => <DemandCard key={demand.id} demand={demand} onOpen={openDemand} />}
    </HallView>
  );
}

function AchievementList() {
  return (
    <HallView<AchievementFilters, AchievementSummary>
      noun='成果'
      emptyHint='成果审核通过后会出现在这里'
      fetchPage={fetchAchievements}
      chips={(f, set) => (
        <>
          <FilterChips title='产业领域' options={FIELD_OPTIONS} value={f.field} onChange={set('field')} />
          <FilterChips title='地区' options={REGION_OPTIONS} value={f.region} onChange={set('region')} />
          <FilterChips title='成熟度' options={TRL_MIN_OPTIONS} value={f.trlMin} onChange={set('trlMin')} />
        </>
      )}
    >
      {(a) => <AchievementCard key={a.id} achievement={a} onOpen={openAchievement} />}
    </HallView>
  );
}

export default function Hall() {
  const [tab, setTab] = useState<HallTab>('demands');
  useDidShow(() => void refreshUnreadBadge());
  return (
    <View className='page-shell hall'>
      <SegmentedTabs label='需求大厅' tabs={TABS} value={tab} onChange={setTab} />
      {/* Only the list in view is mounted: it alone answers pull-to-refresh and the end of the page. */}
      {tab === 'demands' ? <DemandList /> : <AchievementList />}
    </View>
  );
}
