import { validateAward } from '@cic/shared';
import { app, route } from '../app';

/** POST /admin/awards */
export const create = route({ access: 'admin', body: validateAward, status: 201 }, ({ user, body }) =>
  app().awards.create(user, body),
);

/** GET /me/awards: the caller's own awards, for their profile. */
export const mine = route({ access: 'user' }, ({ user }) => app().awards.listMine(user));
