import { LIST_LIMIT, validateReview, validateReviewQueueQuery } from '@cic/shared';
import { app, route } from '../app';

/** GET /admin/reviews?order=oldest|newest: the queue of demands waiting for review, oldest first by default. */
export const queue = route({ access: 'admin', query: validateReviewQueueQuery }, ({ user, query }) =>
  app().demands.listReviewQueue(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }, query.order),
);

/** POST /admin/demands/{id}/review {decision, reason} */
export const decide = route({ access: 'admin', body: validateReview }, ({ user, params, body }) =>
  app().demands.review(user, params.id ?? '', body),
);
