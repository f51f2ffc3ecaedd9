import { variantsOf } from '../alerts/matching/synonyms';
import { createSubscriptionService } from '../alerts/subscription.service';
import { once } from '../common/once';
import { createSubscriptionDynamoRepository } from '../db/subscription.dynamo';
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
