import { once } from '../common/once';
import { createAchievementIndexDynamo } from '../db/achievement-index.dynamo';
import { createNotificationDynamoRepository } from '../db/notification.dynamo';
import { createMatchmaking } from '../matchmaking/matchmaking.service';
import { demandCandidates } from '../search/candidates';
import { base, type Base } from './base';
import { achievementRepository } from './repositories';
import { search, type Search } from './search';

/**
 * 成果粗匹配 and 成果粗评估: the 成果 percolator (in the percolator table), the 成果 and demands stores, the demands
 * search index (candidates for a 成果, similar demands) and the inbox. Used by the match routes and both streams.
 */
export function createMatches(b: Base, deps: { search: Search }) {
  const { doc, names } = b;
  return createMatchmaking({
    index: createAchievementIndexDynamo(doc, names.percolator),
    achievements: achievementRepository(b),
    demands: b.demandRepo,
    search: { candidates: (phrases, limit) => demandCandidates(deps.search, phrases, limit) },
    notifications: createNotificationDynamoRepository(doc, names.notifications),
    clock: b.clock,
  });
}

export const matches = once(() => createMatches(base(), { search: search() }));

/** The records of the achievements table's stream, as the stream handler reads them. */
export { achievementChangesOf } from '../db/stream-images';
