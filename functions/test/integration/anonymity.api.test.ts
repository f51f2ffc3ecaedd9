// An anonymous demand: no hidden value appears anywhere in a response to the public or to another user.
import type { Demand, DemandDetailResponse } from '@cic/shared';
import { call, completeForm, published, tokensOf, uniq } from '../support/api';

describe('anonymous demands', () => {
  const tag = uniq('匿名');
  const secret = {
    companyName: `保密${tag}精密机械有限公司`,
    contactName: '欧阳保密',
    contactPhone: '13987654321',
    contactTitle: '技术中心 保密总监',
    email: `secret.${tag}@example.com`,
    brokerName: '诸葛经纪',
    brokerPhone: '0512-66778899',
  };
  let demand: Demand;
  let owner: string;
  let admin: string;
  let other: string;

  beforeAll(async () => {
    [owner, admin, other] = await tokensOf('user', 'admin', 'user');
    demand = await published(
      owner,
      admin,
      completeForm({
        ...secret,
        anonymous: true,
        title: `${tag}精密减速器回差控制`,
        region: `江苏省 / 苏州市 / ${tag}区`,
        // The owner repeats their company and phone in public text: those must be masked too.
        description: `${secret.companyName}需要将精密减速器回差控制在1弧分以内，寿命不低于2万小时，噪声低于60分贝。有意者请致电13987654321或${secret.email}联系。`,
        companyIntro: `${secret.companyName}成立于2008年，专注机器人关节减速器。`,
      }),
    );
    await call('PUT', `/demands/${demand.id}/follow`, { token: other });
  });

  function leaks(text: string): string[] {
    const values = [...Object.values(secret), '13987654321', '051266778899'];
    return values.filter((v) => text.includes(v));
  }

  it("shows no hidden value to the public, in detail, list, search or another user's follows", async () => {
    const responses = [
      await call('GET', `/demands/${demand.id}`),
      await call('GET', `/demands/${demand.id}`, { token: other }),
      await call('GET', `/demands?region=${encodeURIComponent(`${tag}区`)}`),
      await call('GET', `/demands?q=${encodeURIComponent(`${tag}精密减速器`)}`),
      await call('GET', '/me/follows', { token: other }),
    ];
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(leaks(res.text)).toEqual([]);
    }
    const detail = responses[0]!.body as DemandDetailResponse;
    for (const key of Object.keys(secret)) expect(detail).not.toHaveProperty(key);
    expect(detail).not.toHaveProperty('ownerId');
    expect(detail.description).toContain('***');
    for (const i of [2, 3, 4]) {
      const list = responses[i]!.body as { items: { id: string }[] };
      expect({ response: i, ids: list.items.map((item) => item.id) }).toEqual({
        response: i,
        ids: expect.arrayContaining([demand.id]),
      });
    }
  });

  it('shows everything to the owner and to admins', async () => {
    for (const token of [owner, admin]) {
      const res = await call<DemandDetailResponse>('GET', `/demands/${demand.id}`, { token });
      expect(res.body).toMatchObject(secret);
    }
  });

  it('shows the contacts of a demand that is not anonymous', async () => {
    const open = await published(owner, admin, completeForm({ anonymous: false }));
    const res = await call<DemandDetailResponse>('GET', `/demands/${open.id}`);
    expect(res.body).toMatchObject({ companyName: completeForm().companyName, contactPhone: completeForm().contactPhone });
    expect(res.body).not.toHaveProperty('ownerId');
  });
});
