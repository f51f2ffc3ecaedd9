import { validateAward } from '@cic/shared';
import { route } from '../composition/auth';
import { contest } from '../composition/contest';

/** POST /admin/awards */
export const create = route({ access: 'admin', body: validateAward, status: 201 }, ({ user, body }) =>
  contest().awards.create(user, body),
);

/** GET /me/awards: the caller's own awards, for their profile. */
export const mine = route({ access: 'user' }, ({ user }) => contest().awards.listMine(user));
