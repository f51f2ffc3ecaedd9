import { LIST_LIMIT, validatePageQuery } from '@cic/shared';
import { auth, route } from '../composition/auth';
import { demands as demandsPart } from '../composition/demands';

/** GET /me/demands: the caller's own demands in every status, newest first. */
export const demands = route({ access: 'user', query: validatePageQuery }, ({ user, query }) =>
  demandsPart().demands.listMine(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);

/** DELETE /me: deletes the caller's account (注销账号); every session of it stops working. */
export const remove = route({ access: 'user' }, ({ user }) => auth().deleteAccount(user));
