// The one typed client of the HTTP API. Pages call these functions; none of them calls Taro.request itself.
// Errors come back as ApiError with the server's stable code, its Chinese message and the per-field messages.
import Taro from '@tarojs/taro';
import type {
  ApiErrorBody,
  AssignJudgesRequest,
  AssignTrackRequest,
  AuthResponse,
  Award,
  AwardRequest,
  AwardsResponse,
  DecisionRequest,
  Demand,
  DemandDetailResponse,
  DemandDraft,
  DemandListQuery,
  DemandListResponse,
  DevLoginRequest,
  Final,
  FollowResponse,
  JudgingResponse,
  MarkReadRequest,
  MyFollowsResponse,
  MySolutionsResponse,
  Notification,
  Page,
  RankingResponse,
  ReviewOrder,
  ReviewRequest,
  Score,
  ScoreRequest,
  Solution,
  SolutionForm,
  SolutionListQuery,
  SolutionListResponse,
  StatsResponse,
  SubscribeQuotaRequest,
  SubscribeQuotaResponse,
  Subscription,
  SubscriptionConditions,
  Track,
  TrackRequest,
  TracksResponse,
  TriagedSolution,
  UnreadCountResponse,
} from '@cic/shared';
import { getSession, setSession } from '../session/session';

export const API_BASE = process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function queryString(query: object): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

async function request<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const session = getSession();
  let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject>;
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}`,
      method,
      data: body === undefined ? undefined : JSON.stringify(body),
      header: {
        'content-type': 'application/json',
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
        ...headers,
      },
      dataType: 'json',
      timeout: 15_000,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  const error = (res.data as Partial<ApiErrorBody> | undefined)?.error;
  if (res.statusCode === 401 && session) setSession(undefined);
  throw new ApiError(res.statusCode, error?.code ?? 'HTTP', error?.message ?? `请求失败（${res.statusCode}）`, error?.fields ?? {});
}

const seg = encodeURIComponent;
const ifMatch = (version?: number): Record<string, string> => (version === undefined ? {} : { 'if-match': String(version) });

export const api = {
  devLogin: (body: DevLoginRequest) => request<AuthResponse>('POST', '/auth/dev', body),
  wechatLogin: (code: string) => request<AuthResponse>('POST', '/auth/wechat', { code }),
  logout: () => request<{ loggedOut: true }>('POST', '/auth/logout'),
  deleteAccount: () => request<{ deleted: true }>('DELETE', '/me'),

  listDemands: (query: Partial<DemandListQuery>) => request<DemandListResponse>('GET', `/demands${queryString(query)}`),
  demand: (id: string) => request<DemandDetailResponse>('GET', `/demands/${encodeURIComponent(id)}`),
  createDemand: (form: DemandDraft) => request<Demand>('POST', '/demands', form),
  updateDemand: (id: string, form: DemandDraft, version?: number) =>
    request<Demand>('PUT', `/demands/${encodeURIComponent(id)}`, form, ifMatch(version)),
  submitDemand: (id: string) => request<Demand>('POST', `/demands/${encodeURIComponent(id)}/submit`),
  closeDemand: (id: string) => request<Demand>('POST', `/demands/${encodeURIComponent(id)}/close`),
  myDemands: (cursor?: string) => request<Page<Demand>>('GET', `/me/demands${queryString({ cursor })}`),

  follow: (id: string) => request<FollowResponse>('PUT', `/demands/${encodeURIComponent(id)}/follow`),
  unfollow: (id: string) => request<FollowResponse>('DELETE', `/demands/${encodeURIComponent(id)}/follow`),
  myFollows: (cursor?: string) => request<MyFollowsResponse>('GET', `/me/follows${queryString({ cursor })}`),

  reviewQueue: (cursor?: string, order: ReviewOrder = 'oldest') =>
    request<Page<Demand>>('GET', `/admin/reviews${queryString({ cursor, order })}`),
  review: (id: string, body: ReviewRequest) => request<Demand>('POST', `/admin/demands/${encodeURIComponent(id)}/review`, body),

  subscriptions: () => request<{ items: Subscription[] }>('GET', '/me/subscriptions'),
  createSubscription: (body: SubscriptionConditions) => request<Subscription>('POST', '/me/subscriptions', body),
  deleteSubscription: (id: string) => request<{ deleted: true }>('DELETE', `/me/subscriptions/${encodeURIComponent(id)}`),
  recordSubscribeResults: (body: SubscribeQuotaRequest) => request<SubscribeQuotaResponse>('POST', '/me/subscribe-quota', body),

  notifications: (cursor?: string) => request<Page<Notification>>('GET', `/me/notifications${queryString({ cursor })}`),
  unreadCount: () => request<UnreadCountResponse>('GET', '/me/notifications/unread-count'),
  markRead: (body: MarkReadRequest) => request<{ marked: number; unread: number }>('POST', '/me/notifications/read', body),

  // 揭榜比拼 (contest-api.md)
  submitSolution: (demandId: string, form: SolutionForm) => request<Solution>('POST', `/demands/${seg(demandId)}/solutions`, form),
  updateSolution: (solutionId: string, form: SolutionForm, version?: number) =>
    request<Solution>('PUT', `/solutions/${seg(solutionId)}`, form, ifMatch(version)),
  solution: (solutionId: string) => request<TriagedSolution>('GET', `/solutions/${seg(solutionId)}`),
  demandSolutions: (demandId: string, query: Partial<SolutionListQuery> = {}) =>
    request<SolutionListResponse>('GET', `/demands/${seg(demandId)}/solutions${queryString(query)}`),
  mySolutions: () => request<MySolutionsResponse>('GET', '/me/solutions'),
  decide: (solutionId: string, body: DecisionRequest) => request<Solution>('POST', `/solutions/${seg(solutionId)}/decision`, body),

  assignJudges: (demandId: string, body: AssignJudgesRequest) => request<Final>('POST', `/admin/demands/${seg(demandId)}/judges`, body),
  score: (solutionId: string, body: ScoreRequest) => request<Score>('PUT', `/solutions/${seg(solutionId)}/score`, body),
  ranking: (demandId: string) => request<RankingResponse>('GET', `/demands/${seg(demandId)}/ranking`),
  closeFinal: (demandId: string) => request<Final>('POST', `/admin/demands/${seg(demandId)}/final/close`),
  myJudging: () => request<JudgingResponse>('GET', '/me/judging'),

  tracks: () => request<TracksResponse>('GET', '/tracks'),
  createTrack: (body: TrackRequest) => request<Track>('POST', '/admin/tracks', body),
  assignTrack: (demandId: string, body: AssignTrackRequest) => request<Demand>('PUT', `/admin/demands/${seg(demandId)}/track`, body),

  createAward: (body: AwardRequest) => request<Award>('POST', '/admin/awards', body),
  myAwards: () => request<AwardsResponse>('GET', '/me/awards'),
  stats: () => request<StatsResponse>('GET', '/stats'),
};

export type Api = typeof api;
