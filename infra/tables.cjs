// The DynamoDB tables and indexes, defined once.
// serverless.yml builds its CloudFormation resources from `cloudFormationResources`, and the local bootstrap
// creates the same tables in DynamoDB Local from `tables`. The key layout inside each table lives in functions/src/db/.
'use strict';

const S = 'S';

/** @type {Record<string, import('./tables').TableDef>} */
const tables = {
  // Accounts (keyed by their random id) and identities (`identity#…` → the account of the identity's current life).
  users: {
    hashKey: { name: 'id', type: S },
  },
  demands: {
    hashKey: { name: 'id', type: S },
    // The alert matcher reads this stream: a demand that becomes published triggers alerts.
    stream: 'NEW_AND_OLD_IMAGES',
    indexes: [
      // GET /me/demands: a user's own demands, newest first.
      { name: 'byOwner', hashKey: { name: 'ownerId', type: S }, rangeKey: { name: 'createdAt', type: S } },
      // The review queue (pending_review, oldest first) and the public list (published, newest first).
      { name: 'byStatus', hashKey: { name: 'status', type: S }, rangeKey: { name: 'statusKey', type: S } },
      // Sparse: only published demands carry pubField / pubProvince.
      { name: 'publishedByField', hashKey: { name: 'pubField', type: S }, rangeKey: { name: 'pubKey', type: S } },
      { name: 'publishedByProvince', hashKey: { name: 'pubProvince', type: S }, rangeKey: { name: 'pubKey', type: S } },
      // Sparse: published demands in a track (专场).
      { name: 'publishedByTrack', hashKey: { name: 'pubTrack', type: S }, rangeKey: { name: 'pubKey', type: S } },
      // Every change in order of time: keeps the in-memory search index fresh without a Scan.
      { name: 'byChange', hashKey: { name: 'changeFeed', type: S }, rangeKey: { name: 'changeKey', type: S } },
    ],
  },
  follows: {
    hashKey: { name: 'userId', type: S },
    rangeKey: { name: 'demandId', type: S },
    localIndexes: [
      // GET /me/follows: newest follow first.
      { name: 'byUserTime', rangeKey: { name: 'followedAt', type: S } },
    ],
    indexes: [
      // A demand's followers, for alerts about its status.
      { name: 'byDemand', hashKey: { name: 'demandId', type: S }, rangeKey: { name: 'userId', type: S } },
    ],
  },
  // Solutions (揭榜). The id is derived from (demand, submitter), so a conditional put keeps one per user per demand.
  solutions: {
    hashKey: { name: 'id', type: S },
    indexes: [
      // A demand's solutions, oldest first: the owner's triage, the judges' sheet, the ranking.
      { name: 'byDemand', hashKey: { name: 'demandId', type: S }, rangeKey: { name: 'createdKey', type: S } },
      // GET /me/solutions: a submitter's own, newest first.
      { name: 'bySubmitter', hashKey: { name: 'submitterId', type: S }, rangeKey: { name: 'createdKey', type: S } },
    ],
  },
  // Judged finals, one partition per demand: the final itself (sk `final`), one item per assigned judge
  // (sk `judge#<userId>`, carrying judgeId for the byJudge index) and one per score (sk `score#<solution>#<judge>`).
  // One Query of the partition gives the ranking everything it needs.
  finals: {
    hashKey: { name: 'demandId', type: S },
    rangeKey: { name: 'sk', type: S },
    indexes: [
      // Sparse: only judge items carry judgeId. GET /me/judging.
      { name: 'byJudge', hashKey: { name: 'judgeId', type: S }, rangeKey: { name: 'demandId', type: S } },
    ],
  },
  // Tracks (专场): a handful a year, all in one partition, newest first by their ulid.
  tracks: {
    hashKey: { name: 'scope', type: S },
    rangeKey: { name: 'id', type: S },
  },
  // Awards, by demand (shown on its detail page), and by winner (shown on their profile).
  awards: {
    hashKey: { name: 'demandId', type: S },
    rangeKey: { name: 'id', type: S },
    indexes: [
      // Sparse: only awards to a user (a solution's submitter, a demand's owner) carry winnerId.
      { name: 'byWinner', hashKey: { name: 'winnerId', type: S }, rangeKey: { name: 'at', type: S } },
    ],
  },
  // The organisers' figures: the counters (key `all`) and, per demand, what it last contributed to them
  // (key `demand#<id>`), so the demands stream can apply each change exactly once.
  stats: {
    hashKey: { name: 'key', type: S },
  },
  // Rate-limit windows (login, posting, solutions): one partition per action and subject (`post#user#<id>`), one item
  // per window, so a person's counters can be erased with a Query each; expired windows are removed by TTL.
  // Windows last an hour at most: locally, a table of an older layout is simply made again (see scripts/lib/tables.ts).
  rateLimits: {
    hashKey: { name: 'key', type: S },
    rangeKey: { name: 'window', type: 'N' },
    ttl: 'expiresAt',
    ephemeral: true,
  },
  // Saved searches, by owner.
  subscriptions: {
    hashKey: { name: 'userId', type: S },
    rangeKey: { name: 'subId', type: S },
  },
  // The percolator: each subscription stored under the key a new demand finds it by (kw#…, field#…, region#…,
  // budget), with its conditions copied so matching needs no second read. The partition `#dictionary` lists the
  // indexed keywords with a reference count.
  percolator: {
    hashKey: { name: 'pkey', type: S },
    rangeKey: { name: 'skey', type: S },
  },
  // The in-app inbox: one item per (user, demand, reason), keyed deterministically so a replay writes nothing new.
  notifications: {
    hashKey: { name: 'userId', type: S },
    rangeKey: { name: 'id', type: S },
    // The push sender reads new notifications from this stream.
    stream: 'NEW_AND_OLD_IMAGES',
    localIndexes: [{ name: 'byTime', rangeKey: { name: 'createdKey', type: S } }],
    indexes: [
      // Sparse: only unread notifications carry unreadUser, so the unread count is a Query of that partition.
      { name: 'unreadByUser', hashKey: { name: 'unreadUser', type: S }, rangeKey: { name: 'createdKey', type: S } },
    ],
  },
  // WeChat subscribe-message quota per (user, template), and the daily digest markers (`digest#<date>`).
  quotas: {
    hashKey: { name: 'userId', type: S },
    rangeKey: { name: 'slot', type: S },
    ttl: 'expiresAt',
  },
  // Singletons: the cached WeChat access token.
  system: {
    hashKey: { name: 'key', type: S },
  },
  // Pushes that failed after their retries, kept for an operator to replay.
  deadLetters: {
    hashKey: { name: 'id', type: S },
    ttl: 'expiresAt',
    // A person's dead letters, erased with their account.
    indexes: [{ name: 'byUser', hashKey: { name: 'userId', type: S }, rangeKey: { name: 'at', type: S } }],
  },
};

function keySchema(hashKey, rangeKey) {
  const schema = [{ AttributeName: hashKey.name, KeyType: 'HASH' }];
  if (rangeKey) schema.push({ AttributeName: rangeKey.name, KeyType: 'RANGE' });
  return schema;
}

/** The CreateTable input for one table (without billing, which differs between AWS and local). */
function createTableInput(logicalName, tableName) {
  const def = tables[logicalName];
  const attributes = new Map();
  const note = (k) => k && attributes.set(k.name, k.type);
  note(def.hashKey);
  note(def.rangeKey);
  for (const ix of def.indexes || []) {
    note(ix.hashKey);
    note(ix.rangeKey);
  }
  for (const ix of def.localIndexes || []) note(ix.rangeKey);

  const input = {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keySchema(def.hashKey, def.rangeKey),
  };
  if (def.indexes && def.indexes.length) {
    input.GlobalSecondaryIndexes = def.indexes.map((ix) => ({
      IndexName: ix.name,
      KeySchema: keySchema(ix.hashKey, ix.rangeKey),
      Projection: { ProjectionType: 'ALL' },
    }));
  }
  if (def.localIndexes && def.localIndexes.length) {
    input.LocalSecondaryIndexes = def.localIndexes.map((ix) => ({
      IndexName: ix.name,
      KeySchema: keySchema(def.hashKey, ix.rangeKey),
      Projection: { ProjectionType: 'ALL' },
    }));
  }
  if (def.stream) input.StreamSpecification = { StreamEnabled: true, StreamViewType: def.stream };
  return input;
}

/** The physical table name for a stage: `<prefix>-<logical>`. */
function tableName(prefix, logicalName) {
  return `${prefix}-${logicalName}`;
}

/** CloudFormation resources for serverless.yml: `resources: ${file(./infra/tables.cjs):cloudFormationResources}`. */
async function cloudFormationResources({ resolveVariable }) {
  const prefix = await resolveVariable('self:custom.tablePrefix');
  const resources = {};
  for (const logicalName of Object.keys(tables)) {
    const input = createTableInput(logicalName, tableName(prefix, logicalName));
    const { StreamSpecification, ...props } = input;
    const properties = {
      ...props,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    };
    if (StreamSpecification) properties.StreamSpecification = { StreamViewType: StreamSpecification.StreamViewType };
    const def = tables[logicalName];
    if (def.ttl) properties.TimeToLiveSpecification = { AttributeName: def.ttl, Enabled: true };
    const id = `${logicalName[0].toUpperCase()}${logicalName.slice(1)}Table`;
    resources[id] = { Type: 'AWS::DynamoDB::Table', DeletionPolicy: 'Retain', Properties: properties };
  }
  return { Resources: resources };
}

module.exports = { tables, createTableInput, tableName, cloudFormationResources };
