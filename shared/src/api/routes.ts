// Every route of the HTTP API, declared once: its method and path, who may call it, the validators of its body and
// query, its success status and the type of its answer. The Lambda handlers (functions/src/http/route.ts) and the
// mini-program's client (miniapp/src/api/client.ts) are both typed from this table, and a test checks that
// infra/functions.cjs (the deployed functions and their IAM grants) names the same routes. The keys are the
// functions' names there. docs/decisions/0012-one-typed-route-table.md says why.
import { validateMarkRead, validateSubscribeQuota, validateSubscription } from '../alerts/subscription.schema';
import type { SubscribeQuotaResponse, Subscription, UnreadCountResponse } from '../alerts/alert.types';
import {
  validateAssignJudges,
  validateAssignTrack,
  validateAward,
  validateDecision,
  validateScore,
  validateSolutionForm,
  validateSolutionListQuery,
  validateTrack,
} from '../contest/contest.schema';
import type {
  Award,
  AwardsResponse,
  Final,
  JudgingResponse,
  MySolutionsResponse,
  RankingResponse,
  Score,
  Solution,
  SolutionListResponse,
  StatsResponse,
  Track,
  TracksResponse,
  TriagedSolution,
} from '../contest/contest.types';
import { validateDemandDraft } from '../demand/demand.schema';
import type { Demand } from '../demand/demand.types';
import type { Validated } from '../validation/field-errors';
import {
  validateDemandListQuery,
  validateDevLogin,
  validatePageQuery,
  validateReview,
  validateReviewQueueQuery,
  validateWechatLogin,
} from './api.schema';
import type {
  AccountErasureResponse,
  AuthResponse,
  DemandDetailResponse,
  DemandListResponse,
  FollowResponse,
  HealthResponse,
  MarkReadResponse,
  MyDemandsResponse,
  MyFollowsResponse,
  NotificationsResponse,
  SubscriptionsResponse,
} from './api.types';

/** Who may call a route: anyone; anyone, with a token read when sent; a logged-in person; an organiser. */
export type Access = 'public' | 'optional' | 'user' | 'admin';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

type Validator<T> = (input: unknown) => Validated<T>;

/** Carries a route's answer type; nothing at run time. */
export interface Returns<T> {
  readonly __returns?: T;
}
const returns = <T>(): Returns<T> => ({});

export interface RouteDef {
  method: HttpMethod;
  /** With `{name}` for each path parameter. */
  path: string;
  access: Access;
  body?: Validator<unknown>;
  query?: Validator<unknown>;
  /** The status of a success: 200 unless given. */
  status?: 200 | 201;
  /** Cache-Control of a success: `no-store` unless given. */
  cacheControl?: string;
  /** Edits under a version check: the If-Match header carries the version the client edited. */
  ifMatch?: true;
  response: Returns<unknown>;
}

const SHARED_CACHE = 'public, max-age=0, s-maxage=60';

export const ROUTES = {
  health: { method: 'GET', path: '/health', access: 'public', response: returns<HealthResponse>() },

  authWechat: {
    method: 'POST',
    path: '/auth/wechat',
    access: 'public',
    body: validateWechatLogin,
    response: returns<AuthResponse>(),
  },
  authDev: { method: 'POST', path: '/auth/dev', access: 'public', body: validateDevLogin, response: returns<AuthResponse>() },
  authLogout: { method: 'POST', path: '/auth/logout', access: 'user', response: returns<{ loggedOut: true }>() },

  demandsList: {
    method: 'GET',
    path: '/demands',
    access: 'public',
    query: validateDemandListQuery,
    response: returns<DemandListResponse>(),
  },
  demandsCreate: {
    method: 'POST',
    path: '/demands',
    access: 'user',
    body: validateDemandDraft,
    status: 201,
    response: returns<Demand>(),
  },
  demandsDetail: { method: 'GET', path: '/demands/{id}', access: 'optional', response: returns<DemandDetailResponse>() },
  demandsUpdate: {
    method: 'PUT',
    path: '/demands/{id}',
    access: 'user',
    body: validateDemandDraft,
    ifMatch: true,
    response: returns<Demand>(),
  },
  demandsSubmit: { method: 'POST', path: '/demands/{id}/submit', access: 'user', response: returns<Demand>() },
  demandsClose: { method: 'POST', path: '/demands/{id}/close', access: 'user', response: returns<Demand>() },
  demandsFollow: { method: 'PUT', path: '/demands/{id}/follow', access: 'user', response: returns<FollowResponse>() },
  demandsUnfollow: { method: 'DELETE', path: '/demands/{id}/follow', access: 'user', response: returns<FollowResponse>() },
  meDelete: { method: 'DELETE', path: '/me', access: 'user', response: returns<AccountErasureResponse>() },
  meDemands: {
    method: 'GET',
    path: '/me/demands',
    access: 'user',
    query: validatePageQuery,
    response: returns<MyDemandsResponse>(),
  },
  meFollows: {
    method: 'GET',
    path: '/me/follows',
    access: 'user',
    query: validatePageQuery,
    response: returns<MyFollowsResponse>(),
  },
  adminReviews: {
    method: 'GET',
    path: '/admin/reviews',
    access: 'admin',
    query: validateReviewQueueQuery,
    response: returns<MyDemandsResponse>(),
  },
  adminReview: {
    method: 'POST',
    path: '/admin/demands/{id}/review',
    access: 'admin',
    body: validateReview,
    response: returns<Demand>(),
  },

  meSubscriptionsCreate: {
    method: 'POST',
    path: '/me/subscriptions',
    access: 'user',
    body: validateSubscription,
    status: 201,
    response: returns<Subscription>(),
  },
  meSubscriptionsList: { method: 'GET', path: '/me/subscriptions', access: 'user', response: returns<SubscriptionsResponse>() },
  meSubscriptionsDelete: {
    method: 'DELETE',
    path: '/me/subscriptions/{id}',
    access: 'user',
    response: returns<{ deleted: true }>(),
  },
  meSubscribeQuota: {
    method: 'POST',
    path: '/me/subscribe-quota',
    access: 'user',
    body: validateSubscribeQuota,
    response: returns<SubscribeQuotaResponse>(),
  },
  meNotifications: {
    method: 'GET',
    path: '/me/notifications',
    access: 'user',
    query: validatePageQuery,
    response: returns<NotificationsResponse>(),
  },
  meNotificationsUnread: {
    method: 'GET',
    path: '/me/notifications/unread-count',
    access: 'user',
    response: returns<UnreadCountResponse>(),
  },
  meNotificationsRead: {
    method: 'POST',
    path: '/me/notifications/read',
    access: 'user',
    body: validateMarkRead,
    response: returns<MarkReadResponse>(),
  },

  solutionsSubmit: {
    method: 'POST',
    path: '/demands/{id}/solutions',
    access: 'user',
    body: validateSolutionForm,
    status: 201,
    response: returns<Solution>(),
  },
  solutionsForDemand: {
    method: 'GET',
    path: '/demands/{id}/solutions',
    access: 'user',
    query: validateSolutionListQuery,
    response: returns<SolutionListResponse>(),
  },
  solutionsUpdate: {
    method: 'PUT',
    path: '/solutions/{id}',
    access: 'user',
    body: validateSolutionForm,
    ifMatch: true,
    response: returns<Solution>(),
  },
  solutionsDetail: { method: 'GET', path: '/solutions/{id}', access: 'user', response: returns<TriagedSolution>() },
  solutionsDecide: {
    method: 'POST',
    path: '/solutions/{id}/decision',
    access: 'user',
    body: validateDecision,
    response: returns<Solution>(),
  },
  meSolutions: { method: 'GET', path: '/me/solutions', access: 'user', response: returns<MySolutionsResponse>() },

  finalsAssignJudges: {
    method: 'POST',
    path: '/admin/demands/{id}/judges',
    access: 'admin',
    body: validateAssignJudges,
    response: returns<Final>(),
  },
  finalsScore: { method: 'PUT', path: '/solutions/{id}/score', access: 'user', body: validateScore, response: returns<Score>() },
  finalsRanking: { method: 'GET', path: '/demands/{id}/ranking', access: 'user', response: returns<RankingResponse>() },
  finalsClose: { method: 'POST', path: '/admin/demands/{id}/final/close', access: 'admin', response: returns<Final>() },
  meJudging: { method: 'GET', path: '/me/judging', access: 'user', response: returns<JudgingResponse>() },

  tracksCreate: {
    method: 'POST',
    path: '/admin/tracks',
    access: 'admin',
    body: validateTrack,
    status: 201,
    response: returns<Track>(),
  },
  tracksList: {
    method: 'GET',
    path: '/tracks',
    access: 'public',
    cacheControl: SHARED_CACHE,
    response: returns<TracksResponse>(),
  },
  tracksAssign: {
    method: 'PUT',
    path: '/admin/demands/{id}/track',
    access: 'admin',
    body: validateAssignTrack,
    response: returns<Demand>(),
  },
  awardsCreate: {
    method: 'POST',
    path: '/admin/awards',
    access: 'admin',
    body: validateAward,
    status: 201,
    response: returns<Award>(),
  },
  meAwards: { method: 'GET', path: '/me/awards', access: 'user', response: returns<AwardsResponse>() },
  stats: { method: 'GET', path: '/stats', access: 'public', cacheControl: SHARED_CACHE, response: returns<StatsResponse>() },
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof ROUTES;
export type RouteName = keyof Routes;

/** What a route answers on success. */
export type ResponseOf<N extends RouteName> = Routes[N]['response'] extends Returns<infer T> ? T : never;
/** The body a route takes, as its validator gives it. */
export type BodyOf<N extends RouteName> = Routes[N] extends { body: Validator<infer B> } ? B : undefined;
/** The query a route takes, as its validator gives it. */
export type QueryOf<N extends RouteName> = Routes[N] extends { query: Validator<infer Q> } ? Q : undefined;

type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
/** The path parameters of a route, by name: `{ id: string }` for `/demands/{id}`. */
export type ParamsOf<N extends RouteName> = { [K in ParamNames<Routes[N]['path']>]: string };

/** The route's path with its parameters filled in, each encoded. */
export function pathOf<N extends RouteName>(name: N, params: ParamsOf<N>): string {
  const values = params as Record<string, string>;
  return ROUTES[name].path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${name}: no value for {${key}}`);
    return encodeURIComponent(value);
  });
}
