import { validateSubscribeQuota, validateSubscription } from '@cic/shared';
import { route } from '../composition/auth';
import { inbox } from '../composition/inbox';
import { subscriptions } from '../composition/subscriptions';

/** POST /me/subscriptions {keywords, fields, regions, minBudgetWan} */
export const create = route({ access: 'user', body: validateSubscription, status: 201 }, ({ user, body }) =>
  subscriptions().create(user, body),
);

/** GET /me/subscriptions */
export const list = route({ access: 'user' }, ({ user }) => subscriptions().list(user));

/** DELETE /me/subscriptions/{id} */
export const remove = route({ access: 'user' }, ({ user, params }) => subscriptions().remove(user, params.id ?? ''));

/** POST /me/subscribe-quota {results: {templateId: accept|reject|ban|filter}} */
export const quota = route({ access: 'user', body: validateSubscribeQuota }, ({ user, body }) =>
  inbox().recordSubscribeResults(user, body),
);
