import type { Invitation } from '@cic/shared';
import type { PageRequest, StorePage } from '../common/page';

/** The invitations store (infra/tables.cjs `invitations`). Each method is one named access pattern on a key or an index. */
export interface InvitationRepository {
  /**
   * Stores a new invitation (counted in the figures in the same transaction), or renews a declined one of the same
   * pair (its id follows from the demand and the 成果; counted once, when first sent): 'exists' when an open or
   * accepted one of the pair stands.
   */
  create(invitation: Invitation): Promise<'created' | 'exists'>;
  get(id: string): Promise<Invitation | undefined>;
  /**
   * Records the holder's answer only while the invitation is still open (an acceptance is counted in the figures in
   * the same transaction): 'answered' when it was answered already.
   */
  answer(id: string, status: 'accepted' | 'declined', at: string): Promise<'stored' | 'answered'>;
  /** A holder's invitations, newest first. */
  listByHolder(holderId: string, page: PageRequest): Promise<StorePage<Invitation>>;
}
