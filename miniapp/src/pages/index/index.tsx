// 需求大厅: search and filter the published demands; the list loads page by page as it scrolls.
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { call } from '../../api/client';
import { refreshUnreadBadge } from '../../badge/unread-badge';
import { DemandCard, EmptyState, ErrorState, FilterChips, ListFooter, SearchBar, SkeletonList } from '../../components';
import { usePagedList } from '../../hooks/use-paged-list';
import {
  BUDGET_OPTIONS,
  COOPERATION_OPTIONS,
  FIELD_OPTIONS,
  REGION_OPTIONS,
  isFiltered,
  toListQuery,
  type HallFilters,
} from './hall-filters';
import './index.css';

const openDemand = (id: string) => void Taro.navigateTo({ url: `/pages/demand/index?id=${encodeURIComponent(id)}` });

export default function DemandHall() {
  const [filters, setFilters] = useState<HallFilters>({});
  const [searchText, setSearchText] = useState('');
  const list = usePagedList((cursor) => call('demandsList', { query: toListQuery(filters, cursor) }), {
    key: JSON.stringify(filters),
  });

  useDidShow(() => void refreshUnreadBadge());

  const set =
    <K extends keyof HallFilters>(key: K) =>
    (value: HallFilters[K]) =>
      setFilters((f) => ({ ...f, [key]: value }));
  const search = (text: string) => setFilters((f) => ({ ...f, q: text.trim() || undefined }));
  const clearSearch = () => {
    setSearchText('');
    search('');
  };
  const clearAll = () => {
    setSearchText('');
    setFilters({});
  };

  return (
    <View className='hall'>
      <View className='hall__filters'>
        <SearchBar value={searchText} placeholder='搜索需求' onInput={setSearchText} onSearch={search} onClear={clearSearch} />
        <FilterChips title='产业领域' options={FIELD_OPTIONS} value={filters.field} onChange={set('field')} />
        <FilterChips title='地区' options={REGION_OPTIONS} value={filters.region} onChange={set('region')} />
        <FilterChips title='合作方式' options={COOPERATION_OPTIONS} value={filters.cooperation} onChange={set('cooperation')} />
        <FilterChips title='经费' options={BUDGET_OPTIONS} value={filters.minBudgetWan} onChange={set('minBudgetWan')} />
      </View>

      <View className='hall__list'>
        {list.status === 'loading' ? <SkeletonList /> : null}
        {list.status === 'error' && list.error ? <ErrorState message={list.error.message} onRetry={list.reload} /> : null}
        {list.status === 'empty' ? (
          isFiltered(filters) ? (
            <EmptyState
              title='没有找到符合条件的需求'
              description='换个关键词，或放宽筛选条件试试'
              actionText='清除筛选'
              onAction={clearAll}
            />
          ) : (
            <EmptyState title='暂无已发布的需求' description='新需求审核通过后会出现在这里' />
          )
        ) : null}
        {list.status === 'ready' ? (
          <>
            {list.items.map((demand) => (
              <DemandCard key={demand.id} demand={demand} onOpen={openDemand} />
            ))}
            <ListFooter
              loadingMore={list.loadingMore}
              moreError={list.moreError}
              hasMore={list.hasMore}
              onRetry={list.loadMore}
            />
          </>
        ) : null}
      </View>
    </View>
  );
}
