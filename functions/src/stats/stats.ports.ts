import type { Contribution } from './contribution';

export interface StatsRepository {
  /**
   * Replaces the demand's stored contribution with `next` and adds the difference to the counters, in one
   * transaction. `order` is the change's position in the demand's stream (increasing per demand); a change older than
   * the one stored is ignored. Returns the difference applied (empty for a replay).
   */
  apply(demandId: string, order: string, next: Contribution): Promise<Contribution>;
  /** The counters as they stand. */
  read(): Promise<Contribution>;
}
