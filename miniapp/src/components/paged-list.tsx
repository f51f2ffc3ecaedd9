// A list loaded page by page (hooks/use-paged-list): skeleton cards while the first page loads, the error with 重试,
// what an empty list means (also when there is nothing to load), its items, and the footer that loads the next page.
import type { ReactElement, ReactNode } from 'react';
import type { PagedList } from '../hooks/use-paged-list';
import { ErrorState } from './error-state';
import { ListFooter } from './list-footer';
import { SkeletonList } from './skeleton-list';

export interface PagedListViewProps<T> {
  list: PagedList<T>;
  empty: ReactElement;
  children: (item: T) => ReactNode;
}

export function PagedListView<T>({ list, empty, children }: PagedListViewProps<T>) {
  return (
    <>
      {list.status === 'loading' && <SkeletonList />}
      {list.status === 'error' && <ErrorState message={list.error?.message ?? '加载失败'} onRetry={list.reload} />}
      {(list.status === 'empty' || list.status === 'idle') && empty}
      {list.items.map(children)}
      {list.status === 'ready' && (
        <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onRetry={list.loadMore} />
      )}
    </>
  );
}
