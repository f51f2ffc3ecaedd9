import { route } from '../composition/auth';
import { contest } from '../composition/contest';

/** POST /admin/demands/{id}/judges {judgeIds, weights?} */
export const assignJudges = route('finalsAssignJudges', ({ user, params, body }) =>
  contest().finals.assignJudges(user, params.id, body),
);

/** PUT /solutions/{id}/score {completeness, feasibility, fit} */
export const score = route('finalsScore', ({ user, params, body }) => contest().finals.score(user, params.id, body));

/** GET /demands/{id}/ranking */
export const ranking = route('finalsRanking', ({ user, params }) => contest().finals.ranking(user, params.id));

/** POST /admin/demands/{id}/final/close */
export const close = route('finalsClose', ({ user, params }) => contest().finals.close(user, params.id));

/** GET /me/judging */
export const judging = route('meJudging', ({ user }) => contest().finals.judging(user));
