import { LIST_LIMIT } from '@cic/shared';
import { route } from '../composition/auth';
import { follows } from '../composition/follows';

/** PUT /demands/{id}/follow */
export const follow = route('demandsFollow', ({ user, params }) => follows().follow(user, params.id));

/** DELETE /demands/{id}/follow */
export const unfollow = route('demandsUnfollow', ({ user, params }) => follows().unfollow(user, params.id));

/** GET /me/follows */
export const mine = route('meFollows', ({ user, query }) =>
  follows().listMine(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);
