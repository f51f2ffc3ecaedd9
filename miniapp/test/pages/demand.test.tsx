import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { __test, calls } from '../mocks/taro';
import type { DemandDetailResponse, SimilarDemandsResponse } from '@cic/shared';
import DemandDetail from '../../src/pages/demand/index';
import { setSession } from '../../src/session/session';
import { award, demandDetail } from '../features/contest-fixtures';
import { freshPageEachTest } from '../features/fake-api';
import { achievementMatch } from '../features/match-fixtures';
import { retryAfterServerError } from '../features/page-helpers';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

/** The published demand d1 of the contest fixtures, as anyone sees it, with its 附件3 fields. */
const publicDemand = (overrides: Partial<DemandDetailResponse> = {}): DemandDetailResponse =>
  demandDetail({
    followerCount: 12,
    history: [
      { status: 'published', at: '2026-11-01T02:00:00Z' },
      { status: 'closed', at: '2026-11-05T06:30:00Z' },
    ],
    title: '高强钛合金薄板激光焊接工艺',
    field: 'new_materials',
    region: '江苏省 / 南京市 / 320112',
    budgetWan: 120,
    cooperationModes: ['co_develop', 'other'],
    cooperationOther: '委托检测',
    description: '第一段：焊缝强度不低于母材的90%。\n第二段：变形量小于0.5毫米。',
    companyIntro: '专注航空钛材加工',
    salesBand: '50m-100m',
    anonymous: true,
    source: { name: 'jstec', label: '江苏省技术产权交易市场', externalId: '1', url: 'https://www.jstec.com.cn/x?id=1' },
    ...overrides,
  });

const named = (overrides: Partial<DemandDetailResponse> = {}) =>
  publicDemand({
    anonymous: false,
    companyName: '南京钛业科技有限公司',
    contactName: '王工',
    contactPhone: '025-83456789',
    contactTitle: '技术部 经理',
    email: 'wang@example.com',
    source: undefined,
    ...overrides,
  });

type Req = { method: string; path: string; query: Record<string, string>; body: unknown };
type Answer = { statusCode: number; data: unknown };

const similarItems: SimilarDemandsResponse['items'] = [
  { demandId: 'd7', title: '钛合金激光焊接变形控制', score: 0.81, field: 'new_materials', publishedAt: '2026-10-02T02:00:00Z' },
  { demandId: 'd8', title: '薄板焊缝在线检测', score: 0.64 },
];

const matchOf = achievementMatch;

/**
 * Serves GET /demands/d1 with `detail`, follow/unfollow/subscribe-quota like the API would, and the demand's similar
 * demands and matches (answers that can be replaced).
 */
function serve(detail: Answer, more: { similar?: Answer; matches?: Answer } = {}) {
  const requests: Req[] = [];
  let count = (detail.data as { followerCount?: number }).followerCount ?? 0;
  __test.onRequest(({ url, method = 'GET', data }) => {
    const u = new URL(url);
    const path = u.pathname;
    requests.push({
      method,
      path,
      query: Object.fromEntries(u.searchParams),
      body: typeof data === 'string' ? JSON.parse(data) : undefined,
    });
    if (path === '/demands/d1' && method === 'GET') return detail;
    if (path === '/demands/d1/similar') return more.similar ?? { statusCode: 200, data: { items: similarItems } };
    if (path === '/demands/d1/matches')
      return more.matches ?? { statusCode: 200, data: { items: [0, 1, 2].map((i) => matchOf(i)) } };
    if (path === '/demands/d1/follow') {
      const following = method === 'PUT';
      count += following ? 1 : -1;
      return { statusCode: 200, data: { demandId: 'd1', following, followerCount: count } };
    }
    if (path === '/me/subscribe-quota') return { statusCode: 200, data: { quota: { 'tmpl-status': 1 } } };
    return { statusCode: 404, data: { error: { code: 'REQUEST.NOT_FOUND', message: '请求的内容不存在' } } };
  });
  return requests;
}

const logIn = () => setSession({ token: 't', expiresIn: 3600, user: { id: 'u1', nickname: '张工', role: 'user' } });
const row = (label: string) => screen.getByText(label).parentElement!;

freshPageEachTest({ id: 'd1' });

it('shows every public field under its 附件3 label', async () => {
  serve({ statusCode: 200, data: publicDemand({ status: 'closed' }) });
  render(<DemandDetail />);
  expect(screen.getByLabelText('加载中')).toBeTruthy();

  expect(await screen.findByText('高强钛合金薄板激光焊接工艺')).toBeTruthy();
  expect(row('产业领域').textContent).toContain('新材料');
  expect(row('希望的合作方式').textContent).toContain('合作开发、其它');
  expect(row('其它合作方式').textContent).toContain('委托检测');
  expect(row('所属地区').textContent).toBe('所属地区江苏省 / 南京市');
  expect(row('拟投入合作经费（万元）').textContent).toContain('120');
  expect(row('企业简介').textContent).toContain('专注航空钛材加工');
  expect(row('上年度销售额').textContent).toContain('5000万–1亿');
  // Line breaks survive (the element keeps white-space: pre-wrap).
  expect(screen.getByText(/第一段/).textContent).toBe('第一段：焊缝强度不低于母材的90%。\n第二段：变形量小于0.5毫米。');
  expect(screen.getAllByText('已关闭').length).toBeGreaterThan(0);
  expect(screen.getByText('2026-11-01 10:00')).toBeTruthy();
  expect(screen.getByText('2026-11-05 14:30')).toBeTruthy();
  expect(screen.getByText('来源：江苏省技术产权交易市场')).toBeTruthy();
});

it('hides the enterprise and contacts of an anonymous demand, and says why', async () => {
  serve({ statusCode: 200, data: publicDemand() });
  render(<DemandDetail />);
  expect(await screen.findByText('企业信息已按需求方要求隐去')).toBeTruthy();
  for (const label of ['企业名称', '联系人', '联系方式', 'E-mail']) expect(screen.queryByText(label)).toBeNull();
});

it('shows the enterprise and contacts when the demand is not anonymous', async () => {
  serve({ statusCode: 200, data: named() });
  render(<DemandDetail />);
  await screen.findByText('高强钛合金薄板激光焊接工艺');
  expect(row('企业名称').textContent).toContain('南京钛业科技有限公司');
  expect(row('联系人').textContent).toContain('王工');
  expect(row('联系方式').textContent).toContain('025-83456789');
  expect(row('所属部门及职务').textContent).toContain('技术部 经理');
  expect(row('E-mail').textContent).toContain('wang@example.com');
  expect(screen.queryByText('企业信息已按需求方要求隐去')).toBeNull();
});

it('follows and unfollows, showing the count the server returns', async () => {
  logIn();
  const requests = serve({ statusCode: 200, data: publicDemand() });
  render(<DemandDetail />);
  const button = await screen.findByRole('button', { name: '关注' });
  expect(button.getAttribute('aria-pressed')).toBe('false');
  expect(screen.getByText('12人关注')).toBeTruthy();

  fireEvent.click(button);
  await waitFor(() => expect(button.textContent).toBe('已关注'));
  expect(button.getAttribute('aria-pressed')).toBe('true');
  expect(screen.getByText('13人关注')).toBeTruthy();
  expect(requests.filter((r) => r.path === '/demands/d1/follow').map((r) => r.method)).toEqual(['PUT']);
  // H5 has no subscribe messages.
  expect(calls.subscribeRequests).toEqual([]);

  fireEvent.click(button);
  await waitFor(() => expect(button.textContent).toBe('关注'));
  expect(screen.getByText('12人关注')).toBeTruthy();
  expect(requests.filter((r) => r.path === '/demands/d1/follow').map((r) => r.method)).toEqual(['PUT', 'DELETE']);
});

it('on weapp asks for the status alert from the tap and reports the answer before following', async () => {
  const env = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  try {
    logIn();
    const requests = serve({ statusCode: 200, data: publicDemand() });
    render(<DemandDetail />);
    fireEvent.click(await screen.findByText('关注'));
    await screen.findByText('已关注');
    expect(calls.subscribeRequests).toEqual([['tmpl-status']]);
    const quota = requests.find((r) => r.path === '/me/subscribe-quota');
    expect(quota).toMatchObject({ method: 'POST', body: { results: { 'tmpl-status': 'accept' } } });
  } finally {
    process.env.TARO_ENV = env;
  }
});

it('asks a logged-out visitor to log in instead of following', async () => {
  const requests = serve({ statusCode: 200, data: publicDemand() });
  render(<DemandDetail />);
  fireEvent.click(await screen.findByText('关注'));
  expect(calls.toasts).toEqual([{ title: '请先登录', icon: 'none' }]);
  expect(calls.navigations).toEqual(['/pages/me/index']);
  expect(requests.some((r) => r.path.endsWith('/follow'))).toBe(false);
});

it('sends an expired session to log in again', async () => {
  logIn();
  __test.onRequest(({ method, url }) =>
    method === 'PUT'
      ? { statusCode: 401, data: { error: { code: 'AUTH.INVALID_TOKEN', message: '登录已失效，请重新登录' } } }
      : { statusCode: 200, data: new URL(url).pathname === '/demands/d1' ? publicDemand() : { items: [] } },
  );
  render(<DemandDetail />);
  fireEvent.click(await screen.findByText('关注'));
  await waitFor(() => expect(calls.navigations).toEqual(['/pages/me/index']));
  expect(screen.getByText('关注')).toBeTruthy();
});

it('shows an already-followed demand as 已关注', async () => {
  serve({ statusCode: 200, data: publicDemand({ viewer: { isOwner: false, following: true } }) });
  render(<DemandDetail />);
  expect(await screen.findByText('已关注')).toBeTruthy();
});

it.each([
  {
    name: 'opens the 揭榜 form from 我要揭榜 on a published demand',
    owner: false,
    detail: publicDemand(),
    tap: '我要揭榜',
    opens: '/contest/solution-form/index?demandId=d1',
  },
  {
    name: 'gives the owner the way to the solutions, with their count',
    owner: true,
    detail: named({ viewer: { isOwner: true, following: false }, solutionCount: 3 }),
    tap: '查看揭榜方案 (3)',
    opens: '/contest/solutions/index?demandId=d1',
  },
  {
    name: 'takes a judge of the final to the scoring sheet',
    owner: false,
    detail: publicDemand({ viewer: { isOwner: false, following: false, isJudge: true } }),
    tap: '评审打分',
    opens: '/contest/judging/sheet?demandId=d1',
  },
])('$name', async ({ owner, detail, tap, opens }) => {
  if (owner) logIn();
  serve({ statusCode: 200, data: detail });
  render(<DemandDetail />);
  fireEvent.click(await screen.findByText(tap));
  expect(calls.navigations).toEqual([opens]);
});

it('shows the viewer their own solution and its state instead of 我要揭榜', async () => {
  serve({
    statusCode: 200,
    data: publicDemand({ viewer: { isOwner: false, following: false, mySolution: { id: 's1', status: 'shortlisted' } } }),
  });
  render(<DemandDetail />);
  fireEvent.click(await screen.findByText('查看我的方案 · 已入围'));
  expect(screen.queryByText('我要揭榜')).toBeNull();
  expect(calls.navigations).toEqual(['/contest/my-solutions/index']);
});

it('shows a matched demand as 已对接, with its track and awards, and takes no more solutions', async () => {
  serve({
    statusCode: 200,
    data: publicDemand({
      status: 'matched',
      track: { id: 't1', name: '长三角新材料专场', kind: 'yangtze_delta' },
      awards: [award()],
    }),
  });
  render(<DemandDetail />);
  expect((await screen.findAllByText('已对接')).length).toBeGreaterThan(0);
  expect(screen.getByText('专场 · 长三角新材料专场')).toBeTruthy();
  expect(row('2026 最佳解决方案奖').textContent).toContain('南京理工大学焊接研究所');
  const solve = screen.getByText('需求已对接');
  fireEvent.click(solve);
  expect(calls.navigations).toEqual([]);
});

it('says the demand does not exist on a 404', async () => {
  serve({ statusCode: 404, data: { error: { code: 'DEMAND.NOT_FOUND', message: '需求不存在或尚未发布' } } });
  render(<DemandDetail />);
  expect(await screen.findByText('需求不存在或尚未发布')).toBeTruthy();
  fireEvent.click(screen.getByText('去需求大厅看看'));
  expect(calls.navigations).toEqual(['/pages/index/index']);
});

it('treats a link without an id as not found, without asking the API', async () => {
  __test.setRouterParams({});
  const requests = serve({ statusCode: 200, data: publicDemand() });
  render(<DemandDetail />);
  expect(await screen.findByText('需求不存在或尚未发布')).toBeTruthy();
  expect(requests).toEqual([]);
});

it('offers 重试 after a failure', async () => {
  let up = false;
  __test.onRequest(({ url }) =>
    up
      ? { statusCode: 200, data: new URL(url).pathname === '/demands/d1' ? publicDemand() : { items: [] } }
      : { statusCode: 500, data: { error: { code: 'INTERNAL', message: '服务暂时出错，请稍后重试' } } },
  );
  render(<DemandDetail />);
  await retryAfterServerError(() => (up = true));
  expect(await screen.findByText('高强钛合金薄板激光焊接工艺')).toBeTruthy();
});

it('sends one follow for a double tap', async () => {
  logIn();
  const requests = serve({ statusCode: 200, data: publicDemand() });
  render(<DemandDetail />);
  const button = await screen.findByRole('button', { name: '关注' });
  fireEvent.click(button);
  fireEvent.click(button);
  await screen.findByText('已关注');
  expect(requests.filter((r) => r.path === '/demands/d1/follow')).toHaveLength(1);
});

describe('匹配成果 and 相似需求', () => {
  const section = () => within(screen.getByRole('group', { name: '匹配成果' }));

  it('shows the owner the best three 成果, each opening its 粗评估, and 查看全部', async () => {
    logIn();
    const requests = serve(
      { statusCode: 200, data: named({ viewer: { isOwner: true, following: false } }) },
      {
        matches: { statusCode: 200, data: { items: [0, 1, 2, 3].map((i) => matchOf(i, i === 2 ? { tier: 'mentioned' } : {})) } },
      },
    );
    render(<DemandDetail />);
    await screen.findByText('成果0：钛合金激光焊接工艺');
    expect(requests.find((r) => r.path === '/demands/d1/matches')?.query).toEqual({ limit: '3' });
    const cards = Array.from(document.querySelectorAll('.detail-matches .match-card__title'), (n) => n.textContent);
    expect(cards).toEqual(['成果0：钛合金激光焊接工艺', '成果1：钛合金激光焊接工艺', '成果2：钛合金激光焊接工艺']);
    expect(section().getByLabelText('匹配度 90 分')).toBeTruthy();
    expect(section().getAllByText('主题相关')).toHaveLength(2);
    expect(section().getAllByText('提及')).toHaveLength(1);
    expect(section().getAllByText('激光焊接 · 标题')).toHaveLength(3);
    expect(section().getAllByText('TRL 6 级')).toHaveLength(3);
    expect(section().getAllByText('高校')).toHaveLength(3);

    fireEvent.click(screen.getByRole('link', { name: '成果1：钛合金激光焊接工艺' }));
    fireEvent.click(section().getByText('查看全部 ›'));
    expect(calls.navigations).toEqual([
      '/achievements/scorecard/index?demandId=d1&achievementId=a1',
      '/achievements/matches/index?demandId=d1',
    ]);
  });

  it('shows an organiser the matches too, and says when there is none', async () => {
    setSession({ token: 't', expiresIn: 3600, user: { id: 'u5', nickname: '组织方', role: 'admin' } });
    serve({ statusCode: 200, data: named() }, { matches: { statusCode: 200, data: { items: [] } } });
    render(<DemandDetail />);
    await screen.findByRole('group', { name: '匹配成果' });
    expect(await section().findByText('暂无匹配的成果，有相关成果发布时会通知您')).toBeTruthy();
  });

  it('offers 重试 when the matches fail, and the demand stays', async () => {
    logIn();
    let matches: Answer = { statusCode: 500, data: { error: { code: 'INTERNAL', message: '服务暂时出错，请稍后重试' } } };
    serve(
      { statusCode: 200, data: named({ viewer: { isOwner: true, following: false } }) },
      {
        get matches() {
          return matches;
        },
      },
    );
    render(<DemandDetail />);
    expect(await screen.findByText('匹配成果没有加载出来：服务暂时出错，请稍后重试')).toBeTruthy();
    expect(screen.getByText('高强钛合金薄板激光焊接工艺')).toBeTruthy();
    matches = { statusCode: 200, data: { items: [matchOf(0)] } };
    fireEvent.click(section().getByText('重试'));
    expect(await screen.findByText('成果0：钛合金激光焊接工艺')).toBeTruthy();
  });

  it('asks nothing about matches for anyone else', async () => {
    logIn();
    const requests = serve({ statusCode: 200, data: publicDemand() });
    render(<DemandDetail />);
    await screen.findByText('钛合金激光焊接变形控制');
    expect(screen.queryByRole('group', { name: '匹配成果' })).toBeNull();
    expect(requests.some((r) => r.path.endsWith('/matches'))).toBe(false);
  });

  it('lists the similar demands for everyone, each opening its page', async () => {
    serve({ statusCode: 200, data: publicDemand() });
    render(<DemandDetail />);
    expect(await screen.findByText('薄板焊缝在线检测')).toBeTruthy();
    expect(screen.getByText('相似需求')).toBeTruthy();
    expect(screen.getByText('2026-10-02')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: /钛合金激光焊接变形控制/ }));
    expect(calls.navigations).toEqual(['/pages/demand/index?id=d7']);
  });

  it('leaves 相似需求 out when there is none', async () => {
    const requests = serve({ statusCode: 200, data: publicDemand() }, { similar: { statusCode: 200, data: { items: [] } } });
    render(<DemandDetail />);
    await screen.findByText('高强钛合金薄板激光焊接工艺');
    await waitFor(() => expect(requests.some((r) => r.path === '/demands/d1/similar')).toBe(true));
    await waitFor(() => expect(screen.queryByText('正在加载相似需求…')).toBeNull());
    expect(screen.queryByText('相似需求')).toBeNull();
  });
});
