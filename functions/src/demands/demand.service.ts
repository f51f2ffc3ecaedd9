import {
  fail,
  ok,
  validateDemandComplete,
  type Demand,
  type DemandComplete,
  type DemandDetailResponse,
  type DemandDraft,
  type Result,
} from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { CursorCodec } from '../common/cursor';
import type { FollowRepository } from '../follows/follow.repository';
import { createListingService, listingActions, type ContentScreen, type ListingKind } from '../listings/listing.service';
import type { DemandRepository } from './demand.repository';
import { demandLifecycle } from './demand.lifecycle';
import { formOf, toPublicDemand } from './demand.view';

export type { ContentScreen } from '../listings/listing.service';

/** What the detail page shows besides the demand: its awards and track, and the caller's part in its contest. */
export type DemandExtras = Pick<DemandDetailResponse, 'awards' | 'track'> & {
  viewer: Pick<DemandDetailResponse['viewer'], 'mySolution' | 'isJudge'>;
};
export type DemandExtrasOf = (viewer: AuthUser | undefined, demand: Demand) => Promise<DemandExtras>;
const noExtras: DemandExtrasOf = async () => ({ awards: [], viewer: {} });

export interface DemandServiceDeps {
  screen?: ContentScreen;
  extras?: DemandExtrasOf;
  demands: DemandRepository;
  follows: Pick<FollowRepository, 'isFollowing'>;
  clock: Clock;
  newId: () => string;
  cursors: CursorCodec;
}

/** The demand as a kind of listing (listings/): the 附件3 form, the DEMAND.* codes. */
export const DEMAND_LISTING: ListingKind<Demand, DemandDraft, DemandComplete> = {
  name: 'demand',
  errors: {
    notFound: 'DEMAND.NOT_FOUND',
    notEditable: 'DEMAND.NOT_EDITABLE',
    invalidTransition: 'DEMAND.INVALID_TRANSITION',
    versionConflict: 'DEMAND.VERSION_CONFLICT',
    incomplete: 'DEMAND.INCOMPLETE',
    contentRisky: 'DEMAND.CONTENT_RISKY',
  },
  lifecycle: demandLifecycle,
  formOf,
  validateComplete: validateDemandComplete,
  screenText: (complete) => ({ title: complete.title, description: complete.description }),
  newExtra: { followerCount: 0 },
  cursorScope: '',
  ownerNoun: '需求方',
};

export function createDemandService(deps: DemandServiceDeps) {
  const listing = createListingService(DEMAND_LISTING, { ...deps, store: deps.demands });

  return {
    ...listingActions(listing),

    async detail(viewer: AuthUser | undefined, id: string): Promise<Result<DemandDetailResponse>> {
      const seen = await listing.seenBy(viewer, id, toPublicDemand);
      if (!seen.ok) return fail(seen.error.code);
      const { listing: demand, view, isOwner } = seen.value;
      const [following, extras] = await Promise.all([
        viewer ? deps.follows.isFollowing(viewer.id, id) : false,
        (deps.extras ?? noExtras)(viewer, demand),
      ]);
      return ok({ ...view, ...extras, viewer: { isOwner, following, ...extras.viewer } });
    },
  };
}

export type DemandService = ReturnType<typeof createDemandService>;
