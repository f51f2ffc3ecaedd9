// The in-memory search index of published 成果 (listing-search.ts), fed by the achievements table's byStatus and
// byChange indexes, with the 成果 list's filters (field, region, 技术成熟度).
import type { Achievement } from '@cic/shared';
import type { Clock } from '../common/clock';
import type { AchievementRepository, PublishedAchievementFilter } from '../achievements/achievement.repository';
import { withPublicAchievementText } from '../achievements/achievement.view';
import {
  createListingSearch,
  filteredSearch,
  listingMetaFilter,
  listingSearchMeta,
  type ListingSearchMeta,
} from './listing-search';

export interface AchievementSearchMeta extends ListingSearchMeta {
  trl: number;
}

/** The test a list filter puts to a 成果's meta, or undefined when the filter lets every 成果 through. */
export function achievementMetaFilter(
  filter: PublishedAchievementFilter,
): ((meta: AchievementSearchMeta) => boolean) | undefined {
  const { trlMin } = filter;
  return listingMetaFilter<AchievementSearchMeta>(filter, trlMin === undefined ? [] : [(m) => m.trl >= trlMin]);
}

export function createAchievementSearch(deps: {
  achievements: Pick<AchievementRepository, 'listPublished' | 'listChangedSince'>;
  clock: Clock;
  refreshMs: number;
}) {
  const listings = createListingSearch<Achievement, AchievementSearchMeta>({
    ...deps,
    store: deps.achievements,
    document(stored) {
      // The public text only: searching for an anonymous 成果's hidden holder or contact must find nothing.
      const a = withPublicAchievementText(stored);
      return {
        // The keywords weigh as the title does: they are the holder's own words for what the 成果 is.
        title: [a.title ?? '', ...(a.keywords ?? [])].join(' '),
        body: a.summary ?? '',
        meta: { ...listingSearchMeta(a), trl: a.trl ?? 0 },
      };
    },
  });

  return filteredSearch(listings, achievementMetaFilter);
}

export type AchievementSearch = ReturnType<typeof createAchievementSearch>;
