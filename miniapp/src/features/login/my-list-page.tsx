// A page of the signed-in person's own things (我的需求, 我的关注): the list is keyed by who is signed in, so that another
// sign-in starts again, and loads nothing without one; the page asks to log in first.
import type { ReactElement, ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { Page } from '@cic/shared';
import { PagedListView } from '../../components/paged-list';
import { usePagedList, type PagedList } from '../../hooks/use-paged-list';
import { LoginRequired } from './login-required';
import { useSession } from './use-session';

export function useMyPagedList<T extends { id: string }>(fetchPage: (cursor?: string) => Promise<Page<T>>): PagedList<T> {
  const session = useSession();
  return usePagedList<T>(fetchPage, { key: session?.user.id ?? '', enabled: Boolean(session) });
}

export interface MyListPageProps<T> {
  list: PagedList<T>;
  /** Why to log in: 登录后查看你发布的需求. */
  loginReason: string;
  /** The page's own class, beside page-shell. */
  className: string;
  empty: ReactElement;
  children: (item: T) => ReactNode;
}

export function MyListPage<T>({ list, loginReason, className, empty, children }: MyListPageProps<T>) {
  const session = useSession();
  if (!session) return <LoginRequired reason={loginReason} />;
  return (
    <View className={`page-shell ${className}`}>
      <PagedListView list={list} empty={empty}>
        {children}
      </PagedListView>
    </View>
  );
}
