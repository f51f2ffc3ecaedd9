import { validateDecision, validateSolutionForm, validateSolutionListQuery } from '@cic/shared';
import { route } from '../composition/auth';
import { solutions } from '../composition/solutions';
import { ifMatch } from '../http/if-match';

/** POST /demands/{id}/solutions: 揭榜. */
export const submit = route({ access: 'user', body: validateSolutionForm, status: 201, rateLimit: 'solution' }, ({ user, params, body }) =>
  solutions().submit(user, params.id ?? '', body),
);

/** PUT /solutions/{id}: the submitter edits until the owner decides. */
export const update = route({ access: 'user', body: validateSolutionForm }, async ({ user, params, body, headers }) => {
  const version = ifMatch(headers['if-match']);
  if (!version.ok) return version;
  return solutions().update(user, params.id ?? '', body, version.value);
});

/** GET /solutions/{id} */
export const detail = route({ access: 'user' }, ({ user, params }) => solutions().get(user, params.id ?? ''));

/** GET /demands/{id}/solutions?sort=fit|score|time&status= */
export const listForDemand = route({ access: 'user', query: validateSolutionListQuery }, ({ user, params, query }) =>
  solutions().listForDemand(user, params.id ?? '', query),
);

/** GET /me/solutions */
export const mine = route({ access: 'user' }, ({ user }) => solutions().listMine(user));

/** POST /solutions/{id}/decision {decision, reason?} */
export const decide = route({ access: 'user', body: validateDecision }, ({ user, params, body }) =>
  solutions().decide(user, params.id ?? '', body),
);
