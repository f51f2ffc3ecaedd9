import { once } from '../common/once';
import { createFollowDynamoRepository } from '../db/follow.dynamo';
import { createFollowService } from '../follows/follow.service';
import { base, type Base } from './base';

export function createFollows(b: Base) {
  return createFollowService({
    follows: createFollowDynamoRepository(b.doc, { follows: b.names.follows, demands: b.names.demands }),
    demands: b.demandRepo,
    clock: b.clock,
    cursors: b.cursors,
  });
}

export const follows = once(() => createFollows(base()));
