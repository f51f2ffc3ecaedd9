// WeChat failing while alerts go out: retries end in the dead-letter store, 43101 zeroes the quota, an expired
// access token is refreshed once. The inbox item exists in every case.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuthResponse, Notification, Page, SubscribeQuotaResponse } from '@cic/shared';
import { createDocumentClient } from '../../src/db/client';
import { tableNames } from '../../src/db/table-names';
import { call, latinWord, published, tokensOf, topicalForm, uniq } from '../support/api';
import { stackWechat } from '../support/fake-wechat-control';
import { eventually } from '../support/stack-env';

const TEMPLATE = 'local-tmpl-new-match';

describe('push faults', () => {
  let owner: string;
  let admin: string;

  beforeAll(async () => {
    [owner, admin] = await tokensOf('user', 'admin');
  });

  async function subscriber(quota: number): Promise<{ auth: AuthResponse; word: string }> {
    const auth = (await call<AuthResponse>('POST', '/auth/wechat', { json: { code: `user-${uniq('f')}-1` } })).body;
    const word = latinWord('qz');
    await call('POST', '/me/subscriptions', { token: auth.token, json: { keywords: [word] } });
    for (let i = 0; i < quota; i += 1) {
      await call('POST', '/me/subscribe-quota', { token: auth.token, json: { results: { [TEMPLATE]: 'accept' } } });
    }
    return { auth, word };
  }

  const quotaOf = async (token: string) =>
    (await call<SubscribeQuotaResponse>('POST', '/me/subscribe-quota', { token, json: { results: { [TEMPLATE]: 'reject' } } }))
      .body.quota[TEMPLATE];

  async function pushState(token: string, demandId: string, wanted: string): Promise<Notification> {
    return eventually(`push ${wanted}`, async () => {
      const items = (await call<Page<Notification>>('GET', '/me/notifications', { token })).body.items;
      return items.find((n) => n.demandId === demandId && n.push === wanted);
    });
  }

  it('retries -1 and HTTP 5xx, then keeps the push in the dead-letter store and gives the quota back', async () => {
    const { auth, word } = await subscriber(1);
    await stackWechat().fail({ api: 'subscribe_send', errcode: -1, times: 2 });
    await stackWechat().fail({ api: 'subscribe_send', status: 502, times: 1 });
    const demand = await published(owner, admin, topicalForm(`${word}死信测试`, [word]));
    const n = await pushState(auth.token, demand.id, 'dead_letter');
    expect((await stackWechat().sent()).filter((m) => m.page?.includes(demand.id))).toEqual([]);
    expect(await quotaOf(auth.token)).toBe(1);

    const doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: process.env.STACK_DB_ENDPOINT });
    const letter = await doc.send(
      new GetCommand({
        TableName: tableNames(process.env.STACK_TABLE_PREFIX as string).deadLetters,
        Key: { id: `push#${auth.user.id}#${n.id}` },
      }),
    );
    doc.destroy();
    expect(letter.Item).toMatchObject({ kind: 'push', payload: { notificationId: n.id, templateId: TEMPLATE } });
  });

  it('zeroes the quota on 43101 and does not retry', async () => {
    const { auth, word } = await subscriber(3);
    await stackWechat().fail({ api: 'subscribe_send', errcode: 43101, times: 1 });
    const demand = await published(owner, admin, topicalForm(`${word}配额测试`, [word]));
    await pushState(auth.token, demand.id, 'no_quota');
    expect(await quotaOf(auth.token)).toBe(0);
  });

  it('refreshes an expired access token once and sends', async () => {
    const { auth, word } = await subscriber(1);
    await stackWechat().expireTokens();
    const demand = await published(owner, admin, topicalForm(`${word}令牌过期测试`, [word]));
    await pushState(auth.token, demand.id, 'sent');
    expect((await stackWechat().sent()).filter((m) => m.page?.includes(demand.id))).toHaveLength(1);
  });

  it("keeps the template data within WeChat's limits for a long title", async () => {
    const { auth, word } = await subscriber(1);
    const title = `${word}超长标题用于检查微信订阅消息字段长度限制是否被正确截断处理`.slice(0, 60);
    const demand = await published(owner, admin, topicalForm(title, [word]));
    await pushState(auth.token, demand.id, 'sent');
    const [message] = (await stackWechat().sent()).filter((m) => m.page?.includes(demand.id));
    const thing1 = message?.data.thing1?.value ?? '';
    expect([...thing1]).toHaveLength(20);
    expect(thing1.endsWith('…')).toBe(true);
    expect(message?.data.time3?.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  });
});
