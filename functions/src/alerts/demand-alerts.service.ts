// What a change to a demand means for other people: a newly published demand alerts the subscribers it matches,
// and a followed demand that closes alerts its followers. The owner is never alerted about their own demand.
import type { Demand, MatchTier, Notification } from '@cic/shared';
import type { Clock } from '../common/clock';
import { withPublicText } from '../demands/demand.view';
import { log } from '../log/logger';
import { matchDemand } from './matching/matcher';
import type { NotificationRepository } from './notification.repository';
import type { PercolatorPort } from './percolator.port';
import { lexicalOnly, reranked, type RerankerPort } from './reranker.port';

const tierRank = (tier: MatchTier | undefined) => (tier === 'mentioned' ? 1 : 0);

export function createDemandAlerts(deps: {
  percolator: PercolatorPort;
  /** Moves matches between tiers (a hosted semantic model); the lexical tiers when absent. */
  reranker?: RerankerPort;
  notifications: Pick<NotificationRepository, 'createOnce'>;
  followers: (demandId: string) => Promise<string[]>;
  clock: Clock;
}) {
  async function notifyMatches(demand: Demand): Promise<number> {
    const result = await matchDemand(demand, deps.percolator);
    const matches = await reranked(deps.reranker ?? lexicalOnly, demand, result.matches);
    const at = deps.clock.now().toISOString();
    let created = 0;
    // One notification per (user, demand, reason): a user with two matching subscriptions gets one — the best match,
    // as the matches are taken main tier first, then by score — and a replayed stream batch finds them written already.
    const best = [...matches].sort(
      (a, b) =>
        tierRank(a.explanation.tier) - tierRank(b.explanation.tier) || (b.explanation.score ?? 0) - (a.explanation.score ?? 0),
    );
    for (const { subscription, explanation } of best) {
      const tier = explanation.tier ?? 'main';
      const notification: Notification = {
        id: `new_match#${demand.id}`,
        userId: subscription.userId,
        demandId: demand.id,
        reason: 'new_match',
        title: demand.title ?? '',
        createdAt: at,
        subscriptionId: subscription.id,
        explanation,
        tier,
        broad: subscription.keywords.length === 0,
        // A push spends the subscriber's one-time quota: only for the main topic, unless they asked for mentions too.
        push: tier === 'main' || subscription.pushMentioned ? 'pending' : 'inbox_only',
      };
      if (await deps.notifications.createOnce(notification)) created += 1;
    }
    log.info('alerts.matched', {
      demandId: demand.id,
      matches: result.matches.length,
      created,
      itemsRead: result.itemsRead,
      partitionsRead: result.partitionsRead,
    });
    return created;
  }

  async function notifyFollowers(demand: Demand): Promise<number> {
    const at = deps.clock.now().toISOString();
    let created = 0;
    for (const userId of await deps.followers(demand.id)) {
      if (userId === demand.ownerId) continue;
      const fresh = await deps.notifications.createOnce({
        id: `status_${demand.status}#${demand.id}`,
        userId,
        demandId: demand.id,
        reason: 'status_closed',
        status: demand.status,
        title: demand.title ?? '',
        createdAt: at,
        push: 'pending',
      });
      if (fresh) created += 1;
    }
    return created;
  }

  return {
    /** Called with the old and new image of each changed demand (from the demands table's stream). */
    async onDemandChange(before: Demand | undefined, stored: Demand | undefined): Promise<number> {
      if (!stored) return 0;
      // Subscribers and followers see the public text: matching and titles never use an anonymous demand's hidden values.
      const after = withPublicText(stored);
      if (after.status === 'published' && before?.status !== 'published') return notifyMatches(after);
      if ((before?.status === 'published' || before?.status === 'matched') && after.status === 'closed') {
        return notifyFollowers(after);
      }
      return 0;
    },
  };
}

export type DemandAlerts = ReturnType<typeof createDemandAlerts>;
