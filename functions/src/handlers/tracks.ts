import { validateAssignTrack, validateTrack } from '@cic/shared';
import { route } from '../composition/auth';
import { contest } from '../composition/contest';

/** POST /admin/tracks */
export const create = route({ access: 'admin', body: validateTrack, status: 201 }, ({ user, body }) =>
  contest().tracks.create(user, body),
);

/** GET /tracks */
export const list = route({ access: 'public', cacheControl: 'public, max-age=0, s-maxage=60' }, () => contest().tracks.list());

/** PUT /admin/demands/{id}/track {trackId | null} */
export const assign = route({ access: 'admin', body: validateAssignTrack }, ({ user, params, body }) =>
  contest().tracks.assign(user, params.id ?? '', body.trackId),
);
