import { validateDecision, validateSolutionForm, validateSolutionListQuery } from '@cic/shared';
import { app, route } from '../app';
import { ifMatch } from '../http/if-match';

/** POST /demands/{id}/solutions: 揭榜. */
export const submit = route({ access: 'user', body: validateSolutionForm, status: 201, rateLimit: 'solution' }, ({ user, params, body }) =>
  app().solutions.submit(user, params.id ?? '', body),
);

/** PUT /solutions/{id}: the submitter edits until the owner decides. */
export const update = route({ access: 'user', body: validateSolutionForm }, ({ user, params, body, headers }) =>
  app().solutions.update(user, params.id ?? '', body, ifMatch(headers['if-match'])),
);

/** GET /solutions/{id} */
export const detail = route({ access: 'user' }, ({ user, params }) => app().solutions.get(user, params.id ?? ''));

/** GET /demands/{id}/solutions?sort=fit|score|time&status= */
export const listForDemand = route({ access: 'user', query: validateSolutionListQuery }, ({ user, params, query }) =>
  app().solutions.listForDemand(user, params.id ?? '', query),
);

/** GET /me/solutions */
export const mine = route({ access: 'user' }, ({ user }) => app().solutions.listMine(user));

/** POST /solutions/{id}/decision {decision, reason?} */
export const decide = route({ access: 'user', body: validateDecision }, ({ user, params, body }) =>
  app().solutions.decide(user, params.id ?? '', body),
);
