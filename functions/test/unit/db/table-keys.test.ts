// The adapters' typed view of infra/tables.cjs: the declaration (tables.d.cts) says what tables.cjs defines, and the
// accessors give index names, key attributes and cursors as defined there.
import { tables, type KeyLayouts, type ListingIndexes, type LogicalTable, type TableDef } from '../../../../infra/tables.cjs';
import { indexOf, keysOf, partitionOf } from '../../../src/db/table-keys';

/** Every table's layout as tables.cjs defines it, in the shape of KeyLayouts. */
function layoutOf(def: TableDef): Record<string, unknown> {
  return {
    hashKey: def.hashKey.name,
    ...(def.rangeKey ? { rangeKey: def.rangeKey.name } : {}),
    ...(def.indexes?.length
      ? {
          indexes: Object.fromEntries(
            def.indexes.map((ix) => [ix.name, { hashKey: ix.hashKey.name, rangeKey: ix.rangeKey?.name }]),
          ),
        }
      : {}),
    ...(def.localIndexes?.length
      ? { localIndexes: Object.fromEntries(def.localIndexes.map((ix) => [ix.name, { rangeKey: ix.rangeKey.name }])) }
      : {}),
  };
}

describe('infra/tables.d.cts', () => {
  it('declares exactly the key layout tables.cjs defines', () => {
    // Typed as KeyLayouts, this object can only be the declaration (every literal, nothing more or less); the runtime
    // comparison then holds tables.cjs to it.
    const listing: ListingIndexes = {
      byOwner: { hashKey: 'ownerId', rangeKey: 'createdAt' },
      byStatus: { hashKey: 'status', rangeKey: 'statusKey' },
      publishedByField: { hashKey: 'pubField', rangeKey: 'pubKey' },
      publishedByProvince: { hashKey: 'pubProvince', rangeKey: 'pubKey' },
      byChange: { hashKey: 'changeFeed', rangeKey: 'changeKey' },
    };
    const declared: KeyLayouts = {
      users: { hashKey: 'id' },
      demands: {
        hashKey: 'id',
        indexes: { ...listing, publishedByTrack: { hashKey: 'pubTrack', rangeKey: 'pubKey' } },
      },
      achievements: { hashKey: 'id', indexes: listing },
      invitations: {
        hashKey: 'id',
        indexes: {
          byHolder: { hashKey: 'holderId', rangeKey: 'createdAt' },
          byDemand: { hashKey: 'demandId', rangeKey: 'createdAt' },
          byInviter: { hashKey: 'inviterId', rangeKey: 'createdAt' },
        },
      },
      follows: {
        hashKey: 'userId',
        rangeKey: 'demandId',
        localIndexes: { byUserTime: { rangeKey: 'followedAt' } },
        indexes: { byDemand: { hashKey: 'demandId', rangeKey: 'userId' } },
      },
      solutions: {
        hashKey: 'id',
        indexes: {
          byDemand: { hashKey: 'demandId', rangeKey: 'createdKey' },
          bySubmitter: { hashKey: 'submitterId', rangeKey: 'createdKey' },
        },
      },
      finals: { hashKey: 'demandId', rangeKey: 'sk', indexes: { byJudge: { hashKey: 'judgeId', rangeKey: 'demandId' } } },
      tracks: { hashKey: 'scope', rangeKey: 'id' },
      awards: { hashKey: 'demandId', rangeKey: 'id', indexes: { byWinner: { hashKey: 'winnerId', rangeKey: 'at' } } },
      stats: { hashKey: 'key' },
      alertFeedback: { hashKey: 'scope', rangeKey: 'concept' },
      rateLimits: { hashKey: 'key', rangeKey: 'window' },
      subscriptions: { hashKey: 'userId', rangeKey: 'subId' },
      percolator: { hashKey: 'pkey', rangeKey: 'skey' },
      notifications: {
        hashKey: 'userId',
        rangeKey: 'id',
        localIndexes: { byTime: { rangeKey: 'createdKey' } },
        indexes: { unreadByUser: { hashKey: 'unreadUser', rangeKey: 'createdKey' } },
      },
      quotas: { hashKey: 'userId', rangeKey: 'slot' },
      system: { hashKey: 'key' },
      deadLetters: { hashKey: 'id', indexes: { byUser: { hashKey: 'userId', rangeKey: 'at' } } },
    };
    const defined = Object.fromEntries((Object.keys(tables) as LogicalTable[]).map((t) => [t, layoutOf(tables[t])]));
    expect(defined).toEqual(declared);
  });
});

describe('the key accessors', () => {
  it('give a global index its name, keys and cursor (the table key, then the index key, each once)', () => {
    expect(indexOf('notifications', 'unreadByUser')).toEqual({
      name: 'unreadByUser',
      hashKey: 'unreadUser',
      rangeKey: 'createdKey',
      cursorKeys: ['userId', 'id', 'unreadUser', 'createdKey'],
    });
    expect(indexOf('demands', 'byOwner').cursorKeys).toEqual(['id', 'ownerId', 'createdAt']);
  });

  it("give a local index the table's hash key", () => {
    expect(indexOf('follows', 'byUserTime')).toEqual({
      name: 'byUserTime',
      hashKey: 'userId',
      rangeKey: 'followedAt',
      cursorKeys: ['userId', 'demandId', 'followedAt'],
    });
  });

  it('give a table its key, with or without a range key', () => {
    const quotas = keysOf('quotas');
    expect([quotas.hashKey, quotas.rangeKey, quotas.keyAttributes]).toEqual(['userId', 'slot', ['userId', 'slot']]);
    const users = keysOf('users');
    expect([users.hashKey, users.rangeKey, users.keyAttributes]).toEqual(['id', undefined, ['id']]);
    expect(users.key({ id: 'u1' })).toEqual({ id: 'u1' });
  });

  it('refuse an index tables.cjs does not define', () => {
    expect(() => indexOf('users', 'byNothing' as never)).toThrow('infra/tables.cjs has no index byNothing');
  });
});

describe('partitionOf', () => {
  it('conditions the hash key of an index by placeholder, so reserved words need no care', () => {
    expect(partitionOf(indexOf('demands', 'byStatus'), 'published')).toEqual({
      IndexName: 'byStatus',
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'status' },
      ExpressionAttributeValues: { ':pk': 'published' },
    });
  });

  it('names no index for the table itself, and adds a range condition', () => {
    expect(partitionOf(keysOf('quotas'), 'u1', { beginsWith: 'tmpl#' })).toEqual({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
      ExpressionAttributeNames: { '#pk': 'userId', '#sk': 'slot' },
      ExpressionAttributeValues: { ':pk': 'u1', ':sk': 'tmpl#' },
    });
    expect(partitionOf(indexOf('demands', 'byChange'), 'demand', { op: '>=', value: '2026' }).KeyConditionExpression).toBe(
      '#pk = :pk AND #sk >= :sk',
    );
  });

  it('refuses a range condition on a table without a range key', () => {
    expect(() => partitionOf(keysOf('users'), 'u1', { op: '=', value: 'x' })).toThrow('without a range key');
  });
});
