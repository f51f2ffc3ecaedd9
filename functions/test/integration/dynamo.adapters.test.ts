// The DynamoDB adapters against DynamoDB Local, on tables of their own (same definitions as the stack's).
import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Demand, Invitation } from '@cic/shared';
import { createDocumentClient } from '../../src/db/client';
import { createDemandDynamoRepository } from '../../src/db/demand.dynamo';
import { createFollowDynamoRepository } from '../../src/db/follow.dynamo';
import { createInvitationDynamoRepository } from '../../src/db/invitation.dynamo';
import { createStatsDynamoRepository } from '../../src/db/stats.dynamo';
import { invitationMarkerOf } from '../../src/stats/stats.service';
import { tableNames } from '../../src/db/table-names';
import { localClient } from '../../../scripts/lib/dynamodb-local';
import { ensureTables } from '../../../scripts/lib/tables';
import { uniq } from '../support/api';

const endpoint = () => process.env.STACK_DB_ENDPOINT as string;

function demand(overrides: Partial<Demand> = {}): Demand {
  const at = new Date().toISOString();
  return {
    id: uniq('d'),
    ownerId: 'owner-1',
    status: 'published',
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
    followerCount: 0,
    version: 1,
    history: [{ status: 'published', at }],
    title: '适配器测试需求',
    field: 'ai',
    region: '江苏省 / 南京市',
    budgetWan: 10,
    cooperationModes: ['co_develop'],
    ...overrides,
  };
}

describe('DynamoDB adapters', () => {
  const prefix = uniq('adapters');
  const names = tableNames(prefix);
  const doc = createDocumentClient({ AWS_REGION: 'local', DYNAMODB_ENDPOINT: endpoint() });
  const demands = createDemandDynamoRepository(doc, names.demands);
  const follows = createFollowDynamoRepository(doc, { follows: names.follows, demands: names.demands });

  beforeAll(async () => {
    const admin = localClient(endpoint());
    await ensureTables(admin, prefix);
    admin.destroy();
  });
  afterAll(() => doc.destroy());

  it('counts an invitation once, with a marker that outlives it: an erased and renewed pair is stored, not counted again', async () => {
    const invitations = createInvitationDynamoRepository(doc, { invitations: names.invitations, stats: names.stats });
    const stats = createStatsDynamoRepository(doc, names.stats);
    const at = new Date().toISOString();
    const invitation: Invitation = {
      id: uniq('inv'),
      demandId: uniq('d'),
      achievementId: uniq('a'),
      inviterId: 'owner-1',
      holderId: 'holder-1',
      demandTitle: '适配器测试需求',
      achievementTitle: '适配器测试成果',
      status: 'open',
      createdAt: at,
    };
    const erase = () => doc.send(new DeleteCommand({ TableName: names.invitations, Key: { id: invitation.id } }));
    const marker = async (event: 'sent' | 'accepted') =>
      (
        await doc.send(
          new GetCommand({ TableName: names.stats, Key: { key: `event#${invitationMarkerOf(invitation.id, event)}` } }),
        )
      ).Item;

    expect(await invitations.create(invitation)).toBe('created');
    expect(await invitations.create(invitation)).toBe('exists');
    expect(await invitations.answer(invitation.id, 'declined', at)).toBe('stored');
    expect(await invitations.create(invitation)).toBe('created'); // renewed after a decline
    expect(await stats.read()).toEqual({ invitations: 1 });
    expect(await marker('sent')).toEqual({ key: `event#${invitationMarkerOf(invitation.id, 'sent')}`, counter: 'invitations' });

    // An erasure deletes the invitation; the pair invited again is stored but was counted already.
    await erase();
    expect(await invitations.create(invitation)).toBe('created');
    expect(await invitations.get(invitation.id)).toMatchObject({ status: 'open' });
    expect(await invitations.answer(invitation.id, 'accepted', at)).toBe('stored');
    expect(await invitations.answer(invitation.id, 'accepted', at)).toBe('answered');
    expect(await stats.read()).toEqual({ invitations: 1, invitationsAccepted: 1 });
    expect(await marker('accepted')).toMatchObject({ counter: 'invitationsAccepted' });

    await erase();
    expect(await invitations.create(invitation)).toBe('created');
    expect(await invitations.answer(invitation.id, 'accepted', at)).toBe('stored');
    expect(await invitations.get(invitation.id)).toMatchObject({ status: 'accepted' });
    expect(await stats.read()).toEqual({ invitations: 1, invitationsAccepted: 1 });
  });

  it('creates once: a second create with the same id reports exists and keeps the first', async () => {
    const d = demand();
    expect(await demands.create(d)).toBe('created');
    expect(await demands.create({ ...d, title: '覆盖尝试' })).toBe('exists');
    expect((await demands.get(d.id))?.title).toBe('适配器测试需求');
  });

  it('updates only at the expected version, removes dropped fields, and never rewrites followerCount', async () => {
    const d = demand({ status: 'draft', fieldOther: '临时' });
    await demands.create(d);
    await follows.follow({ userId: 'u1', demandId: d.id, followedAt: d.createdAt }).catch(() => undefined);
    const { fieldOther: _dropped, ...rest } = d;
    const next = { ...rest, title: '新标题', version: 2, followerCount: 999 };
    expect(await demands.updateIfVersion(next, 1)).toBe(true);
    expect(await demands.updateIfVersion({ ...next, title: '过期写入', version: 3 }, 1)).toBe(false);
    const stored = await demands.get(d.id);
    expect(stored).toMatchObject({ title: '新标题', version: 2, followerCount: 0 });
    expect(stored).not.toHaveProperty('fieldOther');
    expect(stored).not.toHaveProperty('statusKey');
  });

  it('keeps followerCount equal to the follow records under 60 concurrent mixed operations', async () => {
    const d = demand();
    await demands.create(d);
    const users = Array.from({ length: 30 }, (_, i) => `user-${i}`);
    await Promise.all(users.map((u) => follows.follow({ userId: u, demandId: d.id, followedAt: new Date().toISOString() })));
    const outcomes = await Promise.all([
      ...users.map((u) => follows.follow({ userId: u, demandId: d.id, followedAt: new Date().toISOString() })),
      ...users.slice(0, 10).map((u) => follows.unfollow(u, d.id)),
    ]);
    expect(outcomes.filter((o) => o === 'unfollowed')).toHaveLength(10);
    const records = await doc.send(
      new QueryCommand({
        TableName: names.follows,
        IndexName: 'byDemand',
        KeyConditionExpression: 'demandId = :d',
        ExpressionAttributeValues: { ':d': d.id },
        ConsistentRead: false,
      }),
    );
    const count = (await demands.get(d.id))?.followerCount;
    expect(count).toBe(records.Count);
    // A re-follow that ran after its user's unfollow followed again; one that ran before found the follow there.
    const refollowed = outcomes.slice(0, 30).filter((o) => o === 'followed').length;
    expect(count).toBe(20 + refollowed);
  });

  it('refuses to follow what is not published and reports it', async () => {
    const d = demand({ status: 'draft' });
    await demands.create(d);
    expect(await follows.follow({ userId: 'u', demandId: d.id, followedAt: d.createdAt })).toBe('not_published');
    expect(await follows.follow({ userId: 'u', demandId: 'missing', followedAt: d.createdAt })).toBe('not_published');
    expect(await follows.unfollow('u', d.id)).toBe('not_following');
  });

  it('pages a filtered Query without gaps, even when most items are filtered out', async () => {
    const region = uniq('区');
    const made: Demand[] = [];
    for (let i = 0; i < 25; i += 1) {
      const at = new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString();
      const d = demand({ region: `江苏省 / 常州市 / ${region}`, budgetWan: i, publishedAt: at, updatedAt: at });
      await demands.create(d);
      made.push(d);
    }
    const wanted = made.filter((d) => (d.budgetWan ?? 0) % 5 === 0).reverse();
    const seen: string[] = [];
    let after: Record<string, string> | undefined;
    do {
      const page = await demands.listPublished(
        { province: '江苏省', regionContains: region },
        { limit: 2, ...(after ? { after } : {}) },
      );
      seen.push(...page.items.filter((d) => (d.budgetWan ?? 0) % 5 === 0).map((d) => d.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual(wanted.map((d) => d.id));
    const rich = await demands.listPublished({ regionContains: region, minBudgetWan: 20 }, { limit: 10 });
    expect(rich.items.map((d) => d.budgetWan)).toEqual([24, 23, 22, 21, 20]);
    expect(rich.next).toBeUndefined();
  });
});
