import { LIST_LIMIT, validatePageQuery } from '@cic/shared';
import { app, route } from '../app';

/** GET /me/demands: the caller's own demands in every status, newest first. */
export const demands = route({ access: 'user', query: validatePageQuery }, ({ user, query }) =>
  app().demands.listMine(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);
