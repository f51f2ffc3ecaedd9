// The in-memory search index of published 成果 (listing-search.ts), fed by the achievements table's byStatus and
// byChange indexes, with the 成果 list's filters (field, region, 技术成熟度).
import { provinceOf, type Achievement, type IndustryField } from '@cic/shared';
import type { Clock } from '../common/clock';
import type { AchievementRepository, PublishedAchievementFilter } from '../achievements/achievement.repository';
import { withPublicAchievementText } from '../achievements/achievement.view';
import { createListingSearch, filteredSearch } from './listing-search';

export interface AchievementSearchMeta {
  field: IndustryField | undefined;
  province: string | undefined;
  region: string;
  trl: number;
}

/** The test a list filter puts to a 成果's meta, or undefined when the filter lets every 成果 through. */
export function achievementMetaFilter(
  filter: PublishedAchievementFilter,
): ((meta: AchievementSearchMeta) => boolean) | undefined {
  const { field, province, regionContains, trlMin } = filter;
  const checks: ((meta: AchievementSearchMeta) => boolean)[] = [];
  if (field) checks.push((m) => m.field === field);
  if (province) checks.push((m) => m.province === province);
  if (regionContains) checks.push((m) => m.region.includes(regionContains));
  if (trlMin !== undefined) checks.push((m) => m.trl >= trlMin);
  return checks.length === 0 ? undefined : (meta) => checks.every((check) => check(meta));
}

export function createAchievementSearch(deps: {
  achievements: Pick<AchievementRepository, 'listPublished' | 'listChangedSince'>;
  clock: Clock;
  refreshMs: number;
}) {
  const listings = createListingSearch<Achievement, AchievementSearchMeta>({
    listPublished: (page) => deps.achievements.listPublished({}, page),
    listChangedSince: (since, page) => deps.achievements.listChangedSince(since, page),
    document(stored) {
      // The public text only: searching for an anonymous 成果's hidden holder or contact must find nothing.
      const a = withPublicAchievementText(stored);
      return {
        // The keywords weigh as the title does: they are the holder's own words for what the 成果 is.
        title: [a.title ?? '', ...(a.keywords ?? [])].join(' '),
        body: a.summary ?? '',
        meta: {
          field: a.field,
          province: a.region ? provinceOf(a.region) : undefined,
          region: a.region ?? '',
          trl: a.trl ?? 0,
        },
      };
    },
    clock: deps.clock,
    refreshMs: deps.refreshMs,
  });

  return filteredSearch(listings, achievementMetaFilter);
}

export type AchievementSearch = ReturnType<typeof createAchievementSearch>;
