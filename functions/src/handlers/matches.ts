import { route } from '../composition/auth';
import { matches } from '../composition/matches';

/** GET /demands/{id}/matches?limit: the 成果 that fit the demand, best first (its owner and admins; 404 for others). */
export const forDemand = route('demandMatches', ({ user, params, query }) =>
  matches().matchesForDemand(user, params.id, query.limit),
);

/** GET /demands/{id}/matches/{achievementId}: 成果粗评估, a rough automatic estimate. */
export const scorecard = route('demandMatchScorecard', ({ user, params }) =>
  matches().scorecard(user, params.id, params.achievementId),
);

/** GET /achievements/{id}/matches?limit: the open demands the 成果 fits, best first (its holder and admins). */
export const forAchievement = route('achievementMatches', ({ user, params, query }) =>
  matches().matchesForAchievement(user, params.id, query.limit),
);

/** GET /demands/{id}/similar: five similar published demands. */
export const similar = route('demandsSimilar', ({ params }) => matches().similar(params.id));
