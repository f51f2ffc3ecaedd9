// Bad input: text people type is shown in the H5 app, never run. A demand whose title, description, company
// and "other" texts carry script (`<img onerror>`, `<script>`, `<svg onload>`, `javascript:` links…), a solution with
// the same, a decline reason, a rejection reason and saved-search keywords are posted through the API and opened in
// Chromium where people read them: the hall with a search, the detail page, the owner's triage with its confirm
// dialog, the inbox, my solutions, my demands, my subscriptions and the review queue. On each page: window.__xss is
// never set (a trap also records any assignment across reloads), no dialog opens, no element made of the markup
// exists, and the text is shown literally.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { call, completeForm, login } from '../../functions/test/support/api';
import { decide, solutionForm, submitSolution, WELDING_SUMMARY } from '../../functions/test/support/contest';
import { chromiumForTests, PHONE } from '../../scripts/lib/chromium';
import { recordFigure } from './figures';
import { SCRIPT_PAYLOADS } from './support/payloads';

const SECTION = 'bad input';
const TAG = `xss${Date.now().toString(36)}`;

/** What people type, with the script in it; each sets window.__xss or opens a dialog if anything runs it. */
const T = {
  title: `${TAG} <img src=x onerror="window.__xss=1">`,
  description: `<script>window.__xss=2</script>需要一种钛合金焊缝的在线检测方法 <svg onload="window.__xss=3"> <a href="javascript:window.__xss=4">点我</a> ${SCRIPT_PAYLOADS.slice(5, 9).join(' ')} 检测速度不低于每分钟2米，可识别0.1毫米以上的气孔与裂纹。`,
  companyIntro: `<img src=x onerror="window.__xss=11"><body onload="window.__xss=9">{{constructor.constructor("window.__xss=12")()}} 专注钛合金精密成形`,
  companyName: `<svg onload="window.__xss=13">精密制造有限公司`,
  fieldOther: '<i onclick=alert(14)>其他</i>',
  cooperationOther: '<a href="javascript:alert(15)">合作</a>',
  contactName: '<script>alert(16)</script>',
  solutionTitle: `${TAG}方案<img src=x onerror="window.__xss=21">`,
  organisation: `<svg onload="window.__xss=22">焊接研究院`,
  team: '<script>window.__xss=23</script>团队',
  declineReason: `<img src=x onerror="window.__xss=24">检测速度不够 <script>alert(25)</script>`,
  rejectReason: `<svg onload="window.__xss=31">请补充指标 javascript:alert(32)`,
  pendingTitle: `${TAG}待审<img src=x onerror=alert(33)>`,
  keyword: '<svg onload=__xss=1>',
};

/** Substrings that must appear as text on a page: the start of each piece of markup. */
const literal = (markup: string) => markup.slice(0, Math.min(markup.length, 40));

// The test's trap: an assignment to window.__xss is kept in sessionStorage, so it is seen even if the page reloads.
const TRAP = `(() => {
  let value;
  Object.defineProperty(window, '__xss', {
    configurable: true,
    get() { return value; },
    set(v) {
      value = v;
      const hits = JSON.parse(sessionStorage.getItem('__xssHits') || '[]');
      hits.push(String(v));
      sessionStorage.setItem('__xssHits', JSON.stringify(hits));
    },
  });
})();`;

/** Elements that only exist if the markup was parsed as HTML (Taro's own tab bar links are `javascript:;`). */
const PARSED_MARKUP =
  'img[src="x"], [onerror], svg[onload], iframe[src^="javascript:"], a[href*="__xss"], a[href*="alert("], details[ontoggle], [onload*="__xss"], [onclick*="alert("], [onmouseover]';

interface World {
  demandId: string;
  owner: string;
  challenger: string;
  subscriber: string;
  admin: string;
  keywordAccepted: boolean;
}

// The same Chromium, phone size and screenshot folder as miniapp/test/browser/browser.ts, which this project's
// typecheck cannot import (it evaluates DOM code, and the root tsconfig has no DOM library).
const SCREENSHOTS = join(__dirname, '..', '..', '.artifacts', 'screenshots');
const h5 = (hashPath: string) => `${process.env.STACK_H5_URL as string}/#${hashPath}`;

/** API calls the page sent elsewhere than this run's API. */
let rerouted = 0;

async function openPhone(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch(chromiumForTests());
  const context = await browser.newContext(PHONE);
  // The H5 build lives in one folder (miniapp/dist/h5) for every jest run on the machine: when two runs build at
  // once, chunks of the other build call the other run's API. Those calls are sent to this run's API instead.
  const api = new URL(process.env.STACK_API_URL as string);
  const app = new URL(process.env.STACK_H5_URL as string);
  await context.route(
    (url) => url.hostname === api.hostname && url.port !== api.port && url.port !== app.port,
    async (route) => {
      const url = new URL(route.request().url());
      url.host = api.host;
      rerouted += 1;
      await route.continue({ url: url.toString() });
    },
  );
  return { browser, page: await context.newPage() };
}

let browser: Browser;
let page: Page;
let world: World;
const dialogs: string[] = [];
let rendered = 0;
/** Everything that ran: assignments to window.__xss, dialogs, elements made of the markup (the most seen at once). */
let executed = 0;

// Taro's H5 router keeps earlier pages in the DOM, hidden, so every lookup keeps to what a person can see.
const visibleText = (value: string) => page.getByText(value, { exact: false }).filter({ visible: true }).first();
const exactText = (value: string) => page.getByText(value, { exact: true }).filter({ visible: true }).first();

async function devLogin(nickname: string, role: '普通用户' | '管理员') {
  await page.goto(h5('/pages/me/index'));
  const logout = exactText('退出登录');
  if (await logout.isVisible().catch(() => false)) await logout.click();
  await page.locator('input[aria-label="昵称"], [aria-label="昵称"] input').filter({ visible: true }).first().fill(nickname);
  await exactText(role).click();
  await exactText('登录').click();
  await visibleText(nickname).waitFor();
}

interface Executed {
  xss: unknown;
  hits: string[];
  parsed: number;
}
const EXECUTED = `({ xss: window.__xss, hits: JSON.parse(sessionStorage.getItem('__xssHits') || '[]'), parsed: document.querySelectorAll(${JSON.stringify(PARSED_MARKUP)}).length })`;

/** Waits for each text to be shown literally, gives handlers time to fire, and reads what ran. */
async function expectShownNotRun(where: string, texts: string[]): Promise<void> {
  for (const t of texts) await visibleText(literal(t)).waitFor({ timeout: 20_000 });
  await page.waitForTimeout(600);
  const seen = await page.evaluate<Executed>(EXECUTED);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `xss-${where}.png`) });
  rendered += texts.length;
  executed = Math.max(executed, seen.hits.length + seen.parsed + dialogs.length + (seen.xss === undefined ? 0 : 1));
  expect({ where, ...seen, dialogs }).toEqual({ where, xss: undefined, hits: [], parsed: 0, dialogs: [] });
}

async function setUp(): Promise<World> {
  const [owner, challenger, subscriber, admin] = await Promise.all([
    login('user', `${TAG}需求方`),
    login('user', `${TAG}揭榜方`),
    login('user', `${TAG}订阅者`),
    login('admin', `${TAG}组织方`),
  ]);
  // The subscriber follows the tag, to receive the demand in the inbox, and saves a keyword that is markup itself.
  const follows = await call('POST', '/me/subscriptions', { token: subscriber.token, json: { keywords: [TAG] } });
  const markupKeyword = await call('POST', '/me/subscriptions', { token: subscriber.token, json: { keywords: [T.keyword] } });
  if (follows.status !== 201) throw new Error(`subscription: ${follows.status} ${follows.text}`);

  const form = completeForm({
    title: T.title,
    description: T.description,
    companyIntro: T.companyIntro,
    companyName: T.companyName,
    field: 'other',
    fieldOther: T.fieldOther,
    cooperationModes: ['other', 'co_develop'],
    cooperationOther: T.cooperationOther,
    contactName: T.contactName,
    anonymous: false,
  });
  const publish = async (f: typeof form, decision: 'approve' | 'reject' | undefined) => {
    const draft = await call<{ id: string }>('POST', '/demands', { token: owner.token, json: f });
    const submitted = await call('POST', `/demands/${draft.body.id}/submit`, { token: owner.token });
    if (draft.status !== 201 || submitted.status !== 200)
      throw new Error(`demand: ${draft.status} ${draft.text} ${submitted.text}`);
    if (decision) {
      const review = await call('POST', `/admin/demands/${draft.body.id}/review`, {
        token: admin.token,
        json: decision === 'approve' ? { decision } : { decision, reason: T.rejectReason },
      });
      if (review.status !== 200) throw new Error(`review: ${review.status} ${review.text}`);
    }
    return draft.body.id;
  };
  const [demandId] = await Promise.all([
    publish(form, 'approve'),
    publish(completeForm({ title: `${TAG}驳回需求` }), 'reject'),
    publish(completeForm({ title: T.pendingTitle }), undefined),
  ]);
  await submitSolution(
    challenger.token,
    demandId,
    solutionForm({
      title: T.solutionTitle,
      summary: `${SCRIPT_PAYLOADS.slice(0, 3).join('')}${WELDING_SUMMARY}`,
      organisation: T.organisation,
      team: T.team,
      contactName: '<b>张</b>',
    }),
  );
  return {
    demandId,
    owner: owner.user.nickname,
    challenger: challenger.user.nickname,
    subscriber: subscriber.user.nickname,
    admin: admin.user.nickname,
    keywordAccepted: markupKeyword.status === 201,
  };
}

describe('bad input: script in text is shown, never run', () => {
  beforeAll(async () => {
    world = await setUp();
    ({ browser, page } = await openPhone());
    await page.context().addInitScript(TRAP);
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (rerouted > 0)
      process.stdout.write(`script injection: ${rerouted} API calls of another run's H5 build were sent to this run's API\n`);
    recordFigure({
      section: SECTION,
      name: 'script payloads rendered as text in Chromium (text × page)',
      value: rendered,
      target: '≥ 20',
      pass: rendered >= 20,
    });
    recordFigure({
      section: SECTION,
      name: 'scripts executed (window.__xss, dialogs, parsed markup)',
      value: executed,
      target: '0',
      pass: executed === 0 && rendered > 0,
    });
  });

  it('control: the same checks see script that does run', async () => {
    const control = await page.context().newPage();
    const opened: string[] = [];
    control.on('dialog', (dialog) => {
      opened.push(dialog.message());
      void dialog.dismiss();
    });
    await control.goto(h5('/pages/index/index'));
    await control.evaluate(
      `document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss=99"><img src=x onerror="alert(98)">')`,
    );
    await control.waitForTimeout(600);
    const seen = await control.evaluate<Executed>(EXECUTED);
    await control.close();
    expect({ ...seen, parsed: seen.parsed >= 2, opened }).toEqual({ xss: 99, hits: ['99'], parsed: true, opened: ['98'] });
  }, 60_000);

  it('the hall: a search finds the demand, its card shows the markup as text', async () => {
    await page.goto(h5('/pages/index/index'));
    const search = page.locator('input[aria-label="搜索需求"], [aria-label="搜索需求"] input').filter({ visible: true }).first();
    await search.fill(TAG);
    await Promise.all([page.waitForResponse((r) => r.url().includes(`q=${TAG}`)), search.press('Enter')]);
    await expectShownNotRun('hall', [T.title, T.description, T.fieldOther, T.cooperationOther]);
  }, 120_000);

  it('the detail page: title, description, company and contacts as text', async () => {
    await page.locator('.demand-card', { hasText: TAG }).filter({ visible: true }).first().click();
    await expectShownNotRun('detail', [
      T.title,
      T.description,
      '<a href="javascript:window.__xss=4">点我</a>',
      T.companyIntro,
      T.companyName,
    ]);
  }, 120_000);

  it("the owner's triage: the solution, and the intent dialog naming its organisation", async () => {
    await devLogin(world.owner, '普通用户');
    await page.goto(h5(`/contest/solutions/index?demandId=${world.demandId}`));
    await expectShownNotRun('owner-solutions', [T.solutionTitle, T.organisation, T.team]);
    const card = page.locator('.solution-card', { hasText: TAG }).filter({ visible: true }).first();
    await card.getByText('签订意向协议', { exact: true }).click();
    await page.locator('.taro-modal__text').filter({ visible: true }).first().waitFor();
    await expectShownNotRun('intent-dialog', [T.organisation]);
    await page.locator('.taro-model__cancel').filter({ visible: true }).first().click();
  }, 120_000);

  it("the challenger's inbox and my solutions: the decline reason as text", async () => {
    const ownerToken = (await login('user', world.owner)).token;
    const challengerToken = (await login('user', world.challenger)).token;
    const mine = await call<{ items: { id: string }[] }>('GET', '/me/solutions', { token: challengerToken });
    await decide(ownerToken, mine.body.items[0]!.id, 'decline', T.declineReason);

    await devLogin(world.challenger, '普通用户');
    await page.goto(h5('/pages/inbox/index'));
    await expectShownNotRun('inbox-declined', [T.declineReason]);
    await page.goto(h5('/contest/my-solutions/index'));
    await expectShownNotRun('my-solutions', [T.solutionTitle, T.declineReason]);
  }, 120_000);

  it("the owner's demands: the rejection reason as text", async () => {
    await devLogin(world.owner, '普通用户');
    await page.goto(h5('/mine/my-demands/index'));
    await expectShownNotRun('my-demands', [T.title, T.rejectReason, T.pendingTitle]);
  }, 120_000);

  it("the subscriber's inbox and saved searches: the demand's title and the keyword as text", async () => {
    // The alert travels the demands stream and the matcher: wait for it through the API first.
    const token = (await login('user', world.subscriber)).token;
    let arrived = false;
    for (let i = 0; i < 60 && !arrived; i += 1) {
      const inbox = await call<{ items: { title: string }[] }>('GET', '/me/notifications', { token });
      arrived = inbox.body.items.some((n) => n.title === T.title);
      if (!arrived) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(arrived).toBe(true);
    await devLogin(world.subscriber, '普通用户');
    await page.goto(h5('/pages/inbox/index'));
    await expectShownNotRun('inbox-match', [T.title]);
    await page.goto(h5('/mine/subscriptions/index'));
    await expectShownNotRun('subscriptions', world.keywordAccepted ? [TAG, T.keyword] : [TAG]);
    expect(world.keywordAccepted).toBe(true);
  }, 120_000);

  it('the review queue: a pending title as text', async () => {
    await devLogin(world.admin, '管理员');
    await page.goto(h5('/mine/review/index'));
    // Newest first: the suite's other tests leave pending demands of their own, which can fill the oldest-first pages.
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('order=newest')),
      page.getByText('最新提交', { exact: true }).click(),
    ]);
    await expectShownNotRun('review', [T.pendingTitle]);
  }, 120_000);
});
