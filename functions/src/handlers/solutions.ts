import { route } from '../composition/auth';
import { solutions } from '../composition/solutions';

/** POST /demands/{id}/solutions: 揭榜. */
export const submit = route('solutionsSubmit', { rateLimit: 'solution' }, ({ user, params, body }) =>
  solutions().submit(user, params.id, body),
);

/** PUT /solutions/{id}: the submitter edits until the owner decides (If-Match: the version edited). */
export const update = route('solutionsUpdate', ({ user, params, body, version }) =>
  solutions().update(user, params.id, body, version),
);

/** GET /solutions/{id} */
export const detail = route('solutionsDetail', ({ user, params }) => solutions().get(user, params.id));

/** GET /demands/{id}/solutions?sort=fit|score|time&status= */
export const listForDemand = route('solutionsForDemand', ({ user, params, query }) =>
  solutions().listForDemand(user, params.id, query),
);

/** GET /me/solutions */
export const mine = route('meSolutions', ({ user }) => solutions().listMine(user));

/** POST /solutions/{id}/decision {decision, reason?} */
export const decide = route('solutionsDecide', ({ user, params, body }) => solutions().decide(user, params.id, body));
