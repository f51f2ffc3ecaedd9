import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { conditionsOf, type ConceptExpansion, type Subscription, type SubscriptionPreview } from '@cic/shared';
import SubscriptionsPage from '../../src/mine/subscriptions/index';
import { setSession } from '../../src/session/session';
import { apiError, fakeApi, loginAs, type FakeRequest } from '../features/fake-api';
import { errorOf } from '../features/page-helpers';
import { __test, calls } from '../mocks/taro';

jest.mock('@tarojs/components', () => jest.requireActual<object>('../components/click-through'));

const sub = (id: string, over: Partial<Subscription> = {}): Subscription => ({
  id,
  userId: 'u1',
  createdAt: '2026-11-01T02:00:00Z',
  ...conditionsOf(over),
});

const addWord = (label: '关键词' | '排除词', k: string) => {
  fireEvent.change(screen.getByLabelText(label), { target: { value: k } });
  fireEvent.click(screen.getByRole('button', { name: `添加${label}` }));
};
const addKeyword = (k: string) => addWord('关键词', k);
const addExclusion = (k: string) => addWord('排除词', k);
const chip = (name: string) => screen.getByRole('checkbox', { name });
const group = (keyword: string, title: string) => within(screen.getByRole('group', { name: `${keyword}的${title}` }));
const paths = (log: { method: string; path: string }[]) => log.map((r) => `${r.method} ${r.path}`);

const expansion = (keyword: string, over: Partial<ConceptExpansion> = {}): ConceptExpansion => ({
  keyword,
  concept: keyword,
  synonyms: [],
  narrower: [],
  related: [],
  traps: [],
  ...over,
});
const REDUCER = expansion('减速器', {
  synonyms: ['减速机'],
  narrower: [
    { term: '谐波减速器', broader: '减速器' },
    { term: 'RV减速器', broader: '减速器' },
    { term: '柔轮', broader: '谐波减速器' },
  ],
  related: ['回程间隙'],
});

/** Saving answers with the subscription made of what was sent. */
const create = (req: FakeRequest) => sub('s2', req.body as Partial<Subscription>);
/** The thesaurus knows nothing of the keyword asked about. */
const expandNothing = (req: FakeRequest) => expansion(req.query.keyword ?? '');
const created = (log: FakeRequest[]) => log.find((r) => r.method === 'POST' && r.path === '/me/subscriptions')!;
const untilSaved = () => waitFor(() => expect(document.querySelector('.sub-item')).not.toBeNull());

/** The page open with no subscription yet, the other routes answered by `routes`; returns the requests. */
async function openEmpty(routes: Parameters<typeof fakeApi>[0] = {}): Promise<FakeRequest[]> {
  const log = fakeApi({ 'GET /me/subscriptions': () => ({ items: [] }), ...routes });
  render(<SubscriptionsPage />);
  await screen.findByText('还没有订阅');
  return log;
}

beforeEach(() => {
  __test.reset();
  setSession(undefined);
  loginAs();
});

describe('我的订阅', () => {
  it('lists subscriptions with their conditions in Chinese, and deletes after confirming', async () => {
    const log = fakeApi({
      'GET /me/subscriptions': () => ({
        items: [
          sub('s1', {
            keywords: ['钙钛矿', '封装'],
            excludeKeywords: ['培训', '招聘'],
            dropTerms: ['钙钛矿薄膜', '钙钛矿量子点'],
            fields: ['new_energy'],
            regions: ['江苏省'],
            minBudgetWan: 50,
          }),
        ],
      }),
      'DELETE /me/subscriptions/:id': () => ({ deleted: true }),
    });
    render(<SubscriptionsPage />);
    const item = within((await screen.findByText('钙钛矿、封装')).closest('.sub-item') as HTMLElement);
    expect(item.getByText('新能源')).toBeTruthy();
    expect(item.getByText('江苏省')).toBeTruthy();
    expect(item.getByText('不低于 50万元')).toBeTruthy();
    expect(item.getByText('培训、招聘')).toBeTruthy();
    expect(item.getByText('已去掉 2 个扩展词，出现它们不算命中')).toBeTruthy();
    expect(item.getByText('只推送主题相关（提及留在消息里）')).toBeTruthy();
    expect(screen.getByText('1/20')).toBeTruthy();

    fireEvent.click(item.getByText('删除'));
    await waitFor(() => expect(screen.queryByText('钙钛矿、封装')).toBeNull());
    expect(log.at(-1)).toMatchObject({ method: 'DELETE', path: '/me/subscriptions/s1' });
  });

  it('checks keywords as they are added: 2–20 characters, at most 5', async () => {
    await openEmpty();
    addKeyword('钙');
    expect(errorOf('keywords')).toBe('每个关键词应为 2–20 个字（“钙”为 1 个字）');
    addKeyword('超'.repeat(21));
    expect(errorOf('keywords')).toContain('为 21 个字');
    for (const k of ['钙钛矿', '储能', '氢能', '光伏', '风电']) addKeyword(k);
    expect(errorOf('keywords')).toBeUndefined();
    expect(screen.getByText('5/5')).toBeTruthy();
    addKeyword('核能');
    expect(errorOf('keywords')).toBe('关键词最多 5 个');
    // A tag can be removed again.
    fireEvent.click(screen.getByLabelText('删除关键词 风电'));
    expect(screen.getByText('4/5')).toBeTruthy();
    // Each keyword's expansion was asked for (this fake API has none: each says so, and that saving still works).
    await waitFor(() => expect(screen.queryByText(/^正在加载/)).toBeNull());
    expect(screen.getAllByText(/不影响保存/)).toHaveLength(4);
  });

  it('refuses an empty subscription and a bad budget in place, without calling the API', async () => {
    const log = await openEmpty();
    fireEvent.click(screen.getByText('保存订阅'));
    expect(errorOf('keywords')).toBe('请至少设置一个条件：关键词、产业领域、地区或最低经费（万元）');

    fireEvent.change(screen.getByLabelText('最低经费（万元）'), { target: { value: '-3' } });
    fireEvent.click(screen.getByText('保存订阅'));
    expect(errorOf('minBudgetWan')).toBe('最低经费（万元）不能小于 0');
    expect(log.map((r) => r.method)).toEqual(['GET']);
    expect(calls.subscribeRequests).toEqual([]);
  });

  it('creates a subscription on H5 without asking for WeChat pushes', async () => {
    const log = await openEmpty({
      'GET /concepts/expand': expandNothing,
      'POST /me/subscriptions': create,
    });
    addKeyword('工业机器人');
    expect(await screen.findByText('“工业机器人”没有收录同义词或下位词，只匹配这个词本身')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: '人工智能' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '苏州市' }));
    fireEvent.change(screen.getByLabelText('最低经费（万元）'), { target: { value: '100' } });
    fireEvent.click(screen.getByText('保存订阅'));
    await untilSaved();
    expect(calls.subscribeRequests).toEqual([]);
    expect(paths(log).filter((p) => p !== 'POST /me/subscriptions/preview')).toEqual([
      'GET /me/subscriptions',
      'GET /concepts/expand',
      'POST /me/subscriptions',
    ]);
    expect(log.find((r) => r.path === '/me/subscriptions' && r.method === 'POST')!.body).toEqual({
      keywords: ['工业机器人'],
      excludeKeywords: [],
      dropTerms: [],
      pushMentioned: false,
      fields: ['ai'],
      regions: ['苏州市'],
      minBudgetWan: 100,
    });
    // The form starts again, empty.
    expect(screen.getByLabelText<HTMLInputElement>('关键词').value).toBe('');
    expect(screen.getByText('0/5', { selector: '[data-field="keywords"] *' })).toBeTruthy();
  });

  it('on WeChat asks for the push permission first, reports it, then creates', async () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      const log = await openEmpty({
        'POST /me/subscribe-quota': () => ({ quota: { 'tmpl-new-match': 1 } }),
        'POST /me/subscriptions': (req) => sub('s3', req.body as Partial<Subscription>),
      });
      // A keyword left in the input counts as added.
      fireEvent.change(screen.getByLabelText('关键词'), { target: { value: '钙钛矿' } });
      fireEvent.click(screen.getByText('保存订阅'));
      // Asked synchronously, within the tap.
      expect(calls.subscribeRequests).toEqual([['tmpl-new-match']]);
      await waitFor(() => expect(log).toHaveLength(3));
      expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /me/subscriptions',
        'POST /me/subscribe-quota',
        'POST /me/subscriptions',
      ]);
      expect(log[1]!.body).toEqual({ results: { 'tmpl-new-match': 'accept' } });
      expect(log[2]!.body).toMatchObject({ keywords: ['钙钛矿'] });
    } finally {
      process.env.TARO_ENV = env;
    }
  });

  it('says clearly when 20 subscriptions are reached', async () => {
    fakeApi({
      'GET /me/subscriptions': () => ({ items: [sub('s1', { keywords: ['储能'] })] }),
      'POST /me/subscriptions': () => apiError(409, 'SUBSCRIPTION.LIMIT', '订阅数量已达上限（每人 20 个），请先删除不需要的订阅'),
    });
    render(<SubscriptionsPage />);
    await screen.findByText('储能');
    addKeyword('氢能');
    fireEvent.click(screen.getByText('保存订阅'));
    expect(await screen.findByText('订阅已满 20 个')).toBeTruthy();
    expect(screen.queryByText('保存订阅')).toBeNull();
    expect(calls.toasts).toContainEqual({ title: '订阅数量已达上限（每人 20 个），请先删除不需要的订阅', icon: 'none' });
  });

  it('shows the limit at once when the list is full', async () => {
    fakeApi({
      'GET /me/subscriptions': () => ({
        items: Array.from({ length: 20 }, (_, i) => sub(`s${i}`, { keywords: [`关键词${i}`] })),
      }),
    });
    render(<SubscriptionsPage />);
    expect(await screen.findByText('订阅已满 20 个')).toBeTruthy();
    expect(screen.getByText('20/20')).toBeTruthy();
  });
});

describe('新建订阅: what a keyword matches', () => {
  it('shows each keyword’s synonyms, narrower and related terms as ticked chips; unticked ones are sent as dropTerms', async () => {
    const log = await openEmpty({
      'GET /concepts/expand': () => REDUCER,
      'POST /me/subscriptions': create,
    });
    addKeyword('减速器');
    expect(screen.getByText('正在加载“减速器”的同义词和下位词…')).toBeTruthy();
    await screen.findByRole('group', { name: '减速器的同义词' });
    expect(log.find((r) => r.path === '/concepts/expand')?.query).toEqual({ keyword: '减速器' });

    expect(group('减速器', '同义词').getByRole('checkbox', { name: '减速机' }).getAttribute('aria-checked')).toBe('true');
    // A kind of a kind shows what it is a kind of; a kind of the keyword itself shows alone.
    expect(group('减速器', '下位词').getByRole('checkbox', { name: '谐波减速器' })).toBeTruthy();
    expect(group('减速器', '下位词').getByRole('checkbox', { name: '柔轮 ⊂ 谐波减速器' })).toBeTruthy();
    expect(group('减速器', '相关词').getByRole('checkbox', { name: '回程间隙' })).toBeTruthy();

    fireEvent.click(chip('减速机'));
    fireEvent.click(chip('谐波减速器'));
    expect(chip('减速机').getAttribute('aria-checked')).toBe('false');
    // Unticking a kind takes its own kinds with it (as the server does): shown off, not a choice of its own.
    expect(chip('柔轮 ⊂ 谐波减速器（随“谐波减速器”去掉）').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('也会匹配下面打勾的词（已去掉 2 个）')).toBeTruthy();
    // Ticked again, and unticked again: a chip toggles.
    fireEvent.click(chip('回程间隙'));
    fireEvent.click(chip('回程间隙'));

    fireEvent.click(screen.getByText('保存订阅'));
    await untilSaved();
    expect(created(log).body).toMatchObject({ keywords: ['减速器'], dropTerms: ['减速机', '谐波减速器'] });
    expect(
      within(document.querySelector('.sub-item') as HTMLElement).getByText('已去掉 2 个扩展词，出现它们不算命中'),
    ).toBeTruthy();
  });

  it('keeps what was unticked when a keyword is removed and added again, and sends only the terms of keywords kept', async () => {
    const log = await openEmpty({
      'GET /concepts/expand': (req) => (req.query.keyword === '减速器' ? REDUCER : expansion('焊接', { synonyms: ['焊接工艺'] })),
      'POST /me/subscriptions': create,
    });
    addKeyword('减速器');
    fireEvent.click(await screen.findByRole('checkbox', { name: '减速机' }));
    fireEvent.click(screen.getByLabelText('删除关键词 减速器'));
    expect(screen.queryByRole('checkbox', { name: '减速机' })).toBeNull();
    addKeyword('减速器');
    // Back at once, from what was loaded, with its choice.
    expect(chip('减速机').getAttribute('aria-checked')).toBe('false');
    expect(log.filter((r) => r.path === '/concepts/expand')).toHaveLength(1);

    fireEvent.click(screen.getByLabelText('删除关键词 减速器'));
    addKeyword('焊接');
    await screen.findByRole('checkbox', { name: '焊接工艺' });
    fireEvent.click(screen.getByText('保存订阅'));
    await waitFor(() => expect(log.some((r) => r.method === 'POST' && r.path === '/me/subscriptions')).toBe(true));
    expect(created(log).body).toMatchObject({
      keywords: ['焊接'],
      dropTerms: [],
    });
  });

  it('shows the first 12 terms of a long group, then all with 展开全部', async () => {
    const narrower = Array.from({ length: 15 }, (_, i) => ({ term: `焊法${String(i + 1).padStart(2, '0')}`, broader: '焊接' }));
    await openEmpty({
      'GET /concepts/expand': () => expansion('焊接', { narrower }),
    });
    addKeyword('焊接');
    await screen.findByRole('group', { name: '焊接的下位词' });
    expect(group('焊接', '下位词').getAllByRole('checkbox')).toHaveLength(12);
    expect(screen.queryByRole('checkbox', { name: '焊法13' })).toBeNull();
    fireEvent.click(screen.getByText('展开全部 15 个'));
    expect(group('焊接', '下位词').getAllByRole('checkbox')).toHaveLength(15);
    fireEvent.click(chip('焊法15'));
    fireEvent.click(screen.getByText('收起'));
    expect(group('焊接', '下位词').getAllByRole('checkbox')).toHaveLength(12);
    expect(screen.getByText('也会匹配下面打勾的词（已去掉 1 个）')).toBeTruthy();
  });

  it('says a failed expansion does not stop saving, saves without it, and tries again on 重试', async () => {
    let up = false;
    const log = await openEmpty({
      'GET /concepts/expand': () => (up ? REDUCER : apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试')),
      'POST /me/subscriptions': create,
    });
    addKeyword('减速器');
    expect(
      await screen.findByText(
        '“减速器”的同义词和下位词没有加载出来（服务暂时出错，请稍后重试）。不影响保存：订阅仍按完整的词义匹配。',
      ),
    ).toBeTruthy();
    // Saved as it is: the server expands the keyword itself.
    fireEvent.click(screen.getByText('保存订阅'));
    await untilSaved();
    expect(created(log).body).toMatchObject({
      keywords: ['减速器'],
      dropTerms: [],
    });

    addKeyword('减速器');
    // Asked once per keyword while the page is open; a failure is asked again with 重试.
    expect(await screen.findByText('重试')).toBeTruthy();
    up = true;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByRole('checkbox', { name: '减速机' })).toBeTruthy();
    expect(log.filter((r) => r.path === '/concepts/expand')).toHaveLength(2);
  });
});

describe('新建订阅: exclusion words and pushing mentions', () => {
  it('checks exclusion words as they are added, naming the field: 2–20 characters, at most 5, never a keyword', async () => {
    const log = await openEmpty({
      'GET /concepts/expand': expandNothing,
      'POST /me/subscriptions': create,
    });
    addExclusion('训');
    expect(errorOf('excludeKeywords')).toBe('每个排除词应为 2–20 个字（“训”为 1 个字）');
    // What was typed stays, to be corrected.
    expect(screen.getByLabelText<HTMLInputElement>('排除词').value).toBe('训');
    for (const w of ['培训', '招聘', '展会', '论坛', '讲座']) addExclusion(w);
    expect(errorOf('excludeKeywords')).toBeUndefined();
    expect(within(document.querySelector('[data-field="excludeKeywords"]') as HTMLElement).getByText('5/5')).toBeTruthy();
    addExclusion('会议');
    expect(errorOf('excludeKeywords')).toBe('排除词最多 5 个');
    fireEvent.click(screen.getByLabelText('删除排除词 讲座'));
    expect(errorOf('excludeKeywords')).toBeUndefined();

    addKeyword('减速器');
    addExclusion('减速器');
    expect(errorOf('excludeKeywords')).toBe('“减速器”不能既是关键词又是排除词');
    fireEvent.change(screen.getByLabelText('排除词'), { target: { value: '' } });
    // And the other way round, under the keyword.
    addKeyword('培训');
    expect(errorOf('keywords')).toBe('“培训”不能既是关键词又是排除词');

    fireEvent.change(screen.getByLabelText('关键词'), { target: { value: '' } });
    fireEvent.click(screen.getByText('保存订阅'));
    await waitFor(() => expect(log.some((r) => r.method === 'POST' && r.path === '/me/subscriptions')).toBe(true));
    expect(created(log).body).toMatchObject({
      keywords: ['减速器'],
      excludeKeywords: ['培训', '招聘', '展会', '论坛'],
    });
    const item = within(document.querySelector('.sub-item') as HTMLElement);
    expect(item.getByText('培训、招聘、展会、论坛')).toBeTruthy();
  });

  it('pushes mentions only when 提及也推送 is on, and says what it costs', async () => {
    const log = await openEmpty({
      'GET /concepts/expand': expandNothing,
      'POST /me/subscriptions': create,
    });
    expect(
      screen.getByText('默认只有“主题相关”的新需求推送到微信（每条用掉一次订阅消息授权），“提及”的只留在消息里'),
    ).toBeTruthy();
    const toggle = screen.getByRole<HTMLInputElement>('switch', { name: '提及也推送' });
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    addKeyword('焊接');
    fireEvent.click(screen.getByText('保存订阅'));
    await untilSaved();
    expect(created(log).body).toMatchObject({ pushMentioned: true });
    expect(within(document.querySelector('.sub-item') as HTMLElement).getByText('主题相关和提及都推送')).toBeTruthy();
    // The form starts again with the default.
    expect(screen.getByRole<HTMLInputElement>('switch', { name: '提及也推送' }).checked).toBe(false);
  });
});

describe('新建订阅: the live preview', () => {
  const PREVIEW: SubscriptionPreview = {
    demands: 200,
    main: 3,
    mentioned: 2,
    examples: [
      { demandId: 'd1', title: '机器人关节谐波减速器寿命提升', tier: 'main' },
      { demandId: 'd2', title: 'RV减速器回程间隙检测', tier: 'main' },
      { demandId: 'd3', title: '电机驱动一体化模组', tier: 'mentioned' },
    ],
  };

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const previews = (log: FakeRequest[]) => log.filter((r) => r.path === '/me/subscriptions/preview');

  it('asks 600 ms after the last change, only for valid conditions, and shows the counts and examples by tier', async () => {
    const log = await openEmpty({
      'GET /concepts/expand': () => REDUCER,
      'POST /me/subscriptions/preview': () => PREVIEW,
    });
    expect(screen.getByText('添加关键词或选择条件后，这里显示近期有多少需求会匹配')).toBeTruthy();
    // A budget alone that is not valid is not previewed.
    fireEvent.change(screen.getByLabelText('最低经费（万元）'), { target: { value: '-3' } });
    act(() => jest.advanceTimersByTime(1000));
    expect(previews(log)).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('最低经费（万元）'), { target: { value: '' } });

    addKeyword('减速器');
    await screen.findByRole('checkbox', { name: '减速机' });
    act(() => jest.advanceTimersByTime(400));
    fireEvent.click(chip('减速机'));
    act(() => jest.advanceTimersByTime(599));
    expect(previews(log)).toHaveLength(0);
    expect(screen.getByText('正在统计近期匹配的需求…')).toBeTruthy();
    act(() => jest.advanceTimersByTime(1));
    expect(await screen.findByText('近期 200 条需求中：主题相关 3 条 · 提及 2 条')).toBeTruthy();
    expect(previews(log)).toHaveLength(1);
    expect(previews(log)[0]!.body).toEqual({
      keywords: ['减速器'],
      excludeKeywords: [],
      dropTerms: ['减速机'],
      pushMentioned: false,
      fields: [],
      regions: [],
    });
    const examples = Array.from(document.querySelectorAll<HTMLElement>('.sub-preview-example')).map((e) => e.textContent);
    expect(examples).toEqual(['主题相关机器人关节谐波减速器寿命提升', '主题相关RV减速器回程间隙检测', '提及电机驱动一体化模组']);
    fireEvent.click(screen.getByText('电机驱动一体化模组'));
    expect(calls.navigations).toEqual(['/pages/demand/index?id=d3']);

    // Pushing mentions changes no figure: nothing is asked again.
    fireEvent.click(screen.getByRole('switch', { name: '提及也推送' }));
    act(() => jest.advanceTimersByTime(1000));
    expect(previews(log)).toHaveLength(1);
    // A new condition: the figures stay, marked as updating, until the new ones are back.
    fireEvent.click(screen.getByRole('checkbox', { name: '江苏省' }));
    expect(screen.getByText('近期 200 条需求中：主题相关 3 条 · 提及 2 条（更新中…）')).toBeTruthy();
    act(() => jest.advanceTimersByTime(600));
    await waitFor(() => expect(previews(log)).toHaveLength(2));
    expect(previews(log)[1]!.body).toMatchObject({ regions: ['江苏省'], pushMentioned: true });
    expect(await screen.findByText('近期 200 条需求中：主题相关 3 条 · 提及 2 条')).toBeTruthy();
  });

  it('says when nothing recent matches, and when the preview fails, keeping everything typed', async () => {
    let answer: unknown = { demands: 200, main: 0, mentioned: 0, examples: [] };
    const log = await openEmpty({
      'GET /concepts/expand': expandNothing,
      'POST /me/subscriptions/preview': () => answer,
    });
    addKeyword('量子退火');
    act(() => jest.advanceTimersByTime(600));
    expect(await screen.findByText('近期 200 条需求中：主题相关 0 条 · 提及 0 条')).toBeTruthy();
    expect(screen.getByText(/近期没有符合这些条件的需求/)).toBeTruthy();

    answer = apiError(500, 'INTERNAL', '服务暂时出错，请稍后重试');
    fireEvent.change(screen.getByLabelText('排除词'), { target: { value: '培训' } });
    addExclusion('培训');
    act(() => jest.advanceTimersByTime(600));
    expect(await screen.findByText('预览没有加载出来：服务暂时出错，请稍后重试。不影响保存订阅。')).toBeTruthy();
    expect(screen.getByLabelText('删除关键词 量子退火')).toBeTruthy();
    expect(screen.getByLabelText('删除排除词 培训')).toBeTruthy();

    answer = PREVIEW;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('近期 200 条需求中：主题相关 3 条 · 提及 2 条')).toBeTruthy();
    expect(previews(log)).toHaveLength(3);
  });
});
