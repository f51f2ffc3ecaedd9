// Push alerts end to end on the local stack: subscriptions, the demands stream, the matcher, the inbox, the
// notifications stream and WeChat subscribe messages through the fake WeChat server.
import type { AuthResponse, Notification, Page, SubscribeQuotaResponse, Subscription, UnreadCountResponse } from '@cic/shared';
import { call, completeForm, latinWord, login, published, topicalForm, uniq } from '../support/api';
import { stackWechat } from '../support/fake-wechat-control';
import { eventually, useStackFunctionEnv } from '../support/stack-env';
import { replayOf } from '../support/stream-replay';

const TEMPLATE = 'local-tmpl-new-match';

async function wechatUser(): Promise<AuthResponse> {
  const res = await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${uniq('wx')}-1` } });
  if (res.status !== 200) throw new Error(`wechat login failed: ${res.text}`);
  return res.body;
}

const inbox = async (token: string) => (await call<Page<Notification>>('GET', '/me/notifications', { token })).body.items;
const unread = async (token: string) =>
  (await call<UnreadCountResponse>('GET', '/me/notifications/unread-count', { token })).body.unread;

describe('alerts about new matching demands', () => {
  // A token of its own keeps this test's demand apart from the seeded real ones that also mention 钛合金.
  const token = latinWord('zq');
  let owner: string;
  let admin: string;
  let exact: AuthResponse;
  let synonym: AuthResponse;
  let nonMatching: AuthResponse;
  let noQuota: AuthResponse;

  beforeAll(async () => {
    owner = (await login('user')).token;
    admin = (await login('admin')).token;
    [exact, synonym, nonMatching, noQuota] = await Promise.all([wechatUser(), wechatUser(), wechatUser(), wechatUser()]);
    const subscribe = async (user: AuthResponse, body: object) => {
      const res = await call<Subscription>('POST', '/me/subscriptions', { token: user.token, json: body });
      expect(res.status).toBe(201);
    };
    await subscribe(exact, { keywords: ['钛合金', token], fields: ['new_materials'] });
    await subscribe(synonym, { keywords: ['钛材', token] });
    await subscribe(nonMatching, { keywords: ['碳纤维', token] });
    await subscribe(noQuota, { keywords: ['钛合金', token] });
    for (const user of [exact, synonym, nonMatching]) {
      const res = await call<SubscribeQuotaResponse>('POST', '/me/subscribe-quota', {
        token: user.token,
        json: { results: { [TEMPLATE]: 'accept' } },
      });
      expect(res.body.quota[TEMPLATE]).toBe(1);
    }
  });

  it('delivers one inbox item and one push to each matching subscriber within 5 s of approval', async () => {
    const pushesBefore = (await stackWechat().sent()).length;
    const demand = await published(
      owner,
      admin,
      topicalForm(`${token}钛合金薄板激光焊接`, [token, '钛合金'], { field: 'new_materials' }),
    );
    const approvedAt = Date.now();

    for (const user of [exact, synonym]) {
      const items = await eventually(
        'an inbox item',
        async () => {
          const found = (await inbox(user.token)).filter((n) => n.demandId === demand.id);
          return found.length > 0 ? found : undefined;
        },
        5_000,
      );
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ reason: 'new_match', title: demand.title });
    }
    const explanation = (await inbox(synonym.token)).find((n) => n.demandId === demand.id)?.explanation;
    expect(explanation?.keywords).toEqual(
      expect.arrayContaining([{ keyword: '钛材', matchedAs: '钛合金', relation: 'synonym', where: 'title' }]),
    );

    const pushes = await eventually(
      'two pushes',
      async () => {
        const sent = (await stackWechat().sent()).slice(pushesBefore).filter((m) => m.page?.includes(demand.id));
        return sent.length >= 2 ? sent : undefined;
      },
      5_000,
    );
    const elapsed = Date.now() - approvedAt;
    expect(elapsed).toBeLessThan(5_000);
    expect(pushes).toHaveLength(2);
    expect(pushes.every((p) => p.template_id === TEMPLATE && p.page === `pages/demand/index?id=${demand.id}`)).toBe(true);
    expect([...(pushes[0]?.data.thing1?.value ?? '')].length).toBeLessThanOrEqual(20);

    // The subscriber without quota has the inbox item but no push; the non-matching one has nothing.
    await eventually('the no-quota inbox item', async () =>
      (await inbox(noQuota.token)).some((n) => n.demandId === demand.id) ? true : undefined,
    );
    expect((await inbox(nonMatching.token)).filter((n) => n.demandId === demand.id)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_000));
    const all = (await stackWechat().sent()).slice(pushesBefore).filter((m) => m.page?.includes(demand.id));
    expect(all).toHaveLength(2);

    // Quota is spent: one accept, one push.
    const quota = await call<SubscribeQuotaResponse>('POST', '/me/subscribe-quota', {
      token: exact.token,
      json: { results: { [TEMPLATE]: 'reject' } },
    });
    expect(quota.body.quota[TEMPLATE]).toBe(0);

    // A replayed stream batch: the same records again, through the real handlers, create nothing and send nothing.
    useStackFunctionEnv();
    const { onDemandChange, onNotificationCreated } = await import('../../src/handlers/streams');
    const replay = await replayOf(demand.id, [exact.user.id, synonym.user.id, noQuota.user.id]);
    expect(replay.notifications.Records).toHaveLength(3);
    await onDemandChange(replay.demands);
    await onNotificationCreated(replay.notifications);
    expect((await inbox(exact.token)).filter((n) => n.demandId === demand.id)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await stackWechat().sent()).slice(pushesBefore).filter((m) => m.page?.includes(demand.id))).toHaveLength(2);
  });

  it('counts unread, marks read, and never alerts the owner of the demand', async () => {
    const ownerUser = await wechatUser();
    await call('POST', '/me/subscriptions', { token: ownerUser.token, json: { keywords: [token, '焊接'] } });
    await call('POST', '/me/subscriptions', { token: exact.token, json: { keywords: [`${token}x`] } });
    const demand = await published(ownerUser.token, admin, completeForm({ title: `${token}x焊接机器人`, field: 'equipment' }));
    const item = await eventually('an inbox item', async () => (await inbox(exact.token)).find((n) => n.demandId === demand.id));
    expect(await unread(exact.token)).toBeGreaterThanOrEqual(1);
    const before = await unread(exact.token);
    const marked = await call<{ marked: number; unread: number }>('POST', '/me/notifications/read', {
      token: exact.token,
      json: { ids: [item.id] },
    });
    expect(marked.body).toEqual({ marked: 1, unread: before - 1 });
    await call('POST', '/me/notifications/read', { token: exact.token, json: { all: true } });
    expect(await unread(exact.token)).toBe(0);
    expect((await inbox(ownerUser.token)).filter((n) => n.demandId === demand.id)).toEqual([]);
  });

  it('alerts followers when a followed demand closes', async () => {
    const follower = await wechatUser();
    const demand = await published(owner, admin, completeForm({ title: `${token}关注关闭测试` }));
    await call('PUT', `/demands/${demand.id}/follow`, { token: follower.token });
    await call('POST', `/demands/${demand.id}/close`, { token: owner });
    const item = await eventually('a status alert', async () =>
      (await inbox(follower.token)).find((n) => n.demandId === demand.id && n.reason === 'status_closed'),
    );
    expect(item.status).toBe('closed');
  });

  it('retries a busy WeChat and sends once', async () => {
    const user = await wechatUser();
    const word = `${token}y`;
    await call('POST', '/me/subscriptions', { token: user.token, json: { keywords: [word] } });
    await call('POST', '/me/subscribe-quota', { token: user.token, json: { results: { [TEMPLATE]: 'accept' } } });
    await stackWechat().fail({ api: 'subscribe_send', errcode: -1, times: 1 });
    const demand = await published(owner, admin, topicalForm(`${word}重试测试`, [word]));
    const sent = await eventually('the retried push', async () => {
      const found = (await stackWechat().sent()).filter((m) => m.page?.includes(demand.id));
      return found.length > 0 ? found : undefined;
    });
    expect(sent).toHaveLength(1);
  });
});
