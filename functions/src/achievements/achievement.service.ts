// The life of a 成果: the demands' lifecycle, review and anonymity (listings/), on the achievements table. Edit and
// submit from draft or rejected, approve or reject while under review (admins), close by the holder until closed.
import {
  fail,
  LIST_LIMIT,
  ok,
  validateAchievementComplete,
  type Achievement,
  type AchievementComplete,
  type AchievementDetailResponse,
  type AchievementDraft,
  type AchievementListQuery,
  type AchievementListResponse,
  type Result,
} from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { CursorCodec } from '../common/cursor';
import { listingLifecycle } from '../listings/listing.lifecycle';
import { createListingList, regionFilterOf } from '../listings/listing-list';
import { createListingService, listingActions, type ContentScreen, type ListingKind } from '../listings/listing.service';
import type { AchievementSearch } from '../search/achievement-search';
import type { AchievementRepository, PublishedAchievementFilter } from './achievement.repository';
import { ACHIEVEMENT_FORM_KEYS, achievementFormOf, toAchievementSummary, toPublicAchievement } from './achievement.view';

export const achievementLifecycle = listingLifecycle<Achievement, AchievementDraft>(ACHIEVEMENT_FORM_KEYS);

/** The 成果 as a kind of listing: its form, the ACHIEVEMENT.* codes. */
export const ACHIEVEMENT_LISTING: ListingKind<Achievement, AchievementDraft, AchievementComplete> = {
  name: 'achievement',
  errors: {
    notFound: 'ACHIEVEMENT.NOT_FOUND',
    notEditable: 'ACHIEVEMENT.NOT_EDITABLE',
    invalidTransition: 'ACHIEVEMENT.INVALID_TRANSITION',
    versionConflict: 'ACHIEVEMENT.VERSION_CONFLICT',
    incomplete: 'ACHIEVEMENT.INCOMPLETE',
    contentRisky: 'ACHIEVEMENT.CONTENT_RISKY',
  },
  lifecycle: achievementLifecycle,
  formOf: achievementFormOf,
  validateComplete: validateAchievementComplete,
  // The content check reads what the public will read: the name and the 成果简介.
  screenText: (complete) => ({ title: complete.title, description: complete.summary }),
  newExtra: {},
  cursorScope: 'achievement:',
  ownerNoun: '成果持有方',
};

export function achievementFilterOf(
  query: Pick<AchievementListQuery, 'field' | 'region' | 'trlMin'>,
): PublishedAchievementFilter {
  const filter: PublishedAchievementFilter = {};
  if (query.field) filter.field = query.field;
  if (query.trlMin !== undefined) filter.trlMin = query.trlMin;
  return { ...filter, ...regionFilterOf(query.region) };
}

export interface AchievementServiceDeps {
  achievements: AchievementRepository;
  search: Pick<AchievementSearch, 'search'>;
  screen?: ContentScreen | undefined;
  clock: Clock;
  newId: () => string;
  cursors: CursorCodec;
}

export function createAchievementService(deps: AchievementServiceDeps) {
  const listing = createListingService(ACHIEVEMENT_LISTING, { ...deps, store: deps.achievements });
  const list = createListingList({
    kind: 'achievement',
    listPublished: (filter: PublishedAchievementFilter, page) => deps.achievements.listPublished(filter, page),
    getMany: (ids) => deps.achievements.getMany(ids),
    search: (q, filter, limit) => deps.search.search(q, filter, limit),
    summary: (a: Achievement) => toAchievementSummary(toPublicAchievement(a)),
    cursors: deps.cursors,
  });

  return {
    ...listingActions(listing),

    /** GET /achievements/{id}: the holder and admins see all of it; anyone else the public view, once published. */
    async detail(viewer: AuthUser | undefined, id: string): Promise<Result<AchievementDetailResponse>> {
      const seen = await listing.seenBy(viewer, id, toPublicAchievement);
      if (!seen.ok) return fail(seen.error.code);
      return ok({ ...seen.value.view, viewer: { isOwner: seen.value.isOwner } });
    },

    /** GET /achievements (成果搜索): published 成果, filtered, newest first or ranked by `q`. */
    list(query: AchievementListQuery): Promise<Result<AchievementListResponse>> {
      return list({ q: query.q, cursor: query.cursor, limit: query.limit ?? LIST_LIMIT.default }, achievementFilterOf(query));
    },
  };
}

export type AchievementService = ReturnType<typeof createAchievementService>;
