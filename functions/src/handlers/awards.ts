import { route } from '../composition/auth';
import { contest } from '../composition/contest';

/** POST /admin/awards */
export const create = route('awardsCreate', ({ user, body }) => contest().awards.create(user, body));

/** GET /me/awards: the caller's own awards, for their profile. */
export const mine = route('meAwards', ({ user }) => contest().awards.listMine(user));
