import { LIST_LIMIT } from '@cic/shared';
import { route } from '../composition/auth';
import { demands } from '../composition/demands';

/** POST /demands: a new draft owned by the caller. */
export const create = route('demandsCreate', { rateLimit: 'post' }, ({ user, body }) =>
  demands().demands.createDraft(user, body),
);

/** PUT /demands/{id}: the owner replaces the form while it is a draft or rejected (If-Match: the version edited). */
export const update = route('demandsUpdate', ({ user, body, params, version }) =>
  demands().demands.updateDraft(user, params.id, body, version),
);

/** POST /demands/{id}/submit */
export const submit = route('demandsSubmit', { rateLimit: 'post' }, ({ user, params }) =>
  demands().demands.submit(user, params.id),
);

/** POST /demands/{id}/close */
export const close = route('demandsClose', ({ user, params }) => demands().demands.close(user, params.id));

/** GET /demands/{id} */
export const detail = route('demandsDetail', ({ user, params }) => demands().demands.detail(user, params.id));

/** GET /demands: published demands, filtered, optionally searched. */
export const list = route('demandsList', ({ query }) =>
  demands().demandList.list({ ...query, limit: query.limit ?? LIST_LIMIT.default }),
);
