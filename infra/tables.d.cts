import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export interface KeyDef {
  name: string;
  type: 'S' | 'N';
}

export interface TableDef {
  hashKey: KeyDef;
  rangeKey?: KeyDef;
  stream?: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE';
  ttl?: string;
  indexes?: { name: string; hashKey: KeyDef; rangeKey?: KeyDef }[];
  localIndexes?: { name: string; rangeKey: KeyDef }[];
  /** Holds nothing that must outlive a layout change: the local stack may drop and recreate it (scripts/lib/tables.ts). */
  ephemeral?: boolean;
}

/**
 * The key attribute names of every table and index in tables.cjs, as literal types, so that the adapters name an index
 * or a key only as it is defined there (functions/src/db/table-keys.ts). Global indexes list their hash and range key;
 * local ones only their range key (their hash key is the table's). A unit test holds this to tables.cjs
 * (functions/test/unit/db/table-keys.test.ts): change both together.
 */
/** The indexes demands and 成果 share (one lifecycle, review queue and search over both). */
export interface ListingIndexes {
  byOwner: { hashKey: 'ownerId'; rangeKey: 'createdAt' };
  byStatus: { hashKey: 'status'; rangeKey: 'statusKey' };
  publishedByField: { hashKey: 'pubField'; rangeKey: 'pubKey' };
  publishedByProvince: { hashKey: 'pubProvince'; rangeKey: 'pubKey' };
  byChange: { hashKey: 'changeFeed'; rangeKey: 'changeKey' };
}

export interface KeyLayouts {
  users: { hashKey: 'id' };
  demands: { hashKey: 'id'; indexes: ListingIndexes & { publishedByTrack: { hashKey: 'pubTrack'; rangeKey: 'pubKey' } } };
  achievements: { hashKey: 'id'; indexes: ListingIndexes };
  invitations: {
    hashKey: 'id';
    indexes: {
      byHolder: { hashKey: 'holderId'; rangeKey: 'createdAt' };
      byDemand: { hashKey: 'demandId'; rangeKey: 'createdAt' };
      byInviter: { hashKey: 'inviterId'; rangeKey: 'createdAt' };
    };
  };
  follows: {
    hashKey: 'userId';
    rangeKey: 'demandId';
    localIndexes: { byUserTime: { rangeKey: 'followedAt' } };
    indexes: { byDemand: { hashKey: 'demandId'; rangeKey: 'userId' } };
  };
  solutions: {
    hashKey: 'id';
    indexes: {
      byDemand: { hashKey: 'demandId'; rangeKey: 'createdKey' };
      bySubmitter: { hashKey: 'submitterId'; rangeKey: 'createdKey' };
    };
  };
  finals: { hashKey: 'demandId'; rangeKey: 'sk'; indexes: { byJudge: { hashKey: 'judgeId'; rangeKey: 'demandId' } } };
  tracks: { hashKey: 'scope'; rangeKey: 'id' };
  awards: { hashKey: 'demandId'; rangeKey: 'id'; indexes: { byWinner: { hashKey: 'winnerId'; rangeKey: 'at' } } };
  stats: { hashKey: 'key' };
  alertFeedback: { hashKey: 'scope'; rangeKey: 'concept' };
  rateLimits: { hashKey: 'key'; rangeKey: 'window' };
  subscriptions: { hashKey: 'userId'; rangeKey: 'subId' };
  percolator: { hashKey: 'pkey'; rangeKey: 'skey' };
  notifications: {
    hashKey: 'userId';
    rangeKey: 'id';
    localIndexes: { byTime: { rangeKey: 'createdKey' } };
    indexes: { unreadByUser: { hashKey: 'unreadUser'; rangeKey: 'createdKey' } };
  };
  quotas: { hashKey: 'userId'; rangeKey: 'slot' };
  system: { hashKey: 'key' };
  deadLetters: { hashKey: 'id'; indexes: { byUser: { hashKey: 'userId'; rangeKey: 'at' } } };
}

export type LogicalTable = keyof KeyLayouts;

export declare const tables: Record<LogicalTable, TableDef>;
export declare function createTableInput(logicalName: LogicalTable, tableName: string): CreateTableCommandInput;
export declare function tableName(prefix: string, logicalName: LogicalTable): string;
export declare function cloudFormationResources(ctx: {
  resolveVariable: (name: string) => Promise<string>;
}): Promise<{ Resources: Record<string, unknown> }>;
