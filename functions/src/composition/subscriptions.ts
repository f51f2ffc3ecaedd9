import { ok, type ConceptExpansion, type Demand, type Result } from '@cic/shared';
import { conceptExpansionOf, variantsOf } from '../alerts/matching/concepts';
import { createSubscriptionPreviewService, PREVIEW } from '../alerts/subscription-preview.service';
import { createSubscriptionService } from '../alerts/subscription.service';
import { once } from '../common/once';
import { createSubscriptionDynamoRepository } from '../db/subscription.dynamo';
import { withPublicText } from '../demands/demand.view';
import { base, type Base } from './base';
import { search, type Search } from './search';

/** Saved searches; a keyword's rarity is read from the search index (with its synonyms). */
export function createSubscriptions(b: Base, deps: { search: Search }) {
  return createSubscriptionService({
    subscriptions: createSubscriptionDynamoRepository(b.doc, b.names),
    documentFrequency: async (keyword) => {
      let total = 0;
      for (const variant of variantsOf(keyword)) total += await deps.search.documentFrequency(variant);
      return total;
    },
    clock: b.clock,
    newId: b.newId,
  });
}

export const subscriptions = once(() => createSubscriptions(base(), { search: search() }));

/** The recent demands a preview is tried on are read again when another demand is published, and at least this often. */
const PREVIEW_MAX_AGE_MS = 5 * 60_000;

/**
 * The subscription editor's live preview, over the most recent published demands. Each preview reads only the newest
 * published demand (a Query of one item); the 200 are read again when that one is not the one they started with.
 */
export function createSubscriptionPreview(b: Base) {
  const demands = b.demandRepo;
  let cached: { at: number; newest: string | undefined; demands: readonly Demand[] } | undefined;
  return createSubscriptionPreviewService({
    recentDemands: async () => {
      const now = b.clock.now().getTime();
      const newest = (await demands.listPublished({}, { limit: 1 })).items[0]?.id;
      if (!cached || cached.newest !== newest || now - cached.at >= PREVIEW_MAX_AGE_MS) {
        const page = await demands.listPublished({}, { limit: PREVIEW.demands });
        cached = { at: now, newest: page.items[0]?.id, demands: page.items.map(withPublicText) };
      }
      return cached.demands;
    },
  });
}

export const subscriptionPreview = once(() => createSubscriptionPreview(base()));

/** The shipped thesaurus, as the subscription editor shows it. */
export const concepts = {
  expand: (keyword: string): Promise<Result<ConceptExpansion>> => Promise.resolve(ok(conceptExpansionOf(keyword))),
};
