import { LIST_LIMIT, validateDemandDraft, validateDemandListQuery } from '@cic/shared';
import { route } from '../composition/auth';
import { demands } from '../composition/demands';
import { ifMatch } from '../http/if-match';

/** POST /demands: a new draft owned by the caller. */
export const create = route({ access: 'user', body: validateDemandDraft, status: 201, rateLimit: 'post' }, ({ user, body }) =>
  demands().demands.createDraft(user, body),
);

/** PUT /demands/{id}: the owner replaces the form while it is a draft or rejected. */
export const update = route({ access: 'user', body: validateDemandDraft }, async ({ user, body, params, headers }) => {
  const version = ifMatch(headers['if-match']);
  if (!version.ok) return version;
  return demands().demands.updateDraft(user, params.id ?? '', body, version.value);
});

/** POST /demands/{id}/submit */
export const submit = route({ access: 'user', rateLimit: 'post' }, ({ user, params }) => demands().demands.submit(user, params.id ?? ''));

/** POST /demands/{id}/close */
export const close = route({ access: 'user' }, ({ user, params }) => demands().demands.close(user, params.id ?? ''));

/** GET /demands/{id} */
export const detail = route({ access: 'optional' }, ({ user, params }) => demands().demands.detail(user, params.id ?? ''));

/** GET /demands: published demands, filtered, optionally searched. */
export const list = route({ access: 'public', query: validateDemandListQuery }, ({ query }) =>
  demands().demandList.list({ ...query, limit: query.limit ?? LIST_LIMIT.default }),
);
