import { LIST_LIMIT, validateMarkRead, validatePageQuery } from '@cic/shared';
import { route } from '../composition/auth';
import { inbox } from '../composition/inbox';

/** GET /me/notifications?cursor= : the inbox, newest first. */
export const list = route({ access: 'user', query: validatePageQuery }, ({ user, query }) =>
  inbox().list(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);

/** GET /me/notifications/unread-count */
export const unreadCount = route({ access: 'user' }, ({ user }) => inbox().unreadCount(user));

/** POST /me/notifications/read {ids} | {all: true} */
export const markRead = route({ access: 'user', body: validateMarkRead }, ({ user, body }) =>
  inbox().markRead(user, body),
);
