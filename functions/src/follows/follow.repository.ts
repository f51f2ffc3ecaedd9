import type { PageRequest, StorePage } from '../common/page';

export interface FollowRecord {
  userId: string;
  demandId: string;
  followedAt: string;
}

export type FollowOutcome = 'followed' | 'already_following' | 'not_published';
export type UnfollowOutcome = 'unfollowed' | 'not_following';

/** Follows, with the demand's followerCount kept exact by the store in the same transaction. */
export interface FollowRepository {
  follow(record: FollowRecord): Promise<FollowOutcome>;
  unfollow(userId: string, demandId: string): Promise<UnfollowOutcome>;
  isFollowing(userId: string, demandId: string): Promise<boolean>;
  /** Everyone who follows a demand (for alerts about its status). */
  listFollowers(demandId: string): Promise<string[]>;
  /** A user's follows, newest first. */
  listByUser(userId: string, page: PageRequest): Promise<StorePage<FollowRecord>>;
}
