// Every route of the HTTP API, declared once: its method and path, who may call it, the validators of its body and
// query, its success status and the type of its answer. The Lambda handlers (functions/src/http/route.ts) and the
// mini-program's client (miniapp/src/api/client.ts) are both typed from this table, and a test checks that
// infra/functions.cjs (the deployed functions and their IAM grants) names the same routes. The keys are the
// functions' names there. docs/decisions/0012-one-typed-route-table.md says why.
import type {
  validateAlertFeedback,
  validateMarkRead,
  validateSubscribeQuota,
  validateSubscription,
} from '../alerts/subscription.schema';
import type {
  AlertFeedbackResponse,
  AlertFeedbackResult,
  ConceptExpansion,
  SubscribeQuotaResponse,
  Subscription,
  SubscriptionPreview,
  UnreadCountResponse,
} from '../alerts/alert.types';
import type {
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
import type {
  validateAchievementListQuery,
  validateInvitation,
  validateInvitationRespond,
  validateMatchesQuery,
  validateSuggestField,
} from '../achievement/achievement.api.schema';
import type { validateAchievementDraft } from '../achievement/achievement.schema';
import type {
  Achievement,
  AchievementDetailResponse,
  AchievementListResponse,
  AchievementMatchesResponse,
  DemandMatchesResponse,
  FieldSuggestion,
  Invitation,
  InvitationResponseResult,
  InvitationsResponse,
  MyAchievementsResponse,
  ReviewQueueResponse,
  Scorecard,
  SimilarDemandsResponse,
} from '../achievement/achievement.types';
import type { validateDemandDraft } from '../demand/demand.schema';
import type { Demand } from '../demand/demand.types';
import type { Validated } from '../validation/field-errors';
import type {
  validateConceptExpandQuery,
  validateDemandListQuery,
  validateDevLogin,
  validateNotificationsQuery,
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

export type Validator<T> = (input: unknown) => Validated<T>;

/** Carries a route's answer type; nothing at run time. */
export interface Returns<T> {
  readonly __returns?: T;
}
const returns = <T>(): Returns<T> => ({});

/**
 * Names the validator a route's body or query goes through, by its type; nothing at run time. The functions are wired
 * in `route-validators.ts`, which the compiler holds to exactly these: the table stays free of them, so the
 * mini-program, which needs only methods and paths, does not ship every schema of the API in its main package.
 */
export interface Takes<V extends Validator<unknown>> {
  readonly __takes?: V;
}
const takes = <V extends Validator<unknown>>(): Takes<V> => ({});

export interface RouteDef {
  method: HttpMethod;
  /** With `{name}` for each path parameter. */
  path: string;
  access: Access;
  body?: Takes<Validator<unknown>>;
  query?: Takes<Validator<unknown>>;
  /** The status of a success: 200 unless given. */
  status?: 200 | 201;
  /** Cache-Control of a success: `no-store` unless given. */
  cacheControl?: string;
  /** Edits under a version check: the If-Match header carries the version the client edited. */
  ifMatch?: true;
  response: Returns<unknown>;
}

/** What a route takes and how it answers, besides its method, path, access and answer type. */
type RouteOptions = Pick<RouteDef, 'body' | 'query' | 'status' | 'cacheControl' | 'ifMatch'>;

/** A route as the table holds it: its literals kept, so that the handlers and the client are typed from them. */
type Route<M, P, A, R, O> = { readonly method: M; readonly path: P; readonly access: A; readonly response: R } & Readonly<O>;

/** One route of the table: `route('GET', '/demands/{id}', 'optional', returns<…>(), { query: … })`. */
function route<
  const M extends HttpMethod,
  const P extends string,
  const A extends Access,
  R extends Returns<unknown>,
  const O extends RouteOptions = Record<never, never>,
>(method: M, path: P, access: A, response: R, options?: O): Route<M, P, A, R, O> {
  return { method, path, access, ...options, response } as Route<M, P, A, R, O>;
}

const SHARED_CACHE = 'public, max-age=0, s-maxage=60';

export const ROUTES = {
  health: route('GET', '/health', 'public', returns<HealthResponse>()),

  authWechat: route('POST', '/auth/wechat', 'public', returns<AuthResponse>(), { body: takes<typeof validateWechatLogin>() }),
  authDev: route('POST', '/auth/dev', 'public', returns<AuthResponse>(), { body: takes<typeof validateDevLogin>() }),
  authLogout: route('POST', '/auth/logout', 'user', returns<{ loggedOut: true }>()),

  demandsList: route('GET', '/demands', 'public', returns<DemandListResponse>(), {
    query: takes<typeof validateDemandListQuery>(),
  }),
  demandsCreate: route('POST', '/demands', 'user', returns<Demand>(), { body: takes<typeof validateDemandDraft>(), status: 201 }),
  demandsDetail: route('GET', '/demands/{id}', 'optional', returns<DemandDetailResponse>()),
  demandsUpdate: route('PUT', '/demands/{id}', 'user', returns<Demand>(), {
    body: takes<typeof validateDemandDraft>(),
    ifMatch: true,
  }),
  demandsSubmit: route('POST', '/demands/{id}/submit', 'user', returns<Demand>()),
  demandsClose: route('POST', '/demands/{id}/close', 'user', returns<Demand>()),
  demandsFollow: route('PUT', '/demands/{id}/follow', 'user', returns<FollowResponse>()),
  demandsUnfollow: route('DELETE', '/demands/{id}/follow', 'user', returns<FollowResponse>()),
  meDelete: route('DELETE', '/me', 'user', returns<AccountErasureResponse>()),
  meDemands: route('GET', '/me/demands', 'user', returns<MyDemandsResponse>(), { query: takes<typeof validatePageQuery>() }),
  meFollows: route('GET', '/me/follows', 'user', returns<MyFollowsResponse>(), { query: takes<typeof validatePageQuery>() }),
  adminReviews: route('GET', '/admin/reviews', 'admin', returns<ReviewQueueResponse>(), {
    query: takes<typeof validateReviewQueueQuery>(),
  }),
  adminReview: route('POST', '/admin/demands/{id}/review', 'admin', returns<Demand>(), { body: takes<typeof validateReview>() }),

  meSubscriptionsCreate: route('POST', '/me/subscriptions', 'user', returns<Subscription>(), {
    body: takes<typeof validateSubscription>(),
    status: 201,
  }),
  meSubscriptionsList: route('GET', '/me/subscriptions', 'user', returns<SubscriptionsResponse>()),
  meSubscriptionsPreview: route('POST', '/me/subscriptions/preview', 'user', returns<SubscriptionPreview>(), {
    body: takes<typeof validateSubscription>(),
  }),
  // The thesaurus changes only with a deployment.
  conceptsExpand: route('GET', '/concepts/expand', 'public', returns<ConceptExpansion>(), {
    query: takes<typeof validateConceptExpandQuery>(),
    cacheControl: 'public, max-age=3600',
  }),
  meSubscriptionsDelete: route('DELETE', '/me/subscriptions/{id}', 'user', returns<{ deleted: true }>()),
  meSubscribeQuota: route('POST', '/me/subscribe-quota', 'user', returns<SubscribeQuotaResponse>(), {
    body: takes<typeof validateSubscribeQuota>(),
  }),
  meNotifications: route('GET', '/me/notifications', 'user', returns<NotificationsResponse>(), {
    query: takes<typeof validateNotificationsQuery>(),
  }),
  meNotificationsUnread: route('GET', '/me/notifications/unread-count', 'user', returns<UnreadCountResponse>()),
  meNotificationsRead: route('POST', '/me/notifications/read', 'user', returns<MarkReadResponse>(), {
    body: takes<typeof validateMarkRead>(),
  }),
  meNotificationsFeedback: route('POST', '/me/notifications/{id}/feedback', 'user', returns<AlertFeedbackResult>(), {
    body: takes<typeof validateAlertFeedback>(),
  }),
  adminAlertsFeedback: route('GET', '/admin/alerts/feedback', 'admin', returns<AlertFeedbackResponse>()),

  solutionsSubmit: route('POST', '/demands/{id}/solutions', 'user', returns<Solution>(), {
    body: takes<typeof validateSolutionForm>(),
    status: 201,
  }),
  solutionsForDemand: route('GET', '/demands/{id}/solutions', 'user', returns<SolutionListResponse>(), {
    query: takes<typeof validateSolutionListQuery>(),
  }),
  solutionsUpdate: route('PUT', '/solutions/{id}', 'user', returns<Solution>(), {
    body: takes<typeof validateSolutionForm>(),
    ifMatch: true,
  }),
  solutionsDetail: route('GET', '/solutions/{id}', 'user', returns<TriagedSolution>()),
  solutionsDecide: route('POST', '/solutions/{id}/decision', 'user', returns<Solution>(), {
    body: takes<typeof validateDecision>(),
  }),
  meSolutions: route('GET', '/me/solutions', 'user', returns<MySolutionsResponse>()),

  finalsAssignJudges: route('POST', '/admin/demands/{id}/judges', 'admin', returns<Final>(), {
    body: takes<typeof validateAssignJudges>(),
  }),
  finalsScore: route('PUT', '/solutions/{id}/score', 'user', returns<Score>(), { body: takes<typeof validateScore>() }),
  finalsRanking: route('GET', '/demands/{id}/ranking', 'user', returns<RankingResponse>()),
  finalsClose: route('POST', '/admin/demands/{id}/final/close', 'admin', returns<Final>()),
  meJudging: route('GET', '/me/judging', 'user', returns<JudgingResponse>()),

  tracksCreate: route('POST', '/admin/tracks', 'admin', returns<Track>(), { body: takes<typeof validateTrack>(), status: 201 }),
  tracksList: route('GET', '/tracks', 'public', returns<TracksResponse>(), { cacheControl: SHARED_CACHE }),
  tracksAssign: route('PUT', '/admin/demands/{id}/track', 'admin', returns<Demand>(), {
    body: takes<typeof validateAssignTrack>(),
  }),
  awardsCreate: route('POST', '/admin/awards', 'admin', returns<Award>(), { body: takes<typeof validateAward>(), status: 201 }),
  meAwards: route('GET', '/me/awards', 'user', returns<AwardsResponse>()),
  stats: route('GET', '/stats', 'public', returns<StatsResponse>(), { cacheControl: SHARED_CACHE }),

  // 成果库: the same lifecycle, review queue and anonymity as demands.
  achievementsList: route('GET', '/achievements', 'public', returns<AchievementListResponse>(), {
    query: takes<typeof validateAchievementListQuery>(),
  }),
  achievementsCreate: route('POST', '/achievements', 'user', returns<Achievement>(), {
    body: takes<typeof validateAchievementDraft>(),
    status: 201,
  }),
  achievementsDetail: route('GET', '/achievements/{id}', 'optional', returns<AchievementDetailResponse>()),
  achievementsUpdate: route('PUT', '/achievements/{id}', 'user', returns<Achievement>(), {
    body: takes<typeof validateAchievementDraft>(),
    ifMatch: true,
  }),
  achievementsSubmit: route('POST', '/achievements/{id}/submit', 'user', returns<Achievement>()),
  achievementsClose: route('POST', '/achievements/{id}/close', 'user', returns<Achievement>()),
  meAchievements: route('GET', '/me/achievements', 'user', returns<MyAchievementsResponse>(), {
    query: takes<typeof validatePageQuery>(),
  }),
  adminAchievementReview: route('POST', '/admin/achievements/{id}/review', 'admin', returns<Achievement>(), {
    body: takes<typeof validateReview>(),
  }),

  // 成果粗匹配 and 成果粗评估: for the demand's owner (the 成果's holder) and admins; anyone else gets 404.
  demandMatches: route('GET', '/demands/{id}/matches', 'user', returns<AchievementMatchesResponse>(), {
    query: takes<typeof validateMatchesQuery>(),
  }),
  demandMatchScorecard: route('GET', '/demands/{id}/matches/{achievementId}', 'user', returns<Scorecard>()),
  achievementMatches: route('GET', '/achievements/{id}/matches', 'user', returns<DemandMatchesResponse>(), {
    query: takes<typeof validateMatchesQuery>(),
  }),
  demandsSimilar: route('GET', '/demands/{id}/similar', 'public', returns<SimilarDemandsResponse>(), {
    cacheControl: SHARED_CACHE,
  }),
  suggestField: route('POST', '/suggest/field', 'public', returns<FieldSuggestion>(), {
    body: takes<typeof validateSuggestField>(),
  }),

  // 动员揭榜.
  invitationsCreate: route('POST', '/demands/{id}/invitations', 'user', returns<Invitation>(), {
    body: takes<typeof validateInvitation>(),
    status: 201,
  }),
  meInvitations: route('GET', '/me/invitations', 'user', returns<InvitationsResponse>(), {
    query: takes<typeof validatePageQuery>(),
  }),
  invitationsRespond: route('POST', '/invitations/{id}/respond', 'user', returns<InvitationResponseResult>(), {
    body: takes<typeof validateInvitationRespond>(),
  }),
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof ROUTES;
export type RouteName = keyof Routes;

/** What a route answers on success. */
export type ResponseOf<N extends RouteName> = Routes[N]['response'] extends Returns<infer T> ? T : never;
/** The body a route takes, as its validator gives it. */
export type BodyOf<N extends RouteName> = Routes[N] extends { body: Takes<Validator<infer B>> } ? B : undefined;
/** The query a route takes, as its validator gives it. */
export type QueryOf<N extends RouteName> = Routes[N] extends { query: Takes<Validator<infer Q>> } ? Q : undefined;

/** The validators a route's entry names (none for a route that takes no body and no query). */
export type ValidatorsOf<N extends RouteName> = {
  [K in 'body' | 'query' as Routes[N] extends Record<K, unknown> ? K : never]: Routes[N] extends Record<K, Takes<infer V>>
    ? V
    : never;
};
/** Every route that takes a body or a query, with exactly the validators its entry names. */
export type RouteValidators = {
  [N in RouteName as keyof ValidatorsOf<N> extends never ? never : N]: ValidatorsOf<N>;
};

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
