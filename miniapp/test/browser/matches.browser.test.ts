// 动员揭榜 in the H5 build, in Debian's Chromium at a phone's size, against the local stack: a holder's 成果 is
// published, then an owner's demand on the same subject; the owner opens the demand, sees it under 匹配成果, opens the
// 成果粗评估 and invites the holder with 邀请揭榜, and the holder has the invitation. Publishing goes through the API;
// what the owner does goes through the pages.
import type { Browser, Page } from 'playwright-core';
import type { InvitationsResponse } from '@cic/shared';
import { achievementForm, call, completeForm, login, published, publishedAchievement } from '../../../functions/test/support/api';
import { devLogin, h5, launch, phone, shot, visible, visibleText } from './browser';

const tag = `匹配${Date.now()
  .toString(36)
  .replace(/[^a-z]/g, '')
  .slice(0, 5)}`;

describe('匹配成果 → 成果粗评估 → 邀请揭榜 in a real browser', () => {
  let browser: Browser;
  let page: Page;
  let demandId: string;
  let achievementTitle: string;
  let holderToken: string;
  const owner = `${tag}需求方`;

  beforeAll(async () => {
    browser = await launch();
    page = await phone(browser);
    const [ownerAuth, admin, holder] = await Promise.all([
      login('user', owner),
      login('admin', `${tag}组织方`),
      login('user', `${tag}持有方`),
    ]);
    holderToken = holder.token;
    const achievement = await publishedAchievement(
      holder.token,
      admin.token,
      achievementForm({ title: `${tag}钛合金薄板脉冲激光焊接工艺`, keywords: ['激光焊接', '钛合金'] }),
    );
    achievementTitle = achievement.title!;
    const demand = await published(
      ownerAuth.token,
      admin.token,
      completeForm({
        title: `${tag}钛合金薄板激光焊接变形控制`,
        description:
          '需要一套钛合金薄板的激光焊接工艺：焊缝强度不低于母材的百分之九十，变形量小于零点二毫米，气孔率低，能在现有产线上实施，并提供工艺参数包与人员培训。',
      }),
    );
    demandId = demand.id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the owner finds the 成果 on the demand, reads its scorecard and invites its holder', async () => {
    await devLogin(page, owner, '普通用户');
    const card = page.locator('.match-card', { hasText: achievementTitle }).filter({ visible: true }).first();
    const section = visible(page, '[role="group"][aria-label="匹配成果"]').first();
    // Matching runs when the demand is published (a stream): reload until the 成果 is listed.
    let found = false;
    for (let i = 0; i < 20 && !found; i += 1) {
      await page.goto(h5(`/pages/demand/index?id=${demandId}`));
      await section.waitFor();
      // The section loads on its own after the demand: wait for its answer (cards, 暂无…, or an error) before looking.
      await section.getByText('正在加载匹配成果…').waitFor({ state: 'detached' });
      const failure = section.locator('[role="alert"]');
      if (await failure.isVisible()) throw new Error(`匹配成果 did not load: ${await failure.innerText()}`);
      found = await card.isVisible();
      if (!found) await page.waitForTimeout(1000);
    }
    expect(found).toBe(true);
    await shot(page, 'demand-matches');

    await card.locator('.match-card__body').click();
    await visibleText(page, '综合得分').waitFor();
    for (const label of ['契合度', '成熟度', '知识产权', '价格', '地域']) await visibleText(page, label).waitFor();
    await page
      .getByText(/粗评估：系统根据双方公开填写的信息自动估算/)
      .filter({ visible: true })
      .first()
      .waitFor();
    await shot(page, 'scorecard');

    await visibleText(page, '邀请揭榜').click();
    const sent = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes(`/demands/${demandId}/invitations`),
    );
    await visibleText(page, '发送邀请').click();
    expect((await sent).status()).toBe(201);
    await visibleText(page, '已邀请').waitFor();

    const invitations = await call<InvitationsResponse>('GET', '/me/invitations', { token: holderToken });
    expect(invitations.body.items).toEqual([expect.objectContaining({ demandId, achievementTitle, status: 'open' })]);
  }, 180_000);
});
