import { route } from '../composition/auth';
import { contest } from '../composition/contest';

/** POST /admin/tracks */
export const create = route('tracksCreate', ({ user, body }) => contest().tracks.create(user, body));

/** GET /tracks: public; a shared cache (CDN) may keep it a minute. */
export const list = route('tracksList', () => contest().tracks.list());

/** PUT /admin/demands/{id}/track {trackId | null} */
export const assign = route('tracksAssign', ({ user, params, body }) => contest().tracks.assign(user, params.id, body.trackId));
