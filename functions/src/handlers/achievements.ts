import { LIST_LIMIT } from '@cic/shared';
import { route } from '../composition/auth';
import { achievements } from '../composition/achievements';

/** GET /achievements (成果搜索): published 成果, filtered by field, region and 技术成熟度, newest first or ranked by q. */
export const list = route('achievementsList', ({ query }) => achievements().list(query));

/** POST /achievements: a new draft held by the caller. */
export const create = route('achievementsCreate', { rateLimit: 'post' }, ({ user, body }) =>
  achievements().createDraft(user, body),
);

/** GET /achievements/{id} */
export const detail = route('achievementsDetail', ({ user, params }) => achievements().detail(user, params.id));

/** PUT /achievements/{id}: the holder replaces the form while it is a draft or rejected (If-Match: the version edited). */
export const update = route('achievementsUpdate', ({ user, body, params, version }) =>
  achievements().updateDraft(user, params.id, body, version),
);

/** POST /achievements/{id}/submit */
export const submit = route('achievementsSubmit', { rateLimit: 'post' }, ({ user, params }) =>
  achievements().submit(user, params.id),
);

/** POST /achievements/{id}/close */
export const close = route('achievementsClose', ({ user, params }) => achievements().close(user, params.id));

/** GET /me/achievements: the caller's own 成果 in every status, newest first. */
export const mine = route('meAchievements', ({ user, query }) =>
  achievements().listMine(user, { cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }),
);

/** POST /admin/achievements/{id}/review {decision, reason} */
export const review = route('adminAchievementReview', ({ user, params, body }) => achievements().review(user, params.id, body));
