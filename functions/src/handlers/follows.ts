import { LIST_LIMIT, validatePageQuery } from '@cic/shared';
import { route } from '../composition/auth';
import { follows } from '../composition/follows';

/** PUT /demands/{id}/follow */
export const follow = route({ access: 'user' }, ({ user, params }) => follows().follow(user, params.id ?? ''));

/** DELETE /demands/{id}/follow */
export const unfollow = route({ access: 'user' }, ({ user, params }) => follows().unfollow(user, params.id ?? ''));

/** GET /me/follows */
export const mine = route({ access: 'user', query: validatePageQuery }, ({ user, query }) =>
  follows().listMine(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);
