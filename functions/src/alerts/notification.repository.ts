import type { MatchTier, Notification, PushState } from '@cic/shared';
import type { PageRequest, StorePage } from '../common/page';

export interface NotificationRepository {
  /** Writes the notification unless one with the same (user, id) exists. False on a replay. */
  createOnce(notification: Notification): Promise<boolean>;
  get(userId: string, id: string): Promise<Notification | undefined>;
  /** A user's inbox, newest first; only the alerts of one tier when given. */
  listByUser(userId: string, page: PageRequest, tier?: MatchTier): Promise<StorePage<Notification>>;
  unreadCount(userId: string): Promise<number>;
  /** Marks the given notifications read; returns how many were unread. */
  markRead(userId: string, ids: readonly string[], at: string): Promise<number>;
  markAllRead(userId: string, at: string): Promise<number>;
  /** Takes the right to push this notification: true once, false for every later caller (a replayed stream record). */
  claimPush(userId: string, id: string): Promise<boolean>;
  setPush(userId: string, id: string, state: PushState): Promise<void>;
  /** Gives a claimed push back (pending again) when its handling failed, so the stream's retry can take it. */
  releasePush(userId: string, id: string): Promise<void>;
  /** The whole inbox of a person whose account is erased (注销), pending pushes included. */
  deleteAllOf(userId: string): Promise<number>;
}
