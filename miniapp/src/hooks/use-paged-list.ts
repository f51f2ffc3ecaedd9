// One list fed page by page from a cursor API: the first page, infinite scroll (the page's reach-bottom event),
// pull-to-refresh, and the states a list page shows. At most one request runs at a time, and an answer that arrives
// after the query changed (a new filter, a refresh) is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { Page } from '@cic/shared';
import { ApiError, clientError } from '../api/client';

/** idle: disabled (for example logged out); loading: first page, nothing to show yet. */
export type ListStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

export interface PagedList<T> {
  items: T[];
  status: ListStatus;
  /** Why the first page failed (status 'error'). */
  error: ApiError | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the next page failed: the list stays, with a footer to try again. */
  moreError: ApiError | undefined;
  refreshing: boolean;
  /** From scratch, with the loading state (a 重试 button). */
  reload: () => void;
  /** Keeps what is shown until the first page is back (pull-to-refresh). */
  refresh: () => Promise<void>;
  loadMore: () => void;
  /** Local edits, for example marking items read. */
  update: (change: (items: T[]) => T[]) => void;
}

export interface PagedListOptions {
  /** Changing the key starts the list again (serialise the query into it). */
  key: string;
  /** False keeps the list idle and sends nothing. */
  enabled?: boolean;
}

interface State<T> {
  items: T[];
  cursor: string | null;
  status: ListStatus;
  error: ApiError | undefined;
  loadingMore: boolean;
  moreError: ApiError | undefined;
  refreshing: boolean;
}

const initial = <T>(status: ListStatus): State<T> => ({
  items: [],
  cursor: null,
  status,
  error: undefined,
  loadingMore: false,
  moreError: undefined,
  refreshing: false,
});

export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : clientError('CLIENT.UNKNOWN', '加载失败，请稍后重试');
}

function appendNew<T extends { id: string }>(items: T[], more: T[]): T[] {
  const seen = new Set(items.map((i) => i.id));
  return [...items, ...more.filter((i) => !seen.has(i.id))];
}

export function usePagedList<T extends { id: string }>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
  { key, enabled = true }: PagedListOptions,
): PagedList<T> {
  const [state, setState] = useState<State<T>>(() => initial<T>(enabled ? 'loading' : 'idle'));
  // Event handlers read these refs, so a scroll event never sees a stale render.
  const stateRef = useRef(state);
  stateRef.current = state;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const generation = useRef(0);
  const busy = useRef<'first' | 'more' | null>(null);

  const loadFirst = useCallback(async (mode: 'reset' | 'refresh') => {
    const gen = ++generation.current;
    busy.current = 'first';
    if (mode === 'reset') setState(initial<T>('loading'));
    else setState((s) => ({ ...s, refreshing: true }));
    try {
      const page = await fetchRef.current(undefined);
      if (gen !== generation.current) return;
      setState({
        ...initial<T>(page.items.length > 0 ? 'ready' : 'empty'),
        items: page.items,
        cursor: page.nextCursor,
      });
    } catch (err) {
      if (gen !== generation.current) return;
      const error = toApiError(err);
      const shown = stateRef.current.items;
      if (mode === 'refresh' && shown.length > 0) {
        // Keep the list a person was reading; say why it did not refresh.
        setState((s) => ({ ...s, refreshing: false }));
        void Taro.showToast({ title: error.message, icon: 'none' });
      } else {
        setState({ ...initial<T>('error'), error });
      }
    } finally {
      if (gen === generation.current) busy.current = null;
      if (mode === 'refresh') Taro.stopPullDownRefresh();
    }
  }, []);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (busy.current || s.status !== 'ready' || !s.cursor) return;
    const gen = generation.current;
    const cursor = s.cursor;
    busy.current = 'more';
    setState((prev) => ({ ...prev, loadingMore: true, moreError: undefined }));
    fetchRef
      .current(cursor)
      .then((page) => {
        if (gen !== generation.current) return;
        setState((prev) => ({ ...prev, items: appendNew(prev.items, page.items), cursor: page.nextCursor, loadingMore: false }));
      })
      .catch((err: unknown) => {
        if (gen !== generation.current) return;
        setState((prev) => ({ ...prev, loadingMore: false, moreError: toApiError(err) }));
      })
      .finally(() => {
        if (gen === generation.current) busy.current = null;
      });
  }, []);

  useEffect(() => {
    if (enabled) {
      void loadFirst('reset');
    } else {
      generation.current++;
      busy.current = null;
      setState(initial<T>('idle'));
    }
  }, [key, enabled, loadFirst]);

  const refresh = useCallback(async () => {
    // A first page already on its way is as fresh as a new one.
    if (!enabled || busy.current === 'first') {
      Taro.stopPullDownRefresh();
      return;
    }
    await loadFirst('refresh');
  }, [enabled, loadFirst]);

  const reload = useCallback(() => {
    if (enabled) void loadFirst('reset');
  }, [enabled, loadFirst]);

  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((s) => ({ ...s, items: change(s.items) }));
  }, []);

  usePullDownRefresh(() => void refresh());
  useReachBottom(loadMore);

  return {
    items: state.items,
    status: state.status,
    error: state.error,
    hasMore: state.cursor !== null,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    refreshing: state.refreshing,
    reload,
    refresh,
    loadMore,
    update,
  };
}
