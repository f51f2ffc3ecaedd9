import { createAwardService } from '../contest/award.service';
import { createFinalService } from '../contest/final.service';
import { createTrackService } from '../contest/track.service';
import { once } from '../common/once';
import { createAwardDynamoRepository } from '../db/award.dynamo';
import { createFinalDynamoRepository } from '../db/final.dynamo';
import { createTrackDynamoRepository } from '../db/track.dynamo';
import { base, type Base } from './base';
import { solutionRepository } from './repositories';

/** The organisers' side of the contest: finals with judges and scores, tracks (专场) and awards. */
export function createContest(b: Base) {
  const { doc, names, clock } = b;
  const solutionRepo = solutionRepository(b);
  const finalRepo = createFinalDynamoRepository(doc, names.finals);
  return {
    finals: createFinalService({ finals: finalRepo, solutions: solutionRepo, demands: b.demandRepo, users: b.users, clock }),
    tracks: createTrackService({
      tracks: createTrackDynamoRepository(doc, names.tracks),
      demands: b.demandRepo,
      clock,
      newId: b.newId,
    }),
    awards: createAwardService({
      awards: createAwardDynamoRepository(doc, names.awards),
      demands: b.demandRepo,
      solutions: solutionRepo,
      clock,
      newId: b.newId,
    }),
  };
}

export const contest = once(() => createContest(base()));
