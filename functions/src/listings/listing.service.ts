// The life of a listing (a demand or a 成果), written once: a draft, edits under If-Match, submit with the complete
// form's check and the content screen, review by an admin, close by the owner, the owner's list and the review queue.
// Who may move a listing where is shared/src/demand/demand.status.ts (a 成果 is never matched, so `match` never
// applies to one); each kind brings its form, its error codes and its store.
import {
  canTransition,
  fail,
  isPubliclyVisible,
  ok,
  type DemandAction,
  type ErrorCode,
  type ListingMeta,
  type Page,
  type Result,
  type ReviewOrder,
  type ReviewRequest,
  type Validated,
} from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { CursorCodec } from '../common/cursor';
import { readPage, type PageParams } from '../common/paging';
import type { ListingLifecycle } from './listing.lifecycle';
import type { ListingRepository } from './listing.repository';

/** What the content check says about a listing's text, from the submitter's point of view. */
export type ContentScreen = (
  user: AuthUser,
  text: { title: string; description: string },
) => Promise<'pass' | 'review' | 'unchecked' | 'risky'>;

/** Without a content check configured (unit tests), every text is taken as checked and clean. */
const noScreen: ContentScreen = async () => 'pass';

/** The named accesses of a listings store the lifecycle uses. */
export type ListingStore<L> = Pick<
  ListingRepository<L, unknown>,
  'create' | 'get' | 'updateIfVersion' | 'listByOwner' | 'listPendingReview'
>;

/** One kind of listing: its form, its codes and words. */
export interface ListingKind<L extends ListingMeta, Form extends object, Complete extends Form> {
  name: string;
  errors: {
    notFound: ErrorCode;
    notEditable: ErrorCode;
    invalidTransition: ErrorCode;
    versionConflict: ErrorCode;
    incomplete: ErrorCode;
    contentRisky: ErrorCode;
  };
  lifecycle: ListingLifecycle<L, Form>;
  /** The stored form fields, as the complete check reads them. */
  formOf(listing: L): unknown;
  validateComplete(input: unknown): Validated<Complete>;
  /** The text the content check reads: the title and the main text. */
  screenText(complete: Complete): { title: string; description: string };
  /** The kind's own metadata of a new draft. */
  newExtra: Omit<L, keyof ListingMeta | keyof Form>;
  /** Prefix of the cursors' scopes, so that a cursor of one kind's list is refused by the other's. */
  cursorScope: string;
  /** Who reads a reject reason (需求方, 成果持有方). */
  ownerNoun: string;
}

export interface ListingServiceDeps<L> {
  store: ListingStore<L>;
  clock: Clock;
  newId: () => string;
  cursors: CursorCodec;
  screen?: ContentScreen | undefined;
}

export const isAdmin = (user: AuthUser | undefined) => user?.role === 'admin';
export const isOwner = (user: AuthUser | undefined, listing: ListingMeta) => user !== undefined && user.id === listing.ownerId;
/** The owner and the organisers see everything of a listing; anyone else its public view, once published. */
export const isPrivileged = (user: AuthUser | undefined, listing: ListingMeta) => isOwner(user, listing) || isAdmin(user);
export const isVisibleTo = (user: AuthUser | undefined, listing: ListingMeta) =>
  isPrivileged(user, listing) || isPubliclyVisible(listing.status, listing.publishedAt);

export function createListingService<L extends ListingMeta, Form extends object, Complete extends Form>(
  kind: ListingKind<L, Form, Complete>,
  deps: ListingServiceDeps<L>,
) {
  const now = () => deps.clock.now().toISOString();
  const { errors, lifecycle } = kind;

  /**
   * Loads a listing for an action by its owner (or an admin, for review). Someone who may not even see it gets 404,
   * someone who may see it but not act gets 403, and a wrong status is 409.
   */
  async function loadFor(user: AuthUser, id: string, action: DemandAction): Promise<Result<L>> {
    const listing = await deps.store.get(id);
    if (!listing) return fail(errors.notFound);
    const actor = action === 'approve' || action === 'reject' ? isAdmin(user) : isOwner(user, listing);
    if (!actor) return fail(isVisibleTo(user, listing) ? 'AUTH.FORBIDDEN' : errors.notFound);
    if (!canTransition(action, listing.status)) return fail(action === 'edit' ? errors.notEditable : errors.invalidTransition);
    return ok(listing);
  }

  async function store(next: L, previous: L): Promise<Result<L>> {
    const written = await deps.store.updateIfVersion(next, previous.version);
    return written ? ok(next) : fail(errors.versionConflict);
  }

  return {
    loadFor,
    store,

    createDraft: async (user: AuthUser, form: Form): Promise<Result<L>> => {
      const listing = lifecycle.newDraft({ id: deps.newId(), ownerId: user.id, form, at: now() }, kind.newExtra);
      // A fresh ULID never collides; if it ever did, reporting success for an unstored listing would lose input.
      if ((await deps.store.create(listing)) === 'exists') throw new Error(`${kind.name} id collision: ${listing.id}`);
      return ok(listing);
    },

    updateDraft: async (user: AuthUser, id: string, form: Form, expectedVersion?: number): Promise<Result<L>> => {
      const loaded = await loadFor(user, id, 'edit');
      if (!loaded.ok) return loaded;
      if (expectedVersion !== undefined && expectedVersion !== loaded.value.version) return fail(errors.versionConflict);
      return store(lifecycle.withForm(loaded.value, form, now()), loaded.value);
    },

    submit: async (user: AuthUser, id: string): Promise<Result<L>> => {
      const loaded = await loadFor(user, id, 'submit');
      if (!loaded.ok) return loaded;
      const complete = kind.validateComplete(kind.formOf(loaded.value));
      if (!complete.ok) {
        return fail(errors.incomplete, { fields: complete.fields, ...(complete.message ? { message: complete.message } : {}) });
      }
      const verdict = await (deps.screen ?? noScreen)(user, kind.screenText(complete.value));
      if (verdict === 'risky') return fail(errors.contentRisky);
      const safety = verdict === 'pass' ? undefined : verdict;
      return store(lifecycle.submitted(loaded.value, complete.value, now(), safety), loaded.value);
    },

    close: async (user: AuthUser, id: string): Promise<Result<L>> => {
      const loaded = await loadFor(user, id, 'close');
      if (!loaded.ok) return loaded;
      return store(lifecycle.closed(loaded.value, now()), loaded.value);
    },

    review: async (admin: AuthUser, id: string, input: ReviewRequest): Promise<Result<L>> => {
      if (!isAdmin(admin)) return fail('AUTH.FORBIDDEN');
      if (input.decision === 'reject' && !input.reason) {
        return fail('REVIEW.REASON_REQUIRED', { fields: { reason: `驳回时请填写原因，${kind.ownerNoun}会看到它` } });
      }
      const loaded = await loadFor(admin, id, input.decision);
      if (!loaded.ok) return loaded;
      const at = now();
      const next =
        input.decision === 'approve'
          ? lifecycle.approved(loaded.value, at)
          : lifecycle.rejected(loaded.value, input.reason ?? '', at);
      return store(next, loaded.value);
    },

    /**
     * What a viewer sees of a listing, if they may see it at all (else the kind's 404): the owner and the organisers
     * all of it, anyone else its public view.
     */
    seenBy: async <V>(
      viewer: AuthUser | undefined,
      id: string,
      toPublic: (listing: L) => V,
    ): Promise<Result<{ listing: L; view: L | V; isOwner: boolean }>> => {
      const listing = await deps.store.get(id);
      if (!listing || !isVisibleTo(viewer, listing)) return fail(errors.notFound);
      const view = isPrivileged(viewer, listing) ? listing : toPublic(listing);
      return ok({ listing, view, isOwner: isOwner(viewer, listing) });
    },

    listMine: (user: AuthUser, params: PageParams): Promise<Result<Page<L>>> => {
      return readPage(deps.cursors, `${kind.cursorScope}mine:${user.id}`, params, (page) =>
        deps.store.listByOwner(user.id, page),
      );
    },

    /** The queue of listings waiting for review; a cursor only continues the order it was made for. */
    listReviewQueue: (admin: AuthUser, params: PageParams, order: ReviewOrder = 'oldest'): Promise<Result<Page<L>>> => {
      if (!isAdmin(admin)) return Promise.resolve(fail('AUTH.FORBIDDEN'));
      return readPage(deps.cursors, `${kind.cursorScope}review:${order}`, params, (page) =>
        deps.store.listPendingReview(page, order),
      );
    },
  };
}

/** What a kind's service offers as is from its listing service: the owner's and the organisers' actions and lists. */
type Action = 'createDraft' | 'updateDraft' | 'submit' | 'close' | 'review' | 'listMine' | 'listReviewQueue';
export function listingActions<S extends Record<Action, unknown>>(service: S): Pick<S, Action> {
  const { createDraft, updateDraft, submit, close, review, listMine, listReviewQueue } = service;
  return { createDraft, updateDraft, submit, close, review, listMine, listReviewQueue };
}
