// A whole 揭榜比拼 in the H5 build, in Debian's Chromium at 375×812, against the local stack: two challengers answer one
// demand through the form, the owner shortlists both, two judges score them, the owner signs an intent agreement with
// the better one and declines the other with a reason, an organiser gives 最佳解决方案奖, the figures count one more
// matched demand, and the losing challenger reads the reason in the inbox. Setting up the demand and the judges goes
// through the API; everything a person does in the contest goes through the pages.
import type { Browser, Page } from 'playwright-core';
import { login, published } from '../../../functions/test/support/api';
import { assignJudges } from '../../../functions/test/support/contest';
import { devLogin as devLoginAs, h5, launch, phone, shot, visible, visibleField as field, visibleText as text } from './browser';

type Role = 'user' | 'admin' | 'judge';
const ROLE_LABEL = { user: '普通用户', admin: '管理员', judge: '评委' } as const satisfies Record<Role, string>;
const devLogin = (page: Page, nickname: string, role: Role) => devLoginAs(page, nickname, ROLE_LABEL[role]);

const tag = `揭榜${Date.now()
  .toString(36)
  .replace(/[^a-z]/g, '')
  .slice(0, 5)}`;
const demandTitle = `${tag}钛合金焊缝在线检测装备`;
const people = {
  owner: `${tag}需求方`,
  winner: `${tag}南理工`,
  loser: `${tag}常州检测`,
  judge1: `${tag}评委甲`,
  judge2: `${tag}评委乙`,
  admin: `${tag}组织方`,
};
const WIN = { title: `${tag}相控阵在线检测系统`, organisation: `${tag}南京理工大学焊接研究所` };
const LOSE = { title: `${tag}涡流阵列检测方案`, organisation: `${tag}常州检测技术有限公司` };
const DECLINE_REASON = '检测速度达不到产线每分钟2米的节拍要求';

const responseTo = (page: Page, method: string, path: RegExp) =>
  page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));

/** The 已对接需求 figure on the 数据统计 page, as the page shows it. */
async function matchedOnStatsPage(page: Page): Promise<number> {
  const figure = visible(page, '.stat-figure', '已对接需求').first();
  await figure.waitFor();
  return Number((await figure.locator('.stat-value').innerText()).replace(/,/g, ''));
}

describe('揭榜比拼 in a real browser', () => {
  let browser: Browser;
  let page: Page;
  let demandId: string;
  let matchedBefore: number;

  beforeAll(async () => {
    browser = await launch();
    page = await phone(browser);
    // The demand, published, and its two judges: set up through the API.
    const owner = await login('user', people.owner);
    const admin = await login('admin', people.admin);
    const judges = await Promise.all([login('judge', people.judge1), login('judge', people.judge2)]);
    const demand = await published(owner.token, admin.token, {
      companyName: `${tag}精密制造有限公司`,
      region: '江苏省 / 苏州市 / 工业园区',
      contactName: '王工',
      contactPhone: '13812345678',
      title: demandTitle,
      budgetWan: 120,
      field: 'equipment',
      description:
        '需要一套钛合金焊缝的在线检测装备：检测速度不低于每分钟2米，可识别0.1毫米以上的气孔与裂纹，漏检率低于千分之一，能接入现有产线的PLC系统，并输出焊缝质量报告。',
      cooperationModes: ['co_develop'],
    });
    demandId = demand.id;
    await assignJudges(
      admin.token,
      demandId,
      judges.map((j) => j.user.id),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function submitSolution(nickname: string, s: typeof WIN, summary: string, shotName?: string) {
    await devLogin(page, nickname, 'user');
    await page.goto(h5(`/pages/demand/index?id=${demandId}`));
    await text(page, '我要揭榜').click();
    await field(page, '方案名称').waitFor();
    const fill = async (label: string, value: string) => {
      await field(page, label).fill(value);
      await field(page, label).blur();
    };
    await fill('方案名称', s.title);
    await fill('方案简介', '相控阵超声在线检测焊缝缺陷。');
    await visible(page, '.field-error', '方案简介至少需要 100 个字').waitFor();
    await fill('方案简介', summary);
    await fill('预计费用（万元）', '80');
    await fill('实施周期（月）', '12');
    await fill('单位名称', s.organisation);
    await fill('团队成员', '李教授（负责人）、王博士（算法）、赵工程师（产线集成）');
    await fill('联系人', '李教授');
    await fill('联系电话', '13912345678');
    await text(page, '我已阅读并同意《保密协议》和《免责声明》').click();
    if (shotName) {
      await text(page, '查看《保密协议》和《免责声明》').click();
      await shot(page, shotName);
    }
    const [res] = await Promise.all([responseTo(page, 'POST', /\/demands\/[^/]+\/solutions$/), text(page, '提交方案').click()]);
    expect(res.status()).toBe(201);
    await visible(page, '.my-solution', s.title).first().waitFor();
    expect(await visible(page, '.my-solution', s.title).first().innerText()).toContain('待处理');
  }

  it('1. two challengers 揭榜 the demand through the form', async () => {
    await submitSolution(
      people.winner,
      WIN,
      '采用相控阵超声与激光视觉复合的钛合金焊缝在线检测装备：相控阵探头沿焊缝同步扫查，识别0.1毫米以上的气孔与裂纹；检测速度每分钟2米以上，漏检率低于千分之一，数据经边缘计算实时判定并接入产线PLC系统，输出焊缝质量报告，已在两家航空钛材企业完成中试。',
      'solution-form',
    );
    await shot(page, 'my-solutions');
    await submitSolution(
      people.loser,
      LOSE,
      '采用多通道涡流阵列探头对焊缝表面及近表面缺陷进行扫查，配套缺陷识别软件，可识别表面裂纹，检测速度约每分钟1米，适用于导电材料的离线抽检，后续可通过增加通道数提升速度，需要进一步验证对钛合金内部气孔的检出能力。',
    );
  });

  it('2. the owner sees both, with their fit, and shortlists both', async () => {
    await devLogin(page, people.owner, 'user');
    await page.goto(h5(`/pages/demand/index?id=${demandId}`));
    await text(page, '查看揭榜方案 (2)').click();
    for (const s of [WIN, LOSE]) await visible(page, '.solution-card', s.title).first().waitFor();
    await shot(page, 'owner-solutions');
    for (const s of [WIN, LOSE]) {
      const card = visible(page, '.solution-card', s.title).first();
      const [res] = await Promise.all([responseTo(page, 'POST', /\/solutions\/[^/]+\/decision$/), text(card, '入围').click()]);
      expect(res.status()).toBe(200);
      await text(card, '已入围').waitFor();
    }
  });

  async function score(nickname: string, scores: Record<string, [number, number, number]>, shotName?: string) {
    await devLogin(page, nickname, 'judge');
    await page.goto(h5('/contest/judging/index'));
    await text(page, demandTitle).click();
    for (const [title, values] of Object.entries(scores)) {
      const card = visible(page, '.score-card', title).first();
      await card.waitFor();
      await field(card, '完备性').fill(String(values[0]));
      await field(card, '可实施性').fill(String(values[1]));
      await field(card, '匹配性').fill(String(values[2]));
      const [res] = await Promise.all([responseTo(page, 'PUT', /\/solutions\/[^/]+\/score$/), text(card, '保存评分').click()]);
      expect(res.status()).toBe(200);
      await text(card, '已评分').waitFor();
    }
    if (shotName) await shot(page, shotName);
  }

  it('3. two judges score both in the scoring sheet', async () => {
    await score(people.judge1, { [WIN.title]: [90, 85, 92], [LOSE.title]: [70, 60, 65] }, 'judging');
    await score(people.judge2, { [WIN.title]: [88, 80, 90], [LOSE.title]: [75, 58, 62] });
    // The ranking under the sheet now puts the winner first.
    const first = visible(page, '.ranking-row:not(.ranking-head)').first();
    await expect(first.innerText()).resolves.toContain(WIN.title);
    await expect(first.locator('.ranking-rank').innerText()).resolves.toBe('1');
  });

  it('4. the owner signs an intent agreement with the winner and declines the other with a reason', async () => {
    await page.goto(h5('/contest/stats/index'));
    matchedBefore = await matchedOnStatsPage(page);

    await devLogin(page, people.owner, 'user');
    await page.goto(h5(`/contest/solutions/index?demandId=${demandId}`));
    await Promise.all([responseTo(page, 'GET', /\/solutions$/), text(page, '评分').click()]);
    await visible(page, '.solution-card', WIN.title).first().waitFor();
    // Sorted by the judges' score: the winner comes first.
    await expect(visible(page, '.solution-card').first().innerText()).resolves.toContain(WIN.title);

    const winner = visible(page, '.solution-card', WIN.title).first();
    await text(winner, '签订意向协议').click();
    const confirm = page.locator('.taro-model__confirm').filter({ visible: true });
    await confirm.waitFor();
    await shot(page, 'intent-confirm');
    const [intent] = await Promise.all([responseTo(page, 'POST', /\/solutions\/[^/]+\/decision$/), confirm.click()]);
    expect(intent.status()).toBe(200);
    await text(winner, '已签意向').waitFor();

    const loser = visible(page, '.solution-card', LOSE.title).first();
    await text(loser, '婉拒').click();
    await text(loser, '确认婉拒').click();
    await visible(page, '.field-error', '婉拒时请填写原因，揭榜方会看到它').waitFor();
    await field(loser, '婉拒原因').fill(DECLINE_REASON);
    const [decline] = await Promise.all([
      responseTo(page, 'POST', /\/solutions\/[^/]+\/decision$/),
      text(loser, '确认婉拒').click(),
    ]);
    expect(decline.status()).toBe(200);
    await text(loser, '未入选').waitFor();
    await shot(page, 'owner-decisions');

    await text(page, '评审排名').click();
    await visible(page, '.ranking-row', WIN.title).first().waitFor();
    await shot(page, 'ranking');
  });

  it('5. an organiser gives 最佳解决方案奖 through the award form', async () => {
    await devLogin(page, people.admin, 'admin');
    await page.goto(h5(`/contest/solutions/index?demandId=${demandId}`));
    await text(page, '颁发奖项 ›').click();
    await text(page, '最佳解决方案奖').waitFor();
    await page
      .getByRole('radio', { name: new RegExp(WIN.title) })
      .filter({ visible: true })
      .first()
      .click();
    await field(page, '颁奖词').fill('检测方案完整、指标明确、可在产线落地');
    await shot(page, 'award-form');
    const [res] = await Promise.all([responseTo(page, 'POST', /\/admin\/awards$/), text(page, '颁发').click()]);
    expect(res.status()).toBe(201);
    await text(page, '已颁发：最佳解决方案奖').waitFor();
    await page.getByText(`获奖者：${WIN.organisation}`, { exact: false }).filter({ visible: true }).first().waitFor();

    // The demand's page shows it: 已对接, and the award with its winner.
    await page.goto(h5(`/pages/demand/index?id=${demandId}`));
    await text(page, '获奖情况').waitFor();
    await page.getByText(WIN.organisation).filter({ visible: true }).first().waitFor();
    await visible(page, '.detail-hero', '已对接').first().waitFor();
    await shot(page, 'demand-awarded');
  });

  it('6. the figures count one more matched demand', async () => {
    // The counters follow the demands stream: reload until the match has reached them.
    let matched = matchedBefore;
    await page.goto(h5('/contest/stats/index'));
    for (let i = 0; i < 30 && matched <= matchedBefore; i += 1) {
      if (i > 0) {
        await page.waitForTimeout(1000);
        await page.reload();
      }
      matched = await matchedOnStatsPage(page);
    }
    // At least one more: under `npm test` the integration tests share this stack and may match demands meanwhile.
    expect(matched).toBeGreaterThanOrEqual(matchedBefore + 1);
    await shot(page, 'stats');
  });

  it('7. the losing challenger reads the decline reason in the inbox; the winner sees the award on 我的', async () => {
    await devLogin(page, people.loser, 'user');
    await page.goto(h5('/pages/inbox/index'));
    const item = visible(page, '.notification-item', '你的揭榜方案未入选').first();
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain(`婉拒原因：${DECLINE_REASON}`);
    await expect(item.innerText()).resolves.toContain(demandTitle);
    await shot(page, 'inbox-declined');
    await item.click();
    await visible(page, '.my-solution', LOSE.title).first().waitFor();
    await expect(visible(page, '.my-solution', LOSE.title).first().innerText()).resolves.toContain(DECLINE_REASON);

    await devLogin(page, people.winner, 'user');
    const badges = page.getByRole('list', { name: '我的奖项' }).filter({ visible: true }).first();
    await badges.waitFor();
    await expect(badges.innerText()).resolves.toContain('最佳解决方案奖');
    await shot(page, 'me-awards');
  });
});
