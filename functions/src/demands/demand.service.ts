import {
  canTransition,
  fail,
  isPubliclyVisible,
  ok,
  validateDemandComplete,
  type Demand,
  type DemandAction,
  type DemandDetailResponse,
  type DemandDraft,
  type Page,
  type Result,
  type ReviewOrder,
  type ReviewRequest,
} from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { CursorCodec } from '../common/cursor';
import { readPage, type PageParams } from '../common/paging';
import type { FollowRepository } from '../follows/follow.repository';
import { approved, closed, newDraft, rejected, submitted, withForm } from './demand.lifecycle';
import type { DemandRepository } from './demand.repository';
import { formOf, toPublicDemand } from './demand.view';

/** What the content check says about a demand's text, from the submitter's point of view. */
export type ContentScreen = (
  user: AuthUser,
  text: { title: string; description: string },
) => Promise<'pass' | 'review' | 'unchecked' | 'risky'>;

/** What the detail page shows besides the demand: its awards and track, and the caller's part in its contest. */
export type DemandExtras = Pick<DemandDetailResponse, 'awards' | 'track'> & {
  viewer: Pick<DemandDetailResponse['viewer'], 'mySolution' | 'isJudge'>;
};
export type DemandExtrasOf = (viewer: AuthUser | undefined, demand: Demand) => Promise<DemandExtras>;
const noExtras: DemandExtrasOf = async () => ({ awards: [], viewer: {} });

/** Without a content check configured (unit tests), every text is taken as checked and clean. */
const noScreen: ContentScreen = async () => 'pass';

export interface DemandServiceDeps {
  screen?: ContentScreen;
  extras?: DemandExtrasOf;
  demands: DemandRepository;
  follows: Pick<FollowRepository, 'isFollowing'>;
  clock: Clock;
  newId: () => string;
  cursors: CursorCodec;
}

const isAdmin = (user: AuthUser | undefined) => user?.role === 'admin';
const isOwner = (user: AuthUser | undefined, demand: Demand) => user !== undefined && user.id === demand.ownerId;

export function createDemandService(deps: DemandServiceDeps) {
  const now = () => deps.clock.now().toISOString();

  /**
   * Loads a demand for an action by its owner (or an admin, for review). Someone who may not even see it gets 404,
   * someone who may see it but not act gets 403, and a wrong status is 409.
   */
  async function loadFor(user: AuthUser, id: string, action: DemandAction): Promise<Result<Demand>> {
    const demand = await deps.demands.get(id);
    if (!demand) return fail('DEMAND.NOT_FOUND');
    const actor = action === 'approve' || action === 'reject' ? isAdmin(user) : isOwner(user, demand);
    if (!actor) {
      const canSee = isAdmin(user) || isOwner(user, demand) || isPubliclyVisible(demand.status, demand.publishedAt);
      return fail(canSee ? 'AUTH.FORBIDDEN' : 'DEMAND.NOT_FOUND');
    }
    if (!canTransition(action, demand.status)) {
      return fail(action === 'edit' ? 'DEMAND.NOT_EDITABLE' : 'DEMAND.INVALID_TRANSITION');
    }
    return ok(demand);
  }

  async function store(next: Demand, previous: Demand): Promise<Result<Demand>> {
    const written = await deps.demands.updateIfVersion(next, previous.version);
    return written ? ok(next) : fail('DEMAND.VERSION_CONFLICT');
  }

  return {
    async createDraft(user: AuthUser, form: DemandDraft): Promise<Result<Demand>> {
      const demand = newDraft({ id: deps.newId(), ownerId: user.id, form, at: now() });
      // A fresh ULID never collides; if it ever did, reporting success for an unstored demand would lose input.
      if ((await deps.demands.create(demand)) === 'exists') throw new Error(`demand id collision: ${demand.id}`);
      return ok(demand);
    },

    async updateDraft(user: AuthUser, id: string, form: DemandDraft, expectedVersion?: number): Promise<Result<Demand>> {
      const loaded = await loadFor(user, id, 'edit');
      if (!loaded.ok) return loaded;
      if (expectedVersion !== undefined && expectedVersion !== loaded.value.version) {
        return fail('DEMAND.VERSION_CONFLICT');
      }
      return store(withForm(loaded.value, form, now()), loaded.value);
    },

    async submit(user: AuthUser, id: string): Promise<Result<Demand>> {
      const loaded = await loadFor(user, id, 'submit');
      if (!loaded.ok) return loaded;
      const complete = validateDemandComplete(formOf(loaded.value));
      if (!complete.ok) {
        return fail('DEMAND.INCOMPLETE', { fields: complete.fields, ...(complete.message ? { message: complete.message } : {}) });
      }
      const verdict = await (deps.screen ?? noScreen)(user, complete.value);
      if (verdict === 'risky') return fail('DEMAND.CONTENT_RISKY');
      const safety = verdict === 'pass' ? undefined : verdict;
      return store(submitted(loaded.value, complete.value, now(), safety), loaded.value);
    },

    async close(user: AuthUser, id: string): Promise<Result<Demand>> {
      const loaded = await loadFor(user, id, 'close');
      if (!loaded.ok) return loaded;
      return store(closed(loaded.value, now()), loaded.value);
    },

    async review(admin: AuthUser, id: string, input: ReviewRequest): Promise<Result<Demand>> {
      if (!isAdmin(admin)) return fail('AUTH.FORBIDDEN');
      if (input.decision === 'reject' && !input.reason) {
        return fail('REVIEW.REASON_REQUIRED', { fields: { reason: '驳回时请填写原因，需求方会看到它' } });
      }
      const loaded = await loadFor(admin, id, input.decision);
      if (!loaded.ok) return loaded;
      const at = now();
      const next = input.decision === 'approve' ? approved(loaded.value, at) : rejected(loaded.value, input.reason ?? '', at);
      return store(next, loaded.value);
    },

    async detail(viewer: AuthUser | undefined, id: string): Promise<Result<DemandDetailResponse>> {
      const demand = await deps.demands.get(id);
      if (!demand) return fail('DEMAND.NOT_FOUND');
      const owner = isOwner(viewer, demand);
      const privileged = owner || isAdmin(viewer);
      if (!privileged && !isPubliclyVisible(demand.status, demand.publishedAt)) return fail('DEMAND.NOT_FOUND');
      const [following, extras] = await Promise.all([
        viewer ? deps.follows.isFollowing(viewer.id, id) : false,
        (deps.extras ?? noExtras)(viewer, demand),
      ]);
      const view = privileged ? demand : toPublicDemand(demand);
      return ok({ ...view, ...extras, viewer: { isOwner: owner, following, ...extras.viewer } });
    },

    listMine(user: AuthUser, params: PageParams): Promise<Result<Page<Demand>>> {
      return readPage(deps.cursors, `mine:${user.id}`, params, (page) => deps.demands.listByOwner(user.id, page));
    },

    /** The queue of demands waiting for review; a cursor only continues the order it was made for. */
    listReviewQueue(admin: AuthUser, params: PageParams, order: ReviewOrder = 'oldest'): Promise<Result<Page<Demand>>> {
      if (!isAdmin(admin)) return Promise.resolve(fail('AUTH.FORBIDDEN'));
      return readPage(deps.cursors, `review:${order}`, params, (page) => deps.demands.listPendingReview(page, order));
    },
  };
}

export type DemandService = ReturnType<typeof createDemandService>;
