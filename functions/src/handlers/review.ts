import { LIST_LIMIT, validatePageQuery, validateReview } from '@cic/shared';
import { app, route } from '../app';

/** GET /admin/reviews: the queue of demands waiting for review, oldest first. */
export const queue = route({ access: 'admin', query: validatePageQuery }, ({ user, query }) =>
  app().demands.listReviewQueue(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);

/** POST /admin/demands/{id}/review {decision, reason} */
export const decide = route({ access: 'admin', body: validateReview }, ({ user, params, body }) =>
  app().demands.review(user, params.id ?? '', body),
);
