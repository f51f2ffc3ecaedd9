import { validateSubscribeQuota, validateSubscription } from '@cic/shared';
import { app, route } from '../app';

/** POST /me/subscriptions {keywords, fields, regions, minBudgetWan} */
export const create = route({ access: 'user', body: validateSubscription, status: 201 }, ({ user, body }) =>
  app().subscriptions.create(user, body),
);

/** GET /me/subscriptions */
export const list = route({ access: 'user' }, ({ user }) => app().subscriptions.list(user));

/** DELETE /me/subscriptions/{id} */
export const remove = route({ access: 'user' }, ({ user, params }) => app().subscriptions.remove(user, params.id ?? ''));

/** POST /me/subscribe-quota {results: {templateId: accept|reject|ban|filter}} */
export const quota = route({ access: 'user', body: validateSubscribeQuota }, ({ user, body }) =>
  app().inbox.recordSubscribeResults(user, body),
);
