import { LIST_LIMIT } from '@cic/shared';
import { account } from '../composition/account';
import { route } from '../composition/auth';
import { demands as demandsPart } from '../composition/demands';

/** GET /me/demands: the caller's own demands in every status, newest first. */
export const demands = route('meDemands', ({ user, query }) =>
  demandsPart().demands.listMine(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);

/** DELETE /me: erases the caller's account and everything of them (注销账号); every session of it stops working. */
export const remove = route('meDelete', ({ user }) => account().erase(user));
