// "How many recent demands would this subscription have matched?": the subscription editor's live preview. The same
// explainMatch the alerts use, over the most recent published demands (public text only), never the caller's own.
import { ok, type Demand, type MatchTier, type Result, type SubscriptionConditions, type SubscriptionPreview } from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import { explainMatch } from './matching/matcher';

/** How many recent demands the preview tries, and how many of its matches it lists. */
export const PREVIEW = { demands: 200, examples: 5 } as const;

export function createSubscriptionPreviewService(deps: {
  /** The most recent published demands, newest first, with their public text (at most PREVIEW.demands). */
  recentDemands: () => Promise<readonly Demand[]>;
}) {
  return {
    async preview(user: AuthUser, conditions: SubscriptionConditions): Promise<Result<SubscriptionPreview>> {
      const demands = (await deps.recentDemands()).filter((d) => d.ownerId !== user.id);
      const found: { demand: Demand; tier: MatchTier; score: number }[] = [];
      for (const demand of demands) {
        const e = explainMatch(conditions, demand);
        if (e) found.push({ demand, tier: e.tier ?? 'main', score: e.score ?? 1 });
      }
      const rank = (t: MatchTier) => (t === 'main' ? 0 : 1);
      // Stable: within a tier and score the newest comes first, as the demands came.
      const examples = [...found].sort((a, b) => rank(a.tier) - rank(b.tier) || b.score - a.score).slice(0, PREVIEW.examples);
      return ok({
        demands: demands.length,
        main: found.filter((f) => f.tier === 'main').length,
        mentioned: found.filter((f) => f.tier === 'mentioned').length,
        examples: examples.map((f) => ({ demandId: f.demand.id, title: f.demand.title ?? '', tier: f.tier })),
      });
    },
  };
}

export type SubscriptionPreviewService = ReturnType<typeof createSubscriptionPreviewService>;
