import { once } from '../common/once';
import { createFollowService } from '../follows/follow.service';
import { base, type Base } from './base';
import { followRepository } from './repositories';

export function createFollows(b: Base) {
  return createFollowService({
    follows: followRepository(b),
    demands: b.demandRepo,
    clock: b.clock,
    cursors: b.cursors,
  });
}

export const follows = once(() => createFollows(base()));
