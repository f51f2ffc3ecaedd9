// Saved searches and the subscribe-message quota: rules, limits and errors over HTTP.
import type { Subscription, SubscribeQuotaResponse } from '@cic/shared';
import { call, login } from '../support/api';

describe('subscriptions', () => {
  it("creates, lists and deletes, and refuses anyone else's delete", async () => {
    const me = (await login('user')).token;
    const other = (await login('user')).token;
    const created = await call<Subscription>('POST', '/me/subscriptions', {
      token: me,
      json: { keywords: ['钛合金', ' 焊接 '], fields: ['new_materials'], regions: ['江苏省'], minBudgetWan: 10 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      keywords: ['钛合金', '焊接'],
      fields: ['new_materials'],
      regions: ['江苏省'],
      minBudgetWan: 10,
    });
    const list = await call<{ items: Subscription[] }>('GET', '/me/subscriptions', { token: me });
    expect(list.body.items.map((s) => s.id)).toEqual([created.body.id]);
    expect((await call('DELETE', `/me/subscriptions/${created.body.id}`, { token: other })).status).toBe(404);
    expect((await call('DELETE', `/me/subscriptions/${created.body.id}`, { token: me })).status).toBe(200);
    expect((await call('DELETE', `/me/subscriptions/${created.body.id}`, { token: me })).status).toBe(404);
    expect((await call<{ items: Subscription[] }>('GET', '/me/subscriptions', { token: me })).body.items).toEqual([]);
  });

  it.each([
    ['no condition at all', {}, 'keywords'],
    ['six keywords', { keywords: ['一二', '三四', '五六', '七八', '九十', '十一'] }, 'keywords'],
    ['a one-character keyword', { keywords: ['钛'] }, 'keywords'],
    ['a 21-character keyword', { keywords: ['钛'.repeat(21)] }, 'keywords'],
    ['an unknown field', { fields: ['biology'] }, 'fields'],
    ['a budget as text', { minBudgetWan: '10' }, 'minBudgetWan'],
    ['an unknown key', { keywords: ['钛合金'], notify: 'sms' }, 'notify'],
  ])('refuses %s, naming the field', async (_name, body, field) => {
    const me = (await login('user')).token;
    const res = await call('POST', '/me/subscriptions', { token: me, json: body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'REQUEST.VALIDATION', fields: { [field]: expect.any(String) } } });
    expect((await call<{ items: Subscription[] }>('GET', '/me/subscriptions', { token: me })).body.items).toEqual([]);
  });

  it('holds at 20 subscriptions per user, even when 25 are created at once', async () => {
    const me = (await login('user')).token;
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        call('POST', '/me/subscriptions', { token: me, json: { keywords: [`限额测试${i}`] } }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(5);
    expect(refused[0]?.body).toMatchObject({ error: { code: 'SUBSCRIPTION.LIMIT' } });
    const list = await call<{ items: Subscription[] }>('GET', '/me/subscriptions', { token: me });
    expect(list.body.items).toHaveLength(20);
    // Deleting one frees one place.
    await call('DELETE', `/me/subscriptions/${list.body.items[0]!.id}`, { token: me });
    expect((await call('POST', '/me/subscriptions', { token: me, json: { keywords: ['再来一个'] } })).status).toBe(201);
  });

  it('requires login', async () => {
    expect((await call('GET', '/me/subscriptions')).status).toBe(401);
    expect((await call('POST', '/me/subscriptions', { json: { keywords: ['钛合金'] } })).status).toBe(401);
    expect((await call('GET', '/me/notifications')).status).toBe(401);
    expect((await call('GET', '/me/notifications/unread-count')).status).toBe(401);
  });
});

describe('subscribe-message quota', () => {
  const TEMPLATE = 'local-tmpl-new-match';

  it('adds one send per accept, none for reject or filter, and zero for ban', async () => {
    const me = (await login('user')).token;
    const post = (results: Record<string, string>) =>
      call<SubscribeQuotaResponse>('POST', '/me/subscribe-quota', { token: me, json: { results } });
    expect((await post({ [TEMPLATE]: 'accept' })).body.quota[TEMPLATE]).toBe(1);
    expect((await post({ [TEMPLATE]: 'accept' })).body.quota[TEMPLATE]).toBe(2);
    expect((await post({ [TEMPLATE]: 'reject' })).body.quota[TEMPLATE]).toBe(2);
    expect((await post({ [TEMPLATE]: 'filter' })).body.quota[TEMPLATE]).toBe(2);
    expect((await post({ [TEMPLATE]: 'ban' })).body.quota[TEMPLATE]).toBe(0);
  });

  it('counts 100 concurrent accepts exactly', async () => {
    const me = (await login('user')).token;
    await Promise.all(
      Array.from({ length: 100 }, () =>
        call('POST', '/me/subscribe-quota', { token: me, json: { results: { [TEMPLATE]: 'accept' } } }),
      ),
    );
    const res = await call<SubscribeQuotaResponse>('POST', '/me/subscribe-quota', {
      token: me,
      json: { results: { [TEMPLATE]: 'reject' } },
    });
    expect(res.body.quota[TEMPLATE]).toBe(100);
  });

  it('refuses an unknown template and a bad result', async () => {
    const me = (await login('user')).token;
    const unknown = await call('POST', '/me/subscribe-quota', { token: me, json: { results: { 'not-ours': 'accept' } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { code: 'QUOTA.UNKNOWN_TEMPLATE', fields: { 'not-ours': expect.any(String) } } });
    const bad = await call('POST', '/me/subscribe-quota', { token: me, json: { results: { [TEMPLATE]: 'yes' } } });
    expect(bad.status).toBe(400);
  });
});
