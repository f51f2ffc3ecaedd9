// Every page of the built app.json, main package and subpackages, renders in WeChat's component framework with its real
// content from the local stack's API, and the WXML runtime raises no warning on the way. A page added to app.json
// without a case here fails the first test.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RENDERED_PAGES_FILE } from '../../../scripts/weapp/rendered-pages';
import { contestFixture, type ContestFixture } from './support/contest-fixture';
import { startHost, WEAPP_DIST } from './support/host';

type Who = 'guest' | 'admin' | 'owner' | 'provider' | 'judge' | 'newcomer';

interface PageCase {
  route: string;
  who: Who;
  query?: (f: ContestFixture) => Record<string, string>;
  /** Text the page must show once its data has arrived. */
  shows: (f: ContestFixture) => string[];
  /** Taro classes the page must render. */
  classes?: string[];
}

const CASES: PageCase[] = [
  {
    route: 'pages/index/index',
    who: 'guest',
    shows: (f) => ['搜索', '产业领域', '地区', '合作方式', '经费', f.demand.title],
    classes: ['search-bar', 'filter-row', 'demand-card'],
  },
  { route: 'pages/post/index', who: 'guest', shows: () => ['请先登录', '登录后即可发布技术需求', '去登录'] },
  {
    route: 'pages/post/index',
    who: 'owner',
    shows: () => [
      '企业信息',
      '企业名称',
      '需求信息',
      '拟投入合作经费（万元）',
      '技术需求描述',
      '希望的合作方式',
      '技术经纪人姓名',
      '提交审核',
    ],
  },
  { route: 'pages/inbox/index', who: 'owner', shows: (f) => ['全部已读', '揭榜动态', f.demand.title, '为什么收到这条'] },
  { route: 'pages/me/index', who: 'guest', shows: () => ['未登录', '微信一键登录'] },
  {
    route: 'pages/me/index',
    who: 'owner',
    shows: (f) => [f.owner.user.nickname, '我的需求', '我的关注', '我的订阅', '我的揭榜', '退出登录'],
  },
  {
    route: 'pages/demand/index',
    who: 'provider',
    query: (f) => ({ id: f.demand.id }),
    shows: (f) => [f.demand.title, '需求信息', '技术需求描述', '希望的合作方式', '已关注', '查看我的方案'],
  },
  { route: 'mine/my-demands/index', who: 'owner', shows: (f) => [f.demand.title, f.pending.title, '已发布'] },
  { route: 'mine/my-follows/index', who: 'provider', shows: (f) => [f.demand.title] },
  {
    route: 'mine/subscriptions/index',
    who: 'provider',
    shows: () => ['新建订阅', '关键词', '产业领域', '保存订阅', '还没有订阅'],
  },
  {
    route: 'mine/review/index',
    who: 'admin',
    shows: (f) => ['需求', '成果', '全部', '最早提交', '最新提交', f.pending.title, '查看详情', '驳回', '通过'],
  },
  {
    route: 'contest/solution-form/index',
    who: 'newcomer',
    query: (f) => ({ demandId: f.demand.id }),
    shows: (f) => ['揭榜需求', f.demand.title, '方案名称', '方案简介', '团队与联系方式', '提交方案'],
  },
  { route: 'contest/my-solutions/index', who: 'provider', shows: (f) => [f.solution.title, '待处理', f.demand.title] },
  {
    route: 'contest/solutions/index',
    who: 'owner',
    query: (f) => ({ demandId: f.demand.id }),
    shows: (f) => [f.solution.title, '匹配度', '入围', '婉拒', '签订意向协议'],
  },
  { route: 'contest/judging/index', who: 'judge', shows: (f) => [f.demand.title, '待评分'] },
  {
    route: 'contest/judging/sheet',
    who: 'judge',
    query: (f) => ({ demandId: f.demand.id }),
    shows: (f) => [f.demand.title, '评审排名', '完备性'],
  },
  { route: 'contest/tracks/index', who: 'guest', shows: (f) => [f.track.name, '查看专场需求'] },
  {
    route: 'contest/track-demands/index',
    who: 'guest',
    query: (f) => ({ id: f.track.id, name: f.track.name }),
    shows: (f) => [f.demand.title],
  },
  { route: 'contest/stats/index', who: 'guest', shows: () => ['拟投入合作经费', '已发布需求', '按产业领域', '按地区'] },
  {
    route: 'achievements/detail/index',
    who: 'guest',
    query: (f) => ({ id: f.achievement.id }),
    shows: (f) => [
      f.achievement.title!,
      '已发布',
      '成果信息',
      '关键词',
      ...(f.achievement.keywords ?? []),
      '技术成熟度',
      '成果简介',
      '知识产权',
      f.achievement.holderName!,
    ],
  },
  {
    route: 'achievements/form/index',
    who: 'owner',
    shows: () => [
      '成果信息',
      '成果名称',
      '关键词',
      '成果简介',
      '技术成熟度',
      '持有方',
      '合作与价格',
      '联系方式与公开',
      '提交审核',
    ],
  },
  {
    route: 'achievements/mine/index',
    who: 'newcomer',
    shows: () => ['还没有发布成果', '发布成果'],
  },
  {
    route: 'achievements/matches/index',
    who: 'owner',
    query: (f) => ({ demandId: f.demand.id }),
    shows: () => ['按与需求的契合度排序'],
  },
  {
    route: 'achievements/scorecard/index',
    who: 'owner',
    query: (f) => ({ demandId: f.demand.id, achievementId: f.achievement.id }),
    shows: (f) => [f.achievement.title!, '综合得分', '契合度', '成熟度', '知识产权', '价格', '地域', '粗评估', '邀请揭榜'],
  },
  {
    route: 'achievements/invitations/index',
    who: 'provider',
    shows: (f) => [f.demand.title, '待答复', '欢迎揭榜', '接受并揭榜', '婉拒'],
  },
  {
    route: 'contest/award-form/index',
    who: 'admin',
    query: (f) => ({ demandId: f.demand.id }),
    shows: (f) => ['颁发奖项', '获奖对象', '最佳解决方案奖', f.solution.title],
  },
];

function appPages(): string[] {
  const app = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
  };
  return [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
}

let fixture: ContestFixture;
const rendered = new Set<string>();

beforeAll(async () => {
  fixture = await contestFixture();
});

afterAll(() => {
  const file = join(__dirname, '..', '..', '..', RENDERED_PAGES_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ pages: [...rendered].sort() }, null, 2)}\n`);
});

test('every page of app.json has a case here', () => {
  const covered = new Set(CASES.map((c) => c.route));
  expect(appPages().filter((p) => !covered.has(p))).toEqual([]);
  expect([...covered].filter((p) => !appPages().includes(p))).toEqual([]);
});

test.each(CASES.map((c) => [c.route, c.who, c] as const))('%s renders for %s', async (_route, who, c) => {
  const host = startHost(who === 'guest' ? {} : { session: fixture[who] });
  try {
    const page = host.open(c.route, c.query?.(fixture) ?? {});
    for (const text of c.shows(fixture)) await page.waitForText(text);
    for (const name of c.classes ?? []) expect(page.byClass(name).length).toBeGreaterThan(0);
    await host.settled();
    expect(host.problems).toEqual([]);
    // Every request the page made got an answer the page expected (no 4xx/5xx on a normal render).
    expect(host.wx.requests.filter((r) => r.status! >= 400)).toEqual([]);
    rendered.add(c.route);
  } finally {
    host.close();
  }
});
