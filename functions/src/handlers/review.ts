import { LIST_LIMIT } from '@cic/shared';
import { route } from '../composition/auth';
import { demands } from '../composition/demands';

/** GET /admin/reviews?order=oldest|newest: the queue of demands waiting for review, oldest first by default. */
export const queue = route('adminReviews', ({ user, query }) =>
  demands().demands.listReviewQueue(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }, query.order),
);

/** POST /admin/demands/{id}/review {decision, reason} */
export const decide = route('adminReview', ({ user, params, body }) => demands().demands.review(user, params.id, body));
