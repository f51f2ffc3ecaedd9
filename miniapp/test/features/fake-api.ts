// A tiny stand-in for the HTTP API behind the Taro request mock: routes like 'PUT /demands/:id' answer with a body
// (200) or with reply(status, body); every request is logged with its parsed body and headers.
import { setSession } from '../../src/session/session';
import { __test } from '../mocks/taro';
import type { Achievement, AchievementSummary, DemandSummary, UserRole } from '@cic/shared';

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  params: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
}

interface Reply {
  status: number;
  body: unknown;
}
const REPLY = Symbol('reply');
type Answer = unknown;
type Route = (req: FakeRequest) => unknown;

export const reply = (status: number, body: unknown): Answer => ({ [REPLY]: { status, body } });
export const apiError = (status: number, code: string, message: string, fields?: Record<string, string>): Answer =>
  reply(status, { error: { code, message, ...(fields ? { fields } : {}) } });

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(got[i]!);
    else if (w !== got[i]) return undefined;
  }
  return params;
}

export function fakeApi(routes: Record<string, Route>): FakeRequest[] {
  const log: FakeRequest[] = [];
  __test.onRequest(async ({ url, method = 'GET', data, header = {} }) => {
    const u = new URL(url);
    const req: FakeRequest = {
      method,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      params: {},
      body: typeof data === 'string' ? JSON.parse(data) : data,
      headers: header,
    };
    log.push(req);
    for (const [key, route] of Object.entries(routes)) {
      const [m, pattern] = key.split(' ') as [string, string];
      const params = m === method ? match(pattern, req.path) : undefined;
      if (!params) continue;
      const answer = await route({ ...req, params });
      const r = (answer as { [REPLY]?: Reply } | undefined)?.[REPLY];
      return r ? { statusCode: r.status, data: r.body } : { statusCode: 200, data: answer };
    }
    return { statusCode: 404, data: { error: { code: 'REQUEST.NOT_FOUND', message: `no route ${method} ${req.path}` } } };
  });
  return log;
}

export const USER = { id: 'u1', nickname: '王工', role: 'user' as UserRole };

export function loginAs(role: UserRole = 'user', user = USER): void {
  setSession({ token: 'test-token', expiresIn: 3600, user: { ...user, role } });
}

/** Lets pending promises (the mock API's answers) settle. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Each test of the file starts afresh: Taro's test double reset, nobody logged in, the page opened with these parameters. */
export function freshPageEachTest(routerParams?: Record<string, string>): void {
  beforeEach(() => {
    __test.reset();
    setSession(undefined);
    if (routerParams) __test.setRouterParams(routerParams);
  });
}

/** A published 成果 as its holder sees it (GET /me/achievements, the detail with viewer.isOwner). */
export const achievement = (id: string, over: Partial<Achievement> = {}): Achievement => ({
  id,
  ownerId: USER.id,
  status: 'published',
  createdAt: '2026-11-01T02:00:00Z',
  updatedAt: '2026-11-02T02:00:00Z',
  publishedAt: '2026-11-02T02:00:00Z',
  version: 3,
  history: [],
  title: `成果${id}`,
  holderName: '江南材料研究院',
  holderType: 'institute',
  field: 'new_materials',
  keywords: ['石墨烯', '导热膜'],
  summary: '高导热石墨烯薄膜的连续制备工艺。'.repeat(8),
  trl: 7,
  ip: [{ kind: 'invention', number: 'ZL202310001234.5', status: 'granted' }],
  cooperationModes: ['transfer', 'license'],
  priceWan: null,
  region: '江苏省 / 南京市',
  contactName: '李老师',
  contactPhone: '13912345678',
  anonymous: false,
  ...over,
});

/** The card of a 成果 in GET /achievements: the list card's fields of the 成果 above, and an excerpt. */
export const achievementSummary = (id: string, over: Partial<AchievementSummary> = {}): AchievementSummary => {
  const { status, title, holderName, holderType, field, keywords, trl, priceWan, region, publishedAt, anonymous } =
    achievement(id);
  const card = { id, status, title, holderName, holderType, field, keywords, trl, priceWan, region, publishedAt, anonymous };
  return { ...card, excerpt: '高导热石墨烯薄膜的连续制备工艺', ...over };
};

/** The card of a published demand in GET /demands and the lists of demands. */
export const demandSummary = (id: string, over: Partial<DemandSummary> = {}): DemandSummary => ({
  id,
  status: 'published',
  title: `需求${id}`,
  field: 'new_materials',
  region: '江苏省 / 苏州市 / 昆山市',
  budgetWan: 80,
  cooperationModes: ['co_develop'],
  publishedAt: '2026-11-01T02:00:00Z',
  followerCount: 3,
  anonymous: true,
  excerpt: '需求摘要',
  ...over,
});
