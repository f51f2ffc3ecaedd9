// A contest page that is one list loaded with useResource (专场, 评审打分, 我的揭榜): skeleton cards while it loads, the
// error with 重试, what its being empty means, then its items. A list of the signed-in person's own is keyed by who is
// signed in, loads nothing without one, and its page asks to log in first.
import type { ReactElement, ReactNode } from 'react';
import { View } from '@tarojs/components';
import { ResourceList } from '../../components/resource-list';
import { LoginRequired } from '../../features/login/login-required';
import { useSession } from '../../features/login/use-session';
import { useResource, type ResourceState } from '../../hooks/use-resource';
import './contest.css';

export function useMyResource<T>(load: () => Promise<T>): ResourceState<T> {
  const session = useSession();
  return useResource(load, { key: session?.user.id ?? '', enabled: Boolean(session) });
}

export interface ContestListPageProps<T> {
  resource: Pick<ResourceState<{ items: readonly T[] }>, 'state' | 'reload'>;
  /** How many skeleton cards stand in for the list while it loads. */
  skeleton: number;
  empty: ReactElement;
  /** For a list of the person's own: why to log in (评委登录后查看需要评分的需求). */
  loginReason?: string;
  children: (item: T) => ReactNode;
  /** Under the list: what the page offers besides it. */
  footer?: ReactNode;
}

export function ContestListPage<T>({ resource, skeleton, empty, loginReason, children, footer }: ContestListPageProps<T>) {
  const session = useSession();
  if (loginReason && !session) return <LoginRequired reason={loginReason} />;
  return (
    <View className='contest-page'>
      <ResourceList resource={resource} skeleton={skeleton} empty={empty}>
        {children}
      </ResourceList>
      {footer}
    </View>
  );
}
