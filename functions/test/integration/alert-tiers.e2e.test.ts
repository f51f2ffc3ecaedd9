// Alerts a provider trusts, end to end on the local stack: the matcher's explanation (narrower terms, where), the two
// tiers (主题相关 pushed, 提及 kept in the inbox unless the subscription asks), exclusion words and unticked terms, the
// inbox filtered by tier, the editor's expansion and preview, and 有用 / 不相关 counted into the organisers' figures.
import type {
  AlertFeedbackResponse,
  AlertFeedbackResult,
  AuthResponse,
  ConceptExpansion,
  Notification,
  Page,
  SubscribeQuotaResponse,
  Subscription,
  SubscriptionPreview,
} from '@cic/shared';
import { call, completeForm, latinWord, login, published, uniq } from '../support/api';
import { stackWechat } from '../support/fake-wechat-control';
import { eventually } from '../support/stack-env';

const TEMPLATE = 'local-tmpl-new-match';

async function wechatUser(): Promise<AuthResponse> {
  const res = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${uniq('wx')}-1` } });
  if (res.status !== 200) throw new Error(`wechat login failed: ${res.text}`);
  return res.body;
}

const inbox = async (token: string, tier?: string) =>
  (await call<Page<Notification>>('GET', `/me/notifications${tier ? `?tier=${tier}` : ''}`, { token })).body.items;
const feedback = (token: string, id: string, relevant: boolean) =>
  call<AlertFeedbackResult>('POST', `/me/notifications/${encodeURIComponent(id)}/feedback`, { token, json: { relevant } });

describe('alert tiers, steering and feedback', () => {
  // A Latin token of its own keeps this file's demand apart from every other demand of the stack.
  const token = latinWord('zt');
  let admin: string;
  let owner: string;
  const users = {} as Record<'narrower' | 'mention' | 'pushBoth' | 'excluded' | 'unticked', AuthResponse>;
  let demandId = '';

  beforeAll(async () => {
    admin = (await login('admin')).token;
    owner = (await login('user')).token;
    const people = await Promise.all([wechatUser(), wechatUser(), wechatUser(), wechatUser(), wechatUser()]);
    [users.narrower, users.mention, users.pushBoth, users.excluded, users.unticked] = people;
    const subscribe = async (user: AuthResponse, body: object) => {
      const res = await call<Subscription>('POST', '/me/subscriptions', { token: user.token, json: body });
      expect(res.status).toBe(201);
      const quota = await call<SubscribeQuotaResponse>('POST', '/me/subscribe-quota', {
        token: user.token,
        json: { results: { [TEMPLATE]: 'accept' } },
      });
      expect(quota.body.quota[TEMPLATE]).toBe(1);
      return res.body;
    };
    await subscribe(users.narrower, { keywords: [token, '减速机'] });
    await subscribe(users.mention, { keywords: [token, '焊接'] });
    const both = await subscribe(users.pushBoth, { keywords: [token, '焊接'], pushMentioned: true });
    expect(both).toMatchObject({ pushMentioned: true, excludeKeywords: [], dropTerms: [] });
    await subscribe(users.excluded, { keywords: [token, '减速器'], excludeKeywords: ['柔轮'] });
    await subscribe(users.unticked, { keywords: [token, '减速器'], dropTerms: ['谐波减速器'] });

    const demand = await published(
      owner,
      admin,
      completeForm({
        title: `${token}谐波减速器寿命提升`,
        field: 'equipment',
        // The reducer (and the token, a project code here) is the topic: in the title and twice in the description.
        // Welding is named once, in passing, at the end of the description.
        description: `${token}项目：工业机器人关节用谐波减速器的柔轮在长期交变载荷下出现疲劳裂纹，需将谐波减速器寿命提升至两万小时以上，传动精度保持在1弧分以内，回差小于10弧秒，${token}样机年内交付。现有工装的部分支架采用焊接结构。`,
      }),
    );
    demandId = demand.id;
  });

  it('explains a narrower match, pushes the main topic, and keeps a mention in the inbox unpushed', async () => {
    const narrower = await eventually('the narrower alert', async () =>
      (await inbox(users.narrower.token)).find((n) => n.demandId === demandId),
    );
    expect(narrower).toMatchObject({ reason: 'new_match', tier: 'main', explanation: { tier: 'main' } });
    expect(narrower.explanation?.keywords).toContainEqual({
      keyword: '减速机',
      matchedAs: '谐波减速器',
      relation: 'narrower',
      broader: '减速器',
      where: 'title',
    });

    const mention = await eventually('the mention', async () =>
      (await inbox(users.mention.token)).find((n) => n.demandId === demandId),
    );
    expect(mention).toMatchObject({ tier: 'mentioned', push: 'inbox_only' });
    expect(mention.explanation?.keywords).toContainEqual({
      keyword: '焊接',
      matchedAs: '焊接',
      relation: 'exact',
      where: 'description',
    });

    // Pushed: the main-topic subscriber, and the one who asked for mentions too; never the plain mention. Only this
    // test's subscriptions count (their keywords carry the token): a 成果 another test published may match the demand too.
    const ours = async () =>
      (await stackWechat().sent()).filter((m) => m.page?.includes(demandId) && m.data.thing2?.value.includes(token));
    const pushes = await eventually(
      'two pushes',
      async () => {
        const sent = await ours();
        return sent.length >= 2 ? sent : undefined;
      },
      10_000,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const all = await ours();
    expect(all).toHaveLength(2);
    expect(pushes.every((p) => p.template_id === TEMPLATE)).toBe(true);
    expect((await inbox(users.pushBoth.token)).find((n) => n.demandId === demandId)).toMatchObject({
      tier: 'mentioned',
      push: 'sent',
    });
    expect((await inbox(users.narrower.token)).find((n) => n.demandId === demandId)).toMatchObject({ push: 'sent' });
    expect((await inbox(users.mention.token)).find((n) => n.demandId === demandId)).toMatchObject({ push: 'inbox_only' });
  });

  it('never alerts a subscription whose exclusion word occurs, or whose only match is an unticked term', async () => {
    // Both would have matched without the steering: the same keywords reach the other subscribers above.
    await eventually('the mention', async () => (await inbox(users.mention.token)).find((n) => n.demandId === demandId));
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await inbox(users.excluded.token)).filter((n) => n.demandId === demandId)).toEqual([]);
    expect((await inbox(users.unticked.token)).filter((n) => n.demandId === demandId)).toEqual([]);
  });

  it('filters the inbox by tier', async () => {
    await eventually('the mention', async () => (await inbox(users.mention.token)).find((n) => n.demandId === demandId));
    expect((await inbox(users.mention.token, 'mentioned')).map((n) => n.demandId)).toContain(demandId);
    expect((await inbox(users.mention.token, 'main')).map((n) => n.demandId)).not.toContain(demandId);
    expect((await inbox(users.narrower.token, 'main')).map((n) => n.demandId)).toContain(demandId);
    const bad = await call('GET', '/me/notifications?tier=pushed', { token: users.mention.token });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: 'REQUEST.VALIDATION', fields: { tier: expect.stringContaining('主题相关') } },
    });
  });

  it('counts 有用 / 不相关 by concept and tier, once per alert, and moves a changed verdict', async () => {
    const item = await eventually('the mention', async () =>
      (await inbox(users.mention.token)).find((n) => n.demandId === demandId),
    );
    const figures = async () => {
      const res = await call<AlertFeedbackResponse>('GET', '/admin/alerts/feedback', { token: admin });
      expect(res.status).toBe(200);
      return res.body;
    };
    const pair = (c: { relevant: number; notRelevant: number } | undefined) => [c?.relevant ?? 0, c?.notRelevant ?? 0];
    const before = await figures();
    // Another test may judge alerts too: each figure is compared with its own value before.
    const moved = async (concept: string, tier: 'main' | 'mentioned') => {
      const now = await figures();
      const at = (f: AlertFeedbackResponse) => pair(f.items.find((i) => i.concept === concept)?.[tier]);
      const [b, n] = [at(before), at(now)];
      return n.map((x, i) => x - (b[i] ?? 0));
    };

    const first = await feedback(users.mention.token, item.id, false);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: item.id, feedback: { relevant: false } });
    expect((await inbox(users.mention.token)).find((n) => n.id === item.id)?.feedback).toMatchObject({ relevant: false });
    // 焊接 is a concept of the thesaurus, counted by name; the token is not, and is counted with the other typed words.
    expect(await moved('焊接', 'mentioned')).toEqual([0, 1]);
    expect(await moved('（词表外关键词）', 'mentioned')).toEqual([0, 1]);
    expect(JSON.stringify(await figures())).not.toContain(token);

    // The same verdict again counts nothing; a changed one moves the count.
    await feedback(users.mention.token, item.id, false);
    expect(await moved('焊接', 'mentioned')).toEqual([0, 1]);
    await feedback(users.mention.token, item.id, true);
    expect(await moved('焊接', 'mentioned')).toEqual([1, 0]);
    expect((await figures()).items.find((i) => i.concept === '焊接')?.mentioned.precision).toBeGreaterThan(0);

    // A main-topic verdict lands in the main tier.
    const main = (await inbox(users.narrower.token)).find((n) => n.demandId === demandId) as Notification;
    await feedback(users.narrower.token, main.id, true);
    expect(await moved('减速器', 'main')).toEqual([1, 0]);
    expect(await moved('减速器', 'mentioned')).toEqual([0, 0]);
  });

  it('refuses a verdict on an alert the caller does not have, or on a status change', async () => {
    const item = await eventually('the mention', async () =>
      (await inbox(users.mention.token)).find((n) => n.demandId === demandId),
    );
    const other = await feedback(users.narrower.token, `new_match#${demandId}x`, true);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ error: { code: 'NOTIFICATION.NOT_FOUND' } });
    const stranger = await feedback(users.excluded.token, item.id, true);
    expect(stranger.status).toBe(404);
    const status = await feedback(users.mention.token, `status_closed#${demandId}`, true);
    expect(status.status).toBe(404);
    const invalid = await call('POST', `/me/notifications/${encodeURIComponent(item.id)}/feedback`, {
      token: users.mention.token,
      json: { relevant: 'yes' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { fields: { relevant: expect.stringContaining('有用') } } });
  });

  it('shows what a keyword expands to, and previews a subscription on the recent demands', async () => {
    const expansion = await call<ConceptExpansion>('GET', `/concepts/expand?keyword=${encodeURIComponent('减速机')}`);
    expect(expansion.status).toBe(200);
    expect(expansion.body).toMatchObject({ keyword: '减速机', concept: '减速器' });
    expect(expansion.body.synonyms).toContain('减速器');
    expect(expansion.body.narrower).toContainEqual({ term: 'RV减速器', broader: '减速器' });
    const tooShort = await call('GET', '/concepts/expand?keyword=a');
    expect(tooShort.status).toBe(400);

    await eventually('the mention', async () => (await inbox(users.mention.token)).find((n) => n.demandId === demandId));
    const preview = async (body: object) => {
      const res = await call<SubscriptionPreview>('POST', '/me/subscriptions/preview', {
        token: users.mention.token,
        json: body,
      });
      expect(res.status).toBe(200);
      return res.body;
    };
    const main = await preview({ keywords: [token, '减速器'] });
    expect(main).toMatchObject({ main: 1, mentioned: 0 });
    expect(main.demands).toBeGreaterThan(0);
    expect(main.examples).toEqual([{ demandId, title: expect.stringContaining(token), tier: 'main' }]);
    expect(await preview({ keywords: [token, '焊接'] })).toMatchObject({ main: 0, mentioned: 1 });
    expect(await preview({ keywords: [token, '减速器'], excludeKeywords: ['柔轮'] })).toMatchObject({ main: 0, mentioned: 0 });
    // The owner's own demand is never in their preview, as they are never alerted about it.
    const own = await call<SubscriptionPreview>('POST', '/me/subscriptions/preview', {
      token: owner,
      json: { keywords: [token] },
    });
    expect(own.body).toMatchObject({ main: 0, mentioned: 0 });
    const invalid = await call('POST', '/me/subscriptions/preview', {
      token: users.mention.token,
      json: { keywords: ['焊接'], excludeKeywords: ['焊接'] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { fields: { excludeKeywords: expect.stringContaining('排除词') } } });
  });
});
