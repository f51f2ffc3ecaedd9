// Pure state changes of a listing: a demand or a 成果. Both move through the same states (shared/src/demand/demand.status.ts
// says who may move them where); a kind supplies its form's field names. The service loads, calls one of these, and
// stores the result under a version check.
import type { ListingMeta } from '@cic/shared';

export function moved<L extends ListingMeta>(listing: L, status: L['status'], at: string, note?: string): L {
  return {
    ...listing,
    status,
    updatedAt: at,
    version: listing.version + 1,
    history: [...listing.history, { status, at, ...(note ? { note } : {}) }],
  };
}

/** The transitions of one kind of listing, bound to the names of its form's fields. */
export function listingLifecycle<L extends ListingMeta, Form extends object>(formKeys: readonly string[]) {
  /** Keeps the metadata and replaces every form field with the form's. */
  function withForm(listing: L, form: Form, at: string): L {
    const meta: Record<string, unknown> = { ...(listing as object) };
    for (const key of formKeys) delete meta[key];
    return { ...(meta as L), ...form, updatedAt: at, version: listing.version + 1 };
  }

  return {
    withForm,

    /** A new draft; `extra` is the kind's own metadata (a demand's follower count). */
    newDraft: (
      input: { id: string; ownerId: string; form: Form; at: string },
      extra: Omit<L, keyof ListingMeta | keyof Form>,
    ): L => {
      const meta: ListingMeta = {
        id: input.id,
        ownerId: input.ownerId,
        status: 'draft',
        createdAt: input.at,
        updatedAt: input.at,
        version: 1,
        history: [{ status: 'draft', at: input.at }],
      };
      return { ...input.form, ...meta, ...extra } as unknown as L;
    },

    submitted: (listing: L, complete: Form, at: string, safety?: L['safety']): L => {
      const next = moved(withForm(listing, complete, at), 'pending_review', at);
      delete next.rejectReason;
      delete next.safety;
      return { ...next, version: listing.version + 1, submittedAt: at, ...(safety ? { safety } : {}) };
    },

    approved: (listing: L, at: string): L => {
      return { ...moved(listing, 'published', at), publishedAt: at };
    },

    rejected: (listing: L, reason: string, at: string): L => {
      return { ...moved(listing, 'rejected', at, reason), rejectReason: reason };
    },

    closed: (listing: L, at: string): L => {
      return { ...moved(listing, 'closed', at), closedAt: at };
    },
  };
}

export type ListingLifecycle<L extends ListingMeta, Form extends object> = ReturnType<typeof listingLifecycle<L, Form>>;
