import { LIST_LIMIT } from '@cic/shared';
import { route } from '../composition/auth';
import { alertFeedback, inbox } from '../composition/inbox';

/** GET /me/notifications?cursor=&tier= : the inbox, newest first, all of it or one tier (main 主题相关 / mentioned 提及). */
export const list = route('meNotifications', ({ user, query }) =>
  inbox().list(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default, tier: query.tier }),
);

/** GET /me/notifications/unread-count */
export const unreadCount = route('meNotificationsUnread', ({ user }) => inbox().unreadCount(user));

/** POST /me/notifications/read {ids} | {all: true} */
export const markRead = route('meNotificationsRead', ({ user, body }) => inbox().markRead(user, body));

/** POST /me/notifications/{id}/feedback {relevant}: 有用 / 不相关 on an alert. */
export const feedback = route('meNotificationsFeedback', ({ user, params, body }) =>
  alertFeedback().record(user, params.id, body.relevant),
);

/** GET /admin/alerts/feedback: live precision by concept, from the subscribers' verdicts. */
export const feedbackFigures = route('adminAlertsFeedback', () => alertFeedback().figures());
