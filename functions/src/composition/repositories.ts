import { createAchievementDynamoRepository } from '../db/achievement.dynamo';
import { createFollowDynamoRepository } from '../db/follow.dynamo';
import { createSolutionDynamoRepository } from '../db/solution.dynamo';
import type { Base } from './base';

// The repositories that several parts build, with the tables each spans. They hold no state, so a part builds its own;
// a bundle keeps only the ones its parts call.

export function followRepository(b: Base) {
  return createFollowDynamoRepository(b.doc, { follows: b.names.follows, demands: b.names.demands });
}

export function solutionRepository(b: Base) {
  return createSolutionDynamoRepository(b.doc, { solutions: b.names.solutions, demands: b.names.demands });
}

/** The 成果 store (成果库). */
export function achievementRepository(b: Base) {
  return createAchievementDynamoRepository(b.doc, b.names.achievements);
}
