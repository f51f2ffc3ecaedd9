import { route } from '../composition/auth';
import { inbox } from '../composition/inbox';
import { subscriptions } from '../composition/subscriptions';

/** POST /me/subscriptions {keywords, fields, regions, minBudgetWan} */
export const create = route('meSubscriptionsCreate', ({ user, body }) => subscriptions().create(user, body));

/** GET /me/subscriptions */
export const list = route('meSubscriptionsList', ({ user }) => subscriptions().list(user));

/** DELETE /me/subscriptions/{id} */
export const remove = route('meSubscriptionsDelete', ({ user, params }) => subscriptions().remove(user, params.id));

/** POST /me/subscribe-quota {results: {templateId: accept|reject|ban|filter}} */
export const quota = route('meSubscribeQuota', ({ user, body }) => inbox().recordSubscribeResults(user, body));
