// One list of the hall (需求 or 成果): the search box, its filter chips, and the list's states (skeletons, the error
// with 重试, what an empty list means, the cards and the footer that loads more). The list hook is the page's: the
// filters are its key, so a new choice starts again from the first page.
import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { Page } from '@cic/shared';
import { EmptyState, SearchBar } from '../../components';
import { PagedListView } from '../../components/paged-list';
import { usePagedList } from '../../hooks/use-paged-list';
import { isFiltered } from './hall-filters';

type Setter<F> = <K extends keyof F>(key: K) => (value: F[K]) => void;

interface Props<F extends { q?: string }, T extends { id: string }> {
  /** 需求, 成果: in the search box and the empty states. */
  noun: string;
  emptyHint: string;
  fetchPage: (filters: F, cursor?: string) => Promise<Page<T>>;
  chips: (filters: F, set: Setter<F>) => ReactNode;
  children: (item: T) => ReactNode;
}

export function HallView<F extends { q?: string }, T extends { id: string }>({
  noun,
  emptyHint,
  fetchPage,
  chips,
  children,
}: Props<F, T>) {
  const [filters, setFilters] = useState<F>({} as F);
  const [searchText, setSearchText] = useState('');
  const list = usePagedList((cursor) => fetchPage(filters, cursor), { key: JSON.stringify(filters) });

  const set: Setter<F> = (key) => (value) => setFilters((f) => ({ ...f, [key]: value }));
  const search = (text: string) => setFilters((f) => ({ ...f, q: text.trim() || undefined }));
  const clearSearch = () => {
    setSearchText('');
    search('');
  };
  const clearAll = () => {
    setSearchText('');
    setFilters({} as F);
  };

  return (
    <>
      <View className='hall__filters'>
        <SearchBar
          value={searchText}
          placeholder={`搜索${noun}`}
          onInput={setSearchText}
          onSearch={search}
          onClear={clearSearch}
        />
        {chips(filters, set)}
      </View>
      <View className='hall__list'>
        <PagedListView
          list={list}
          empty={
            isFiltered(filters) ? (
              <EmptyState
                title={`没有找到符合条件的${noun}`}
                description='换个关键词，或放宽筛选条件试试'
                actionText='清除筛选'
                onAction={clearAll}
              />
            ) : (
              <EmptyState title={`暂无已发布的${noun}`} description={emptyHint} />
            )
          }
        >
          {children}
        </PagedListView>
      </View>
    </>
  );
}
