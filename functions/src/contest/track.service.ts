// Tracks (专场): organisers create them and put demands in them; anyone lists them and filters demands by them.
import { fail, ok, type Demand, type Result, type Track, type TrackRequest, type TracksResponse } from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import { inTrack } from '../demands/demand.lifecycle';
import type { DemandRepository } from '../demands/demand.repository';
import type { TrackRepository } from './contest.ports';

export function createTrackService(deps: {
  tracks: TrackRepository;
  demands: Pick<DemandRepository, 'get' | 'updateIfVersion'>;
  clock: Clock;
  newId: () => string;
}) {
  return {
    async create(admin: AuthUser, input: TrackRequest): Promise<Result<Track>> {
      if (admin.role !== 'admin') return fail('AUTH.FORBIDDEN');
      const track: Track = { ...input, id: deps.newId(), createdAt: deps.clock.now().toISOString() };
      await deps.tracks.create(track);
      return ok(track);
    },

    async list(): Promise<Result<TracksResponse>> {
      return ok({ items: await deps.tracks.list() });
    },

    async assign(admin: AuthUser, demandId: string, trackId: string | null): Promise<Result<Demand>> {
      if (admin.role !== 'admin') return fail('AUTH.FORBIDDEN');
      const demand = await deps.demands.get(demandId);
      if (!demand) return fail('DEMAND.NOT_FOUND');
      if (trackId && !(await deps.tracks.get(trackId))) return fail('TRACK.NOT_FOUND');
      const next = inTrack(demand, trackId, deps.clock.now().toISOString());
      return (await deps.demands.updateIfVersion(next, demand.version)) ? ok(next) : fail('DEMAND.VERSION_CONFLICT');
    },
  };
}

export type TrackService = ReturnType<typeof createTrackService>;
