import { validateAssignTrack, validateTrack } from '@cic/shared';
import { app, route } from '../app';

/** POST /admin/tracks */
export const create = route({ access: 'admin', body: validateTrack, status: 201 }, ({ user, body }) =>
  app().tracks.create(user, body),
);

/** GET /tracks */
export const list = route({ access: 'public', cacheControl: 'public, max-age=0, s-maxage=60' }, () => app().tracks.list());

/** PUT /admin/demands/{id}/track {trackId | null} */
export const assign = route({ access: 'admin', body: validateAssignTrack }, ({ user, params, body }) =>
  app().tracks.assign(user, params.id ?? '', body.trackId),
);
