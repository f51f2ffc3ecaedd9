import { LIST_LIMIT } from '@cic/shared';
import { route } from '../composition/auth';
import { inbox } from '../composition/inbox';

/** GET /me/notifications?cursor= : the inbox, newest first. */
export const list = route('meNotifications', ({ user, query }) =>
  inbox().list(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);

/** GET /me/notifications/unread-count */
export const unreadCount = route('meNotificationsUnread', ({ user }) => inbox().unreadCount(user));

/** POST /me/notifications/read {ids} | {all: true} */
export const markRead = route('meNotificationsRead', ({ user, body }) => inbox().markRead(user, body));
