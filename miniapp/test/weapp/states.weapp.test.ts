// The states a person sees on a phone besides the happy one, in the built weapp: loading while the network is slow,
// an error with a way to retry when it is gone, empty lists, and pull-to-refresh.
import { weappSuite } from './support/suite';

const suite = weappSuite();

test('the hall shows a skeleton while the first page of demands is on its way', async () => {
  const host = suite.start({ network: 'hanging' });
  const hall = host.open('pages/index/index');
  await hall.waitFor('the skeleton', () => hall.byClass('skeleton-list').length > 0);
  expect(hall.byClass('demand-card')).toHaveLength(0);
  expect(host.wx.requests.map((r) => r.path)).toEqual(['/demands?limit=20']);
});

test('without a network the hall says so, and 重试 loads the demands once it is back', async () => {
  const host = suite.start({ network: 'offline' });
  const hall = host.open('pages/index/index');
  await hall.waitForText('加载失败');
  expect(hall.text()).toContain('网络连接失败，请检查网络后重试');
  host.wx.network = 'online';
  await hall.tap('重试');
  await hall.waitForText(suite.fixture.demand.title);
  expect(hall.text()).not.toContain('加载失败');
});

test('a search that finds nothing says so, and 清除筛选 brings the list back', async () => {
  const host = suite.start();
  const hall = host.open('pages/index/index');
  await hall.waitForText(suite.fixture.demand.title);
  const [input] = hall.byClass('search-bar__input');
  await hall.type(input!, '不存在的关键词zqx');
  await hall.tap('搜索');
  await hall.waitForText('没有找到符合条件的需求');
  expect(hall.byClass('demand-card')).toHaveLength(0);
  expect(host.wx.requests.some((r) => r.path.startsWith('/demands?q='))).toBe(true);
  await hall.tap('清除筛选');
  await hall.waitForText(suite.fixture.demand.title);
});

test('an empty inbox and an empty follow list explain what will appear there', async () => {
  const host = suite.start({ session: suite.fixture.newcomer });
  const inbox = host.open('pages/inbox/index');
  await inbox.waitForText('暂无消息');
  const follows = host.open('mine/my-follows/index');
  await follows.waitForText('还没有关注需求');
});

test('a logged-in page that cannot reach the API shows the error, not an empty list', async () => {
  const host = suite.start({ session: suite.fixture.owner, network: 'offline' });
  const mine = host.open('mine/my-demands/index');
  await mine.waitForText('加载失败');
  expect(mine.text()).not.toContain(suite.fixture.demand.title);
});

test('pulling down on the figures asks the API again', async () => {
  const host = suite.start();
  const stats = host.open('contest/stats/index');
  await stats.waitForText('已发布需求');
  await host.settled();
  const before = host.wx.requests.filter((r) => r.path === '/stats').length;
  stats.pullDownRefresh();
  await stats.waitFor('a second request for /stats', () => host.wx.requests.filter((r) => r.path === '/stats').length > before);
  await host.settled();
  await stats.waitForText('已发布需求');
  // The page ends the pull-down once the figures are back (the spinner would spin on otherwise).
  await stats.waitFor('the pull-down to end', () => host.wx.pullDownStops > 0);
});
