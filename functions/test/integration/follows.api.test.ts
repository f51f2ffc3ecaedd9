// Follows are idempotent, and followerCount stays exact under concurrency (a transaction, not read-then-write).
import type { DemandDetailResponse, FollowResponse, MyFollowsResponse } from '@cic/shared';
import { call, createDraft, login, published, tokensOf } from '../support/api';

describe('following demands', () => {
  let owner: string;
  let admin: string;

  beforeAll(async () => {
    [owner, admin] = await tokensOf('user', 'admin');
  });

  const count = async (id: string) => (await call<DemandDetailResponse>('GET', `/demands/${id}`)).body.followerCount;

  it('is idempotent for one user, and lists follows newest first', async () => {
    const user = (await login('user')).token;
    const a = await published(owner, admin);
    const b = await published(owner, admin);
    for (let i = 0; i < 3; i += 1) {
      const res = await call<FollowResponse>('PUT', `/demands/${a.id}/follow`, { token: user });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ demandId: a.id, following: true, followerCount: 1 });
    }
    await call('PUT', `/demands/${b.id}/follow`, { token: user });
    const mine = await call<MyFollowsResponse>('GET', '/me/follows', { token: user });
    expect(mine.body.items.map((d) => d.id)).toEqual([b.id, a.id]);
    expect(mine.body.items[0]!.followedAt).toEqual(expect.any(String));
    const detail = await call<DemandDetailResponse>('GET', `/demands/${a.id}`, { token: user });
    expect(detail.body.viewer).toEqual({ isOwner: false, following: true });

    for (let i = 0; i < 2; i += 1) {
      const res = await call<FollowResponse>('DELETE', `/demands/${a.id}/follow`, { token: user });
      expect(res.body).toEqual({ demandId: a.id, following: false, followerCount: 0 });
    }
    expect(await count(a.id)).toBe(0);
  });

  it('keeps followerCount exact under 50 concurrent follows, repeats and unfollows', async () => {
    const demand = await published(owner, admin);
    const users = await Promise.all(Array.from({ length: 50 }, () => login('user')));

    const follows = await Promise.all(users.map((u) => call('PUT', `/demands/${demand.id}/follow`, { token: u.token })));
    expect(follows.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await count(demand.id)).toBe(50);

    // The same 50 again, concurrently, with 25 of them unfollowing at the same time.
    const mixed = await Promise.all(
      users.map((u, i) => call(i % 2 === 0 ? 'DELETE' : 'PUT', `/demands/${demand.id}/follow`, { token: u.token })),
    );
    expect(mixed.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await count(demand.id)).toBe(25);
    const following = await Promise.all(
      users.map(
        async (u) => (await call<DemandDetailResponse>('GET', `/demands/${demand.id}`, { token: u.token })).body.viewer.following,
      ),
    );
    expect(following.filter(Boolean)).toHaveLength(25);
  });

  it('refuses to follow a demand that is not published', async () => {
    const draft = await createDraft(owner);
    const other = (await login('user')).token;
    expect((await call('PUT', `/demands/${draft.id}/follow`, { token: other })).status).toBe(404);
    const own = await call('PUT', `/demands/${draft.id}/follow`, { token: owner });
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ error: { code: 'DEMAND.NOT_PUBLISHED' } });
    expect((await call('PUT', '/demands/no-such-demand/follow', { token: other })).status).toBe(404);
  });
});
