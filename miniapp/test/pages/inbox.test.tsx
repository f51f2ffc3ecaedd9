import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { __test, calls } from '../mocks/taro';
import type { Notification } from '@cic/shared';
import Inbox from '../../src/pages/inbox/index';
import { setSession } from '../../src/session/session';
import { expectTapsOpen, expectTexts } from '../features/page-helpers';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const match: Notification = {
  id: 'n1',
  userId: 'u1',
  demandId: 'd1',
  reason: 'new_match',
  title: '高强钛合金薄板激光焊接工艺',
  createdAt: new Date(Date.now() - 3 * 60_000).toISOString(),
  explanation: {
    keywords: [
      { keyword: '钛材', matchedAs: '钛合金' },
      { keyword: '激光焊接', matchedAs: '激光焊接' },
    ],
    field: 'new_materials',
    region: '江苏省',
    minBudgetWan: 50,
  },
};
const closed: Notification = {
  id: 'n2',
  userId: 'u1',
  demandId: 'd2',
  reason: 'status_closed',
  status: 'closed',
  title: '锂电池回收梯次利用',
  createdAt: '2026-11-01T02:00:00Z',
  readAt: '2026-11-02T02:00:00Z',
};

type Req = { method: string; path: string; cursor: string | null; tier: string | null; body: unknown };

/**
 * A small inbox server: pages of notifications by cursor (keyed `<tier>:<cursor>` for a tab, `<cursor>` for 全部),
 * the unread count, and mark-read.
 */
function serveInbox(pages: Record<string, { items: Notification[]; nextCursor: string | null }>) {
  const requests: Req[] = [];
  const read = new Set<string>();
  const all = () => Object.values(pages).flatMap((p) => p.items);
  const unread = () => all().filter((n) => !n.readAt && !read.has(n.id)).length;
  __test.onRequest(({ url, method = 'GET', data }) => {
    const u = new URL(url);
    const body = typeof data === 'string' ? (JSON.parse(data) as { ids?: string[]; all?: true }) : undefined;
    const tier = u.searchParams.get('tier');
    requests.push({ method, path: u.pathname, cursor: u.searchParams.get('cursor'), tier, body });
    const cursor = u.searchParams.get('cursor') ?? '';
    if (u.pathname === '/me/notifications') return { statusCode: 200, data: pages[tier ? `${tier}:${cursor}` : cursor] };
    if (u.pathname === '/me/notifications/unread-count') return { statusCode: 200, data: { unread: unread() } };
    if (u.pathname === '/me/notifications/read') {
      for (const n of all()) if (body?.all || body?.ids?.includes(n.id)) read.add(n.id);
      return { statusCode: 200, data: { marked: 1, unread: unread() } };
    }
    return { statusCode: 404, data: {} };
  });
  return requests;
}

const items = () => Array.from(document.querySelectorAll<HTMLElement>('.notification-item'));
const logIn = () => setSession({ token: 't', expiresIn: 3600, user: { id: 'u1', nickname: '张工', role: 'user' } });

/** Logged in, the inbox open on one page of `list`, every item shown; returns the requests. */
async function openInbox(list: Notification[]) {
  logIn();
  const requests = serveInbox({ '': { items: list, nextCursor: null } });
  render(<Inbox />);
  await waitFor(() => expect(items()).toHaveLength(list.length));
  return requests;
}

beforeEach(() => {
  __test.reset();
  setSession(undefined);
});

it('asks a logged-out visitor to log in, and sends nothing', async () => {
  const requests = serveInbox({ '': { items: [match], nextCursor: null } });
  render(<Inbox />);
  expect(screen.getByText('登录后查看消息')).toBeTruthy();
  fireEvent.click(screen.getByText('去登录'));
  expect(calls.navigations).toEqual(['/pages/me/index']);
  await waitFor(() => expect(calls.tabBadges).toEqual([null]));
  expect(requests).toEqual([]);
});

it('loads the inbox once the visitor logs in elsewhere', async () => {
  serveInbox({ '': { items: [match], nextCursor: null } });
  render(<Inbox />);
  act(() => logIn());
  await waitFor(() => expect(items()).toHaveLength(1));
});

it('lists notifications with why each one arrived, and shows the unread count on the tab', async () => {
  await openInbox([match, closed]);

  const [first, second] = items() as [HTMLElement, HTMLElement];
  expect(first.classList.contains('unread')).toBe(true);
  expect(within(first).getByLabelText('未读')).toBeTruthy();
  expectTexts(within(first), [
    '高强钛合金薄板激光焊接工艺',
    '3分钟前',
    '为什么收到这条',
    '关键词：钛材（匹配“钛合金”）、激光焊接',
    '产业领域：新材料',
    '地区：江苏省',
    '经费：不低于50万元',
  ]);

  expect(second.classList.contains('unread')).toBe(false);
  expect(within(second).getByText('您关注的需求已关闭')).toBeTruthy();
  expect(within(second).getByText('2026-11-01')).toBeTruthy();

  await waitFor(() => expect(calls.tabBadges).toEqual(['1']));
});

it('marks an item read when it is opened, opens its demand and updates the badge', async () => {
  logIn();
  const requests = serveInbox({ '': { items: [match, closed], nextCursor: null } });
  render(<Inbox />);
  await waitFor(() => expect(calls.tabBadges).toEqual(['1']));

  fireEvent.click(within(items()[0]!).getByText('高强钛合金薄板激光焊接工艺'));
  expect(calls.navigations).toEqual(['/pages/demand/index?id=d1']);
  expect(items()[0]!.classList.contains('unread')).toBe(false);
  await waitFor(() => expect(calls.tabBadges).toEqual(['1', null]));
  expect(requests.filter((r) => r.path === '/me/notifications/read').map((r) => r.body)).toEqual([{ ids: ['n1'] }]);

  // A read item opens without marking again.
  fireEvent.click(within(items()[1]!).getByText('锂电池回收梯次利用'));
  expect(calls.navigations).toEqual(['/pages/demand/index?id=d1', '/pages/demand/index?id=d2']);
  expect(requests.filter((r) => r.path === '/me/notifications/read')).toHaveLength(1);
});

it('marks everything read with 全部已读', async () => {
  logIn();
  const second = { ...match, id: 'n3', demandId: 'd3' };
  const requests = serveInbox({ '': { items: [match, second, closed], nextCursor: null } });
  render(<Inbox />);
  await waitFor(() => expect(calls.tabBadges).toEqual(['2']));

  fireEvent.click(screen.getByText('全部已读'));
  await waitFor(() => expect(document.querySelectorAll('.notification-item.unread')).toHaveLength(0));
  expect(requests.find((r) => r.path === '/me/notifications/read')?.body).toEqual({ all: true });
  await waitFor(() => expect(calls.tabBadges).toEqual(['2', null]));
  expect(calls.toasts).toEqual([{ title: '已全部标为已读', icon: 'none' }]);
});

it('pages with the cursor and refreshes on pull-down', async () => {
  logIn();
  const older = { ...closed, id: 'n9', title: '更早的消息' };
  const requests = serveInbox({ '': { items: [match], nextCursor: 'c1' }, c1: { items: [older], nextCursor: null } });
  render(<Inbox />);
  await waitFor(() => expect(items()).toHaveLength(1));

  act(() => __test.reachBottom());
  await waitFor(() => expect(items()).toHaveLength(2));
  expect(screen.getByText('没有更多了')).toBeTruthy();

  act(() => __test.pullDown());
  await waitFor(() => expect(items()).toHaveLength(1));
  expect(requests.filter((r) => r.path === '/me/notifications').map((r) => r.cursor)).toEqual([null, 'c1', null]);
});

it('keeps the badge in step with the list: the count is asked after each first page, and never reads below it', async () => {
  logIn();
  // An alert lands while the page loads; the unread index has not caught up with it yet.
  const order: string[] = [];
  __test.onRequest(({ url }) => {
    const path = new URL(url).pathname;
    order.push(path);
    if (path === '/me/notifications') return { statusCode: 200, data: { items: [match, closed], nextCursor: null } };
    if (path === '/me/notifications/unread-count') return { statusCode: 200, data: { unread: 0 } };
    return { statusCode: 404, data: {} };
  });
  render(<Inbox />);
  await waitFor(() => expect(calls.tabBadges).toEqual(['1']));
  expect(order).toEqual(['/me/notifications', '/me/notifications/unread-count']);

  act(() => __test.pullDown());
  await waitFor(() => expect(order).toHaveLength(4));
  expect(order.slice(2)).toEqual(['/me/notifications', '/me/notifications/unread-count']);
});

it('says 暂无消息 when the inbox is empty', async () => {
  logIn();
  serveInbox({ '': { items: [], nextCursor: null } });
  render(<Inbox />);
  expect(await screen.findByText('暂无消息')).toBeTruthy();
  await waitFor(() => expect(calls.tabBadges).toEqual([null]));
});

it('offers 重试 when the inbox fails to load', async () => {
  logIn();
  let up = false;
  __test.onRequest(({ url }) =>
    up && url.includes('/me/notifications')
      ? { statusCode: 200, data: { items: [match], nextCursor: null } }
      : { statusCode: 500, data: { error: { code: 'INTERNAL', message: '服务暂时出错，请稍后重试' } } },
  );
  render(<Inbox />);
  expect(await screen.findByText('服务暂时出错，请稍后重试')).toBeTruthy();
  // A failed count leaves the badge alone.
  expect(calls.tabBadges).toEqual([]);
  up = true;
  fireEvent.click(screen.getByText('重试'));
  await waitFor(() => expect(items()).toHaveLength(1));
});

const solutionNew: Notification = {
  id: 'n5',
  userId: 'u1',
  demandId: 'd5',
  reason: 'solution_new',
  solutionId: 's5',
  title: '钛合金焊缝在线检测',
  createdAt: new Date(Date.now() - 60 * 60_000).toISOString(),
};
const declined: Notification = {
  id: 'n6',
  userId: 'u1',
  demandId: 'd6',
  reason: 'solution_decision',
  solutionId: 's6',
  decision: 'decline',
  note: '检测速度达不到产线节拍要求',
  title: '锂电极片缺陷检测',
  createdAt: new Date(Date.now() - 2 * 60 * 60_000).toISOString(),
};
const shortlisted: Notification = { ...declined, id: 'n7', decision: 'shortlist', note: undefined, title: '视觉质检' };
const intent: Notification = { ...declined, id: 'n8', decision: 'intent', note: '请于下周一来厂洽谈', title: '精密减速器' };

it('tells an owner about a new solution, and a challenger the decision with the owner’s reason', async () => {
  await openInbox([solutionNew, declined, shortlisted, intent]);
  const [owner, lost, short, won] = items().map((i) => within(i));
  expect(owner!.getByText('揭榜动态')).toBeTruthy();
  expect(owner!.getByText('你的需求收到新的揭榜方案')).toBeTruthy();
  expect(lost!.getByText('揭榜结果')).toBeTruthy();
  expect(lost!.getByText('你的揭榜方案未入选')).toBeTruthy();
  expect(lost!.getByText('婉拒原因：检测速度达不到产线节拍要求')).toBeTruthy();
  expect(short!.getByText('你的揭榜方案已入围')).toBeTruthy();
  expect(won!.getByText('你的揭榜方案已签意向')).toBeTruthy();
  expect(won!.getByText('需求方留言：请于下周一来厂洽谈')).toBeTruthy();

  fireEvent.click(owner!.getByText('钛合金焊缝在线检测'));
  fireEvent.click(lost!.getByText('锂电极片缺陷检测'));
  expect(calls.navigations).toEqual(['/contest/solutions/index?demandId=d5', '/contest/my-solutions/index']);
});

describe('tiers, why-received chains and feedback', () => {
  const reducer: Notification = {
    id: 'u1#d10#new_match#s1',
    userId: 'u1',
    demandId: 'd10',
    reason: 'new_match',
    title: '机器人关节谐波减速器寿命提升',
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    subscriptionId: 's1',
    tier: 'main',
    push: 'sent',
    explanation: {
      tier: 'main',
      score: 0.8,
      keywords: [
        { keyword: '减速器', matchedAs: '谐波减速器', relation: 'narrower', broader: '减速器', where: 'title' },
        { keyword: '机器人', matchedAs: '机器人', relation: 'exact', where: 'title' },
      ],
    },
  };
  const mention: Notification = {
    ...reducer,
    id: 'u1#d11#new_match#s2',
    demandId: 'd11',
    title: '钢结构厂房屋面改造',
    tier: 'mentioned',
    push: 'inbox_only',
    explanation: {
      tier: 'mentioned',
      score: 0.1,
      keywords: [
        { keyword: '减速器', matchedAs: '减速机', relation: 'synonym', where: 'description' },
        { keyword: '焊接', matchedAs: '焊缝', relation: 'related', where: 'description' },
      ],
      region: '江苏省',
    },
  };
  const judged: Notification = {
    ...reducer,
    id: 'u1#d12#new_match#s1',
    demandId: 'd12',
    title: '精密减速器',
    feedback: { relevant: true, at: '2026-11-03T02:00:00Z' },
  };

  const card = (title: string) => within(screen.getByText(title).closest('.notification-item') as HTMLElement);
  const verdict = (title: string, label: '有用' | '不相关') => card(title).getByRole('button', { name: label });

  it('badges subscription alerts by tier (none on old alerts and other items) and explains each keyword’s chain', async () => {
    await openInbox([reducer, mention, match, closed]);

    const main = card('机器人关节谐波减速器寿命提升');
    expect(main.getByText('主题相关')).toBeTruthy();
    expect(main.getByText('谐波减速器 ⊂ 减速器 · 标题')).toBeTruthy();
    expect(main.getByText('机器人 · 标题')).toBeTruthy();
    expect(main.queryByText(/未推送到微信/)).toBeNull();

    const mentioned = card('钢结构厂房屋面改造');
    expect(mentioned.getByText('提及')).toBeTruthy();
    expect(mentioned.getByText('减速器（匹配同义词“减速机”）· 描述')).toBeTruthy();
    expect(mentioned.getByText('焊缝（相关词）· 描述')).toBeTruthy();
    expect(mentioned.getByText('地区：江苏省')).toBeTruthy();
    expect(mentioned.getByText('仅在描述中提及，未推送到微信')).toBeTruthy();

    // An alert from before tiers, and a followed demand's change: no badge.
    for (const title of ['高强钛合金薄板激光焊接工艺', '锂电池回收梯次利用']) {
      expect(card(title).queryByText('主题相关')).toBeNull();
      expect(card(title).queryByText('提及')).toBeNull();
    }
    // Feedback is asked on subscription alerts only.
    expect(card('锂电池回收梯次利用').queryByRole('button', { name: '有用' })).toBeNull();
    expect(card('高强钛合金薄板激光焊接工艺').getByRole('button', { name: '有用' })).toBeTruthy();
  });

  it('filters by tier with the tabs: each tab asks with its tier, pages, refreshes and says when it is empty', async () => {
    logIn();
    const older = { ...reducer, id: 'u1#d20#new_match#s1', demandId: 'd20', title: '更早的主题相关' };
    const requests = serveInbox({
      '': { items: [reducer, mention, closed], nextCursor: null },
      'main:': { items: [reducer], nextCursor: 'm1' },
      'main:m1': { items: [older], nextCursor: null },
      'mentioned:': { items: [], nextCursor: null },
    });
    render(<Inbox />);
    await waitFor(() => expect(items()).toHaveLength(3));
    const tab = (name: string) => screen.getByRole('tab', { name });
    expect(tab('全部').getAttribute('aria-selected')).toBe('true');

    fireEvent.click(tab('主题相关'));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(tab('主题相关').getAttribute('aria-selected')).toBe('true');
    act(() => __test.reachBottom());
    await waitFor(() => expect(items()).toHaveLength(2));
    act(() => __test.pullDown());
    await waitFor(() => expect(items()).toHaveLength(1));

    fireEvent.click(tab('提及'));
    expect(await screen.findByText('暂无提及的提醒')).toBeTruthy();
    expect(screen.getByText('只在需求中提到您订阅的词时，会出现在这里（默认不推送到微信）')).toBeTruthy();

    fireEvent.click(tab('全部'));
    await waitFor(() => expect(items()).toHaveLength(3));
    const lists = requests.filter((r) => r.path === '/me/notifications').map((r) => [r.tier, r.cursor]);
    expect(lists).toEqual([
      [null, null],
      ['main', null],
      ['main', 'm1'],
      ['main', null],
      ['mentioned', null],
      [null, null],
    ]);
  });

  it('records 有用 / 不相关 at once, keeps the server’s verdict, and lets it be changed', async () => {
    logIn();
    const sent: { id: string; body: unknown }[] = [];
    __test.onRequest(({ url, data }) => {
      const u = new URL(url);
      if (u.pathname === '/me/notifications') return { statusCode: 200, data: { items: [reducer, judged], nextCursor: null } };
      if (u.pathname === '/me/notifications/unread-count') return { statusCode: 200, data: { unread: 2 } };
      const m = /^\/me\/notifications\/(.+)\/feedback$/.exec(u.pathname);
      if (m) {
        const body = JSON.parse(data as string) as { relevant: boolean };
        sent.push({ id: decodeURIComponent(m[1]!), body });
        return {
          statusCode: 200,
          data: { id: decodeURIComponent(m[1]!), feedback: { relevant: body.relevant, at: '2026-11-05T02:00:00Z' } },
        };
      }
      return { statusCode: 404, data: {} };
    });
    render(<Inbox />);
    await waitFor(() => expect(items()).toHaveLength(2));
    const title = '机器人关节谐波减速器寿命提升';
    expect(card(title).getByText('这条提醒对你有用吗？')).toBeTruthy();
    expect(verdict(title, '有用').getAttribute('aria-pressed')).toBe('false');
    // The current verdict of an alert judged before.
    expect(verdict('精密减速器', '有用').getAttribute('aria-pressed')).toBe('true');
    expect(card('精密减速器').getByText('你的反馈：有用（可改）')).toBeTruthy();

    fireEvent.click(verdict(title, '不相关'));
    // Shown before the answer.
    expect(verdict(title, '不相关').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ id: reducer.id, body: { relevant: false } });
    // Tapping the item's feedback does not open it.
    expect(calls.navigations).toEqual([]);

    await waitFor(() => expect(verdict(title, '不相关').getAttribute('aria-disabled')).toBe('false'));
    fireEvent.click(verdict(title, '有用'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.body).toEqual({ relevant: true });
    expect(verdict(title, '有用').getAttribute('aria-pressed')).toBe('true');
    expect(verdict(title, '不相关').getAttribute('aria-pressed')).toBe('false');
    // The same verdict again sends nothing.
    await waitFor(() => expect(verdict(title, '有用').getAttribute('aria-disabled')).toBe('false'));
    fireEvent.click(verdict(title, '有用'));
    expect(sent).toHaveLength(2);
  });

  it('puts the verdict back and says why when it cannot be saved', async () => {
    logIn();
    let fail: 'network' | 'not-found' = 'not-found';
    __test.onRequest(({ url }) => {
      const u = new URL(url);
      if (u.pathname === '/me/notifications') return { statusCode: 200, data: { items: [reducer, judged], nextCursor: null } };
      if (u.pathname === '/me/notifications/unread-count') return { statusCode: 200, data: { unread: 2 } };
      if (u.pathname.endsWith('/feedback')) {
        if (fail === 'network') throw new Error('request:fail');
        return { statusCode: 404, data: { error: { code: 'NOTIFICATION.NOT_FOUND', message: '没有找到这条提醒' } } };
      }
      return { statusCode: 404, data: {} };
    });
    render(<Inbox />);
    await waitFor(() => expect(items()).toHaveLength(2));

    fireEvent.click(verdict('机器人关节谐波减速器寿命提升', '有用'));
    expect(verdict('机器人关节谐波减速器寿命提升', '有用').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(verdict('机器人关节谐波减速器寿命提升', '有用').getAttribute('aria-pressed')).toBe('false'));
    expect(card('机器人关节谐波减速器寿命提升').getByText('这条提醒对你有用吗？')).toBeTruthy();
    expect(calls.toasts).toContainEqual({ title: '反馈没有保存：没有找到这条提醒', icon: 'none' });

    // A changed verdict goes back to the one before.
    fail = 'network';
    fireEvent.click(verdict('精密减速器', '不相关'));
    expect(verdict('精密减速器', '不相关').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(verdict('精密减速器', '有用').getAttribute('aria-pressed')).toBe('true'));
    expect(verdict('精密减速器', '不相关').getAttribute('aria-pressed')).toBe('false');
    expect(calls.toasts.at(-1)?.title).toMatch(/^反馈没有保存：/);
  });
});

describe('成果库 items: 成果匹配, 新成果, 揭榜邀请', () => {
  const base = { userId: 'u1', createdAt: new Date(Date.now() - 60_000).toISOString() };
  const achievementMatch: Notification = {
    ...base,
    id: 'n10',
    demandId: 'd30',
    achievementId: 'a1',
    reason: 'achievement_match',
    title: '钛合金薄板激光焊接变形控制',
    tier: 'main',
    push: 'sent',
    explanation: {
      tier: 'main',
      keywords: [{ keyword: '激光焊接', matchedAs: '激光焊', relation: 'synonym', where: 'title' }],
      field: 'new_materials',
    },
  };
  const newAchievement: Notification = {
    ...base,
    id: 'n11',
    demandId: 'd31',
    achievementId: 'a2',
    reason: 'new_achievement',
    title: '焊缝相控阵在线检测系统',
    push: 'inbox_only',
    explanation: { tier: 'mentioned', keywords: [{ keyword: '焊缝检测', matchedAs: '焊缝检测', where: 'description' }] },
  };
  const invited: Notification = {
    ...base,
    id: 'n12',
    demandId: 'd32',
    achievementId: 'a1',
    invitationId: 'i1',
    reason: 'invitation',
    title: '锂电池极片缺陷视觉检测',
    note: '期待贵团队参与揭榜',
  };
  const card = (title: string) => within(screen.getByText(title).closest('.notification-item') as HTMLElement);

  it('labels each, explains why with the chain and the tier, and opens the right page', async () => {
    await openInbox([achievementMatch, newAchievement, invited]);

    const matched = card('钛合金薄板激光焊接变形控制');
    expectTexts(matched, [
      '成果匹配',
      '主题相关',
      '新发布的需求与您的成果匹配',
      '激光焊接（匹配同义词“激光焊”）· 标题',
      '产业领域：新材料',
    ]);
    const fresh = card('焊缝相控阵在线检测系统');
    expectTexts(fresh, ['新成果', '提及', '新发布的成果与您的需求匹配', '关键词：焊缝检测', '仅在描述中提及，未推送到微信']);
    const invitation = card('锂电池极片缺陷视觉检测');
    expectTexts(invitation, ['揭榜邀请', '需求方邀请您的成果参与揭榜', '邀请留言：期待贵团队参与揭榜']);
    expect(invitation.queryByText('主题相关')).toBeNull();
    // 有用 / 不相关 stays on subscription alerts.
    expect(screen.queryByRole('button', { name: '有用' })).toBeNull();

    expectTapsOpen([
      [matched, '新发布的需求与您的成果匹配', '/pages/demand/index?id=d30'],
      [fresh, '新发布的成果与您的需求匹配', '/achievements/matches/index?demandId=d31'],
      [invitation, '需求方邀请您的成果参与揭榜', '/achievements/invitations/index'],
    ]);
  });
});
