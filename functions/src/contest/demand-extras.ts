// What a demand's detail page shows of its contest: its awards, its track, and the caller's part in it.
import type { DemandExtrasOf } from '../demands/demand.service';
import type { AwardRepository, FinalRepository, SolutionRepository, TrackRepository } from './contest.ports';
import { toPublicAward } from './award.service';
import { solutionIdOf } from './solution.lifecycle';

export function createDemandExtras(deps: {
  awards: Pick<AwardRepository, 'listByDemand'>;
  tracks: Pick<TrackRepository, 'get'>;
  solutions: Pick<SolutionRepository, 'get'>;
  finals: Pick<FinalRepository, 'load'>;
}): DemandExtrasOf {
  return async (viewer, demand) => {
    const [awards, track, mine, state] = await Promise.all([
      deps.awards.listByDemand(demand.id),
      demand.trackId ? deps.tracks.get(demand.trackId) : undefined,
      viewer ? deps.solutions.get(solutionIdOf(demand.id, viewer.id)) : undefined,
      viewer ? deps.finals.load(demand.id) : undefined,
    ]);
    return {
      awards: awards.map((a) => toPublicAward(a, demand)),
      ...(track ? { track: { id: track.id, name: track.name, kind: track.kind } } : {}),
      viewer: {
        ...(mine ? { mySolution: { id: mine.id, status: mine.status } } : {}),
        ...(viewer && state?.final?.judgeIds.includes(viewer.id) ? { isJudge: true } : {}),
      },
    };
  };
}
