import type { Contribution, ContributionKey, EventCounter } from './contribution';

export interface StatsRepository {
  /**
   * Replaces the item's stored contribution with `next` and adds the difference to the counters, in one transaction.
   * `key` names the demand or 成果; `order` is the change's position in its stream (increasing per item); a change
   * older than the one stored is ignored. Returns the difference applied (empty for a replay).
   */
  apply(key: ContributionKey, order: string, next: Contribution): Promise<Contribution>;
  /**
   * Counts one event under `counter`, once per `eventId`: the event is marked counted in the same transaction, so a
   * replayed stream record adds nothing. False when it was counted already.
   */
  countOnce(eventId: string, counter: EventCounter): Promise<boolean>;
  /** The counters as they stand. */
  read(): Promise<Contribution>;
}
