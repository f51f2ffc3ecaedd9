// What a page shows of something loaded with useResource: skeleton cards while it loads, the error with 重试,
// and for a list what its being empty means, then its items.
import type { ReactElement, ReactNode } from 'react';
import { ErrorState } from './error-state';
import { SkeletonList } from './skeleton-list';
import type { ResourceState } from '../hooks/use-resource';

interface Props<T> {
  resource: Pick<ResourceState<{ items: readonly T[] }>, 'state' | 'reload'>;
  /** How many skeleton cards stand in for the list while it loads. */
  skeleton: number;
  empty: ReactElement;
  children: (item: T) => ReactNode;
}

interface FallbackProps {
  resource: Pick<ResourceState<unknown>, 'state' | 'reload'>;
  /** How many skeleton cards stand in while it loads. */
  skeleton: number;
  /** Shown instead of the error when the API says the person may not see it (403, 404). */
  refused?: ReactElement;
}

/** What stands in for a resource until it is ready: a page returns it while `state.status !== 'ready'`. */
export function ResourceFallback({ resource, skeleton, refused }: FallbackProps) {
  const { state } = resource;
  if (state.status === 'loading' || state.status === 'idle') return <SkeletonList count={skeleton} />;
  if (state.status !== 'error') return null;
  if (refused && (state.error.status === 403 || state.error.status === 404)) return refused;
  return <ErrorState message={state.error.message} onRetry={resource.reload} />;
}

export function ResourceList<T>({ resource, skeleton, empty, children }: Props<T>) {
  const { state } = resource;
  return (
    <>
      {state.status === 'loading' && <SkeletonList count={skeleton} />}
      {state.status === 'error' && <ErrorState message={state.error.message} onRetry={resource.reload} />}
      {state.status === 'ready' && (state.data.items.length === 0 ? empty : state.data.items.map(children))}
    </>
  );
}
