// The gate of the pages that only a demand's owner and the organisers may open (匹配成果, 成果粗评估): log in first,
// then a link that carries its ids, then the page's data while it loads or fails, with no access said plainly.
import type { ReactElement } from 'react';
import { EmptyState } from '../../components';
import { ResourceFallback } from '../../components/resource-list';
import { AccessPanel, LoginRequired } from '../../features/login/login-required';
import type { ResourceState } from '../../hooks/use-resource';

interface Gate {
  loggedIn: boolean;
  /** The link carries the ids the page needs. */
  valid: boolean;
  /** The page's name in the login prompt (匹配成果). */
  page: string;
  /** What the link lacks when it is not valid (需求编号). */
  missing: string;
  /** What only the owner and the organisers may see (该需求的匹配成果). */
  subject: string;
}

/** The page's data once it is ready, or what to show instead. */
export function ownerOnly<T>(
  resource: ResourceState<T>,
  { loggedIn, valid, page, missing, subject }: Gate,
): { data: T } | { fallback: ReactElement } {
  if (!loggedIn) return { fallback: <LoginRequired reason={`${page}仅对需求发布者和组织方开放，请先登录`} /> };
  if (!valid) return { fallback: <EmptyState title={`链接无效：缺少${missing}`} /> };
  const { state } = resource;
  if (state.status === 'ready') return { data: state.data };
  const refused = <AccessPanel role='alert' title='无法查看' text={`只有需求发布者和组织方可以查看${subject}`} />;
  return { fallback: <ResourceFallback resource={resource} skeleton={3} refused={refused} /> };
}
