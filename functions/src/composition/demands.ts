import { once } from '../common/once';
import { createDemandExtras } from '../contest/demand-extras';
import { createAwardDynamoRepository } from '../db/award.dynamo';
import { createFinalDynamoRepository } from '../db/final.dynamo';
import { createTrackDynamoRepository } from '../db/track.dynamo';
import { createDemandListService } from '../demands/demand-list.service';
import { createDemandService } from '../demands/demand.service';
import { base, type Base } from './base';
import { followRepository, solutionRepository } from './repositories';
import { search, type Search } from './search';
import { contentScreenOf, wechatTokens, type WechatTokens } from './wechat';

/** The demand's life (draft, submit, review, close, detail, the owner's list) and the public, searchable list. */
export function createDemands(b: Base, deps: { search: Search; wechatTokens: WechatTokens }) {
  const { doc, names } = b;
  const demands = createDemandService({
    demands: b.demandRepo,
    follows: followRepository(b),
    clock: b.clock,
    newId: b.newId,
    cursors: b.cursors,
    extras: createDemandExtras({
      awards: createAwardDynamoRepository(doc, names.awards),
      tracks: createTrackDynamoRepository(doc, names.tracks),
      solutions: solutionRepository(b),
      finals: createFinalDynamoRepository(doc, names.finals),
    }),
    screen: contentScreenOf(b, deps.wechatTokens),
  });
  const demandList = createDemandListService({ demands: b.demandRepo, search: deps.search, cursors: b.cursors });
  return { demands, demandList };
}

export const demands = once(() => createDemands(base(), { search: search(), wechatTokens: wechatTokens() }));
