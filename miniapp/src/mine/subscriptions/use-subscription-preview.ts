// The live preview of the subscription being edited (POST /me/subscriptions/preview): asked 600 ms after the last
// change, only for conditions the shared schema accepts. An answer to older conditions is dropped; while a new one
// is on its way the last figures stay on screen, marked as updating.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SubscriptionConditions, SubscriptionPreview } from '@cic/shared';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/use-paged-list';

export const PREVIEW_DELAY_MS = 600;

export type PreviewState =
  /** Nothing valid to preview yet. */
  | { status: 'idle' }
  /** Waiting for the typing to stop, or for the answer; `last` is what was shown before. */
  | { status: 'loading'; last?: SubscriptionPreview }
  | { status: 'ready'; data: SubscriptionPreview }
  | { status: 'error'; message: string };

export interface SubscriptionPreviewState {
  state: PreviewState;
  retry: () => void;
}

/** What the preview depends on: pushing mentions changes no figure. */
const keyOf = (c: SubscriptionConditions | undefined) => (c ? JSON.stringify({ ...c, pushMentioned: false }) : '');

export function useSubscriptionPreview(conditions: SubscriptionConditions | undefined): SubscriptionPreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const generation = useRef(0);
  const latest = useRef(conditions);
  latest.current = conditions;
  const key = keyOf(conditions);

  const ask = useCallback(async (gen: number) => {
    const body = latest.current;
    if (!body) return;
    try {
      const data = await call('meSubscriptionsPreview', { body });
      if (gen === generation.current) setState({ status: 'ready', data });
    } catch (err) {
      if (gen === generation.current) setState({ status: 'error', message: toApiError(err).message });
    }
  }, []);

  useEffect(() => {
    const gen = ++generation.current;
    if (!key) {
      setState({ status: 'idle' });
      return undefined;
    }
    setState((s) => ({ status: 'loading', last: s.status === 'ready' ? s.data : s.status === 'loading' ? s.last : undefined }));
    const timer = setTimeout(() => void ask(gen), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, ask]);

  const retry = useCallback(() => {
    const gen = ++generation.current;
    setState({ status: 'loading' });
    void ask(gen);
  }, [ask]);

  return { state, retry };
}
