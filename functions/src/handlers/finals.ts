import { validateAssignJudges, validateScore } from '@cic/shared';
import { route } from '../composition/auth';
import { contest } from '../composition/contest';

/** POST /admin/demands/{id}/judges {judgeIds, weights?} */
export const assignJudges = route({ access: 'admin', body: validateAssignJudges }, ({ user, params, body }) =>
  contest().finals.assignJudges(user, params.id ?? '', body),
);

/** PUT /solutions/{id}/score {completeness, feasibility, fit} */
export const score = route({ access: 'user', body: validateScore }, ({ user, params, body }) =>
  contest().finals.score(user, params.id ?? '', body),
);

/** GET /demands/{id}/ranking */
export const ranking = route({ access: 'user' }, ({ user, params }) => contest().finals.ranking(user, params.id ?? ''));

/** POST /admin/demands/{id}/final/close */
export const close = route({ access: 'admin' }, ({ user, params }) => contest().finals.close(user, params.id ?? ''));

/** GET /me/judging */
export const judging = route({ access: 'user' }, ({ user }) => contest().finals.judging(user));
