import { LIST_LIMIT } from '@cic/shared';
import { reviewQueue } from '../composition/achievements';
import { route } from '../composition/auth';
import { demands } from '../composition/demands';

/**
 * GET /admin/reviews?kind=demand|achievement&order=oldest|newest: the queue of demands and 成果 waiting for review,
 * each item saying its kind; without `kind` both, merged by submission time. Oldest first by default.
 */
export const queue = route('adminReviews', ({ user, query }) =>
  reviewQueue().list(user, {
    kind: query.kind,
    order: query.order,
    cursor: query.cursor,
    limit: query.limit ?? LIST_LIMIT.default,
  }),
);

/** POST /admin/demands/{id}/review {decision, reason} */
export const decide = route('adminReview', ({ user, params, body }) => demands().demands.review(user, params.id, body));
