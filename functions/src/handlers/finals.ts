import { validateAssignJudges, validateScore } from '@cic/shared';
import { app, route } from '../app';

/** POST /admin/demands/{id}/judges {judgeIds, weights?} */
export const assignJudges = route({ access: 'admin', body: validateAssignJudges }, ({ user, params, body }) =>
  app().finals.assignJudges(user, params.id ?? '', body),
);

/** PUT /solutions/{id}/score {completeness, feasibility, fit} */
export const score = route({ access: 'user', body: validateScore }, ({ user, params, body }) =>
  app().finals.score(user, params.id ?? '', body),
);

/** GET /demands/{id}/ranking */
export const ranking = route({ access: 'user' }, ({ user, params }) => app().finals.ranking(user, params.id ?? ''));

/** POST /admin/demands/{id}/final/close */
export const close = route({ access: 'admin' }, ({ user, params }) => app().finals.close(user, params.id ?? ''));

/** GET /me/judging */
export const judging = route({ access: 'user' }, ({ user }) => app().finals.judging(user));
