// InvitationRepository in memory, with the semantics of the DynamoDB adapter (functions/src/db/invitation.dynamo.ts):
// copies in and out, the put only for a new pair or over a declined one, the answer only while open, the holder's
// invitations newest first in pages that continue from a key position, and the figures' counters moved with the writes.
import type { Invitation } from '@cic/shared';
import type { PageRequest, StorePage } from '../../../src/common/page';
import type { InvitationRepository } from '../../../src/invitations/invitation.repository';

export interface InMemoryInvitationRepository extends InvitationRepository {
  /** What the adapter adds to the figures' counters in the same transactions. */
  readonly counted: { invitations: number; invitationsAccepted: number };
  all(): Invitation[];
}

export function createInMemoryInvitationRepository(): InMemoryInvitationRepository {
  const items = new Map<string, Invitation>();
  const counted = { invitations: 0, invitationsAccepted: 0 };
  const sortKey = (i: Invitation) => `${i.createdAt}#${i.id}`;
  return {
    counted,
    all: () => [...items.values()].map((i) => structuredClone(i)),
    async create(invitation) {
      const stored = items.get(invitation.id);
      if (stored && stored.status !== 'declined') return 'exists';
      if (!stored) counted.invitations += 1;
      items.set(invitation.id, structuredClone(invitation));
      return 'created';
    },
    async get(id) {
      const stored = items.get(id);
      return stored ? structuredClone(stored) : undefined;
    },
    async answer(id, status, at) {
      const stored = items.get(id);
      if (stored?.status !== 'open') return 'answered';
      items.set(id, { ...stored, status, respondedAt: at });
      if (status === 'accepted') counted.invitationsAccepted += 1;
      return 'stored';
    },
    async listByHolder(holderId: string, page: PageRequest): Promise<StorePage<Invitation>> {
      const mine = [...items.values()]
        .filter((i) => i.holderId === holderId)
        .sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
      const start = page.after ? mine.findIndex((i) => sortKey(i) < (page.after?.position ?? '')) : 0;
      const rest = start < 0 ? [] : mine.slice(start);
      const chosen = rest.slice(0, page.limit).map((i) => structuredClone(i));
      const last = chosen[chosen.length - 1];
      return rest.length > page.limit && last ? { items: chosen, next: { position: sortKey(last) } } : { items: chosen };
    },
  };
}
