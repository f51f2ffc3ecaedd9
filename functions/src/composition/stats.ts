import { once } from '../common/once';
import { createStatsDynamoRepository } from '../db/stats.dynamo';
import { createStatsService } from '../stats/stats.service';
import { base, type Base } from './base';

/** The organisers' counters, kept by the demands stream and read by GET /stats. */
export function createStats(b: Base) {
  return createStatsService({
    stats: createStatsDynamoRepository(b.doc, b.names.stats),
    clock: b.clock,
    cacheMs: b.cfg.STATS_CACHE_MS,
  });
}

export const stats = once(() => createStats(base()));
