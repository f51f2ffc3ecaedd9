// One thing loaded from the API for a page (not a paged list): the first load with its loading and error states, 重试,
// pull-to-refresh that keeps what is shown, and local edits after an action. An answer that arrives after a newer
// load started (a new sort, a refresh) is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ApiError } from '../api/client';
import { toApiError } from './use-paged-list';

export type Resource<T> =
  | { status: 'idle'; data?: undefined; error?: undefined }
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError };

export interface ResourceState<T> {
  state: Resource<T>;
  /** From scratch, with the loading state (重试). */
  reload: () => void;
  /** Keeps what is shown until the answer is back (pull-to-refresh, after an action). */
  refresh: () => Promise<void>;
  /** A local edit of what is shown. */
  update: (change: (data: T) => T) => void;
}

export interface ResourceOptions {
  /** Changing the key loads again (serialise the query into it). */
  key: string;
  /** False keeps it idle and sends nothing (for example logged out). */
  enabled?: boolean;
  /** Pull-to-refresh reloads this resource (one per page should). Default true. */
  pullDown?: boolean;
}

export function useResource<T>(
  load: () => Promise<T>,
  { key, enabled = true, pullDown = true }: ResourceOptions,
): ResourceState<T> {
  const [state, setState] = useState<Resource<T>>({ status: enabled ? 'loading' : 'idle' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const run = useCallback(async (mode: 'reset' | 'refresh') => {
    const gen = ++generation.current;
    if (mode === 'reset') setState({ status: 'loading' });
    try {
      const data = await loadRef.current();
      if (gen === generation.current) setState({ status: 'ready', data });
    } catch (err) {
      if (gen !== generation.current) return;
      const error = toApiError(err);
      // A failed refresh keeps what a person was reading, and says why.
      if (mode === 'refresh' && stateRef.current.status === 'ready') void Taro.showToast({ title: error.message, icon: 'none' });
      else setState({ status: 'error', error });
    } finally {
      if (mode === 'refresh') Taro.stopPullDownRefresh();
    }
  }, []);

  useEffect(() => {
    if (enabled) void run('reset');
    else {
      generation.current++;
      setState({ status: 'idle' });
    }
  }, [key, enabled, run]);

  const refresh = useCallback(async () => {
    if (!enabled) return Taro.stopPullDownRefresh();
    await run('refresh');
  }, [enabled, run]);

  usePullDownRefresh(() => {
    if (pullDown) void refresh();
  });

  return {
    state,
    reload: useCallback(() => void (enabled && run('reset')), [enabled, run]),
    refresh,
    update: useCallback((change: (data: T) => T) => {
      setState((s) => (s.status === 'ready' ? { status: 'ready', data: change(s.data) } : s));
    }, []),
  };
}
