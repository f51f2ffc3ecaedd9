// Response bodies of the HTTP API. The mini-program's client and the handlers both use these.
import type { UserRole } from '../demand/demand.enums';
import type { SolutionStatus } from '../contest/contest.enums';
import type { Award, TrackRef } from '../contest/contest.types';
import type { Demand, DemandSummary, PublicDemand } from '../demand/demand.types';
import type { Notification, Subscription, UnreadCountResponse } from '../alerts/alert.types';

export interface UserView {
  id: string;
  nickname: string;
  role: UserRole;
}

export interface AuthResponse {
  token: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: UserView;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. Null when there is none. */
  nextCursor: string | null;
}

export type DemandListResponse = Page<DemandSummary>;

/** GET /demands/{id}: the owner and admins get the whole demand; anyone else the public view. */
export type DemandDetailResponse = (Demand | PublicDemand) & {
  viewer: {
    isOwner: boolean;
    following: boolean;
    /** The caller's own solution to this demand, if they submitted one. */
    mySolution?: { id: string; status: SolutionStatus };
    /** True when the caller is one of the final's judges. */
    isJudge?: boolean;
  };
  awards: Award[];
  track?: TrackRef;
};

export type MyDemandsResponse = Page<Demand>;

export interface FollowResponse {
  demandId: string;
  following: boolean;
  followerCount: number;
}

export type MyFollowsResponse = Page<DemandSummary & { followedAt: string }>;

export interface HealthResponse {
  ok: true;
  service: string;
  time: string;
}

/** GET /me/notifications: the inbox, newest first. */
export type NotificationsResponse = Page<Notification>;

/** POST /me/notifications/read: how many were marked, and how many stay unread. */
export type MarkReadResponse = { marked: number } & UnreadCountResponse;

/** GET /me/subscriptions: every saved search of the caller (at most the per-user limit, so one page). */
export interface SubscriptionsResponse {
  items: Subscription[];
}

/** What DELETE /me (注销) erased or anonymised, by kind: counts of records. */
export interface ErasureReport {
  subscriptions: number;
  follows: number;
  demandsDeleted: number;
  demandsKept: number;
  /** 成果: those nobody else saw deleted, the published ones closed and kept without their contacts. */
  achievementsDeleted: number;
  achievementsKept: number;
  /** Invitations to 揭榜 the person sent or received. */
  invitations: number;
  solutions: number;
  judging: number;
  awards: number;
  notifications: number;
  quotas: number;
  deadLetters: number;
  rateWindows: number;
}

export interface AccountErasureResponse {
  deleted: true;
  erased: ErasureReport;
}
