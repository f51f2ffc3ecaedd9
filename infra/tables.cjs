// The DynamoDB tables and indexes, defined once.
// serverless.yml builds its CloudFormation resources from `cloudFormationResources`, and the local bootstrap
// creates the same tables in DynamoDB Local from `tables`. The key layout inside each table lives in functions/src/db/.
'use strict';

/** A key attribute: a string unless said otherwise. */
const key = (name, type = 'S') => ({ name, type });
/** A global secondary index: its name, hash key and range key. */
const index = (name, hashKey, rangeKey) => ({ name, hashKey: key(hashKey), rangeKey: key(rangeKey) });
/** A local secondary index: its name and range key (its hash key is the table's). */
const localIndex = (name, rangeKey) => ({ name, rangeKey: key(rangeKey) });

/** The indexes of a listing (a demand or a 成果): one lifecycle, review queue and search serve both kinds. */
const listingIndexes = () => [
  // GET /me/demands, /me/achievements: the owner's own, newest first.
  index('byOwner', 'ownerId', 'createdAt'),
  // The review queue (pending_review, oldest first) and the public list (published, newest first).
  index('byStatus', 'status', 'statusKey'),
  // Sparse: only published listings carry pubField / pubProvince.
  index('publishedByField', 'pubField', 'pubKey'),
  index('publishedByProvince', 'pubProvince', 'pubKey'),
  // Every change in order of time: keeps the in-memory search index fresh without a Scan.
  index('byChange', 'changeFeed', 'changeKey'),
];

/** @type {Record<string, import('./tables').TableDef>} */
const tables = {
  // Accounts (keyed by their random id) and identities (`identity#…` → the account of the identity's current life).
  users: { hashKey: key('id') },
  demands: {
    hashKey: key('id'),
    // The alert matcher reads this stream: a demand that becomes published triggers alerts.
    stream: 'NEW_AND_OLD_IMAGES',
    indexes: [
      ...listingIndexes(),
      // Sparse: published demands in a track (专场).
      index('publishedByTrack', 'pubTrack', 'pubKey'),
    ],
  },
  // 成果 (technology achievements): the same layout as demands, so that one lifecycle, review queue and search serve both.
  achievements: {
    hashKey: key('id'),
    // The matcher reads this stream: a 成果 that becomes published is matched against open demands.
    stream: 'NEW_AND_OLD_IMAGES',
    indexes: listingIndexes(),
  },
  // Invitations to 揭榜 (动员揭榜): one item per (demand, 成果), so a conditional put keeps one open invitation a pair.
  invitations: {
    hashKey: key('id'),
    indexes: [
      // GET /me/invitations: a holder's invitations, newest first.
      index('byHolder', 'holderId', 'createdAt'),
      // A demand's invitations (the owner's page), newest first.
      index('byDemand', 'demandId', 'createdAt'),
      // The inviter's (erasure).
      index('byInviter', 'inviterId', 'createdAt'),
    ],
  },
  follows: {
    hashKey: key('userId'),
    rangeKey: key('demandId'),
    localIndexes: [
      // GET /me/follows: newest follow first.
      localIndex('byUserTime', 'followedAt'),
    ],
    indexes: [
      // A demand's followers, for alerts about its status.
      index('byDemand', 'demandId', 'userId'),
    ],
  },
  // Solutions (揭榜). The id is derived from (demand, submitter), so a conditional put keeps one per user per demand.
  solutions: {
    hashKey: key('id'),
    indexes: [
      // A demand's solutions, oldest first: the owner's triage, the judges' sheet, the ranking.
      index('byDemand', 'demandId', 'createdKey'),
      // GET /me/solutions: a submitter's own, newest first.
      index('bySubmitter', 'submitterId', 'createdKey'),
    ],
  },
  // Judged finals, one partition per demand: the final itself (sk `final`), one item per assigned judge
  // (sk `judge#<userId>`, carrying judgeId for the byJudge index) and one per score (sk `score#<solution>#<judge>`).
  // One Query of the partition gives the ranking everything it needs.
  finals: {
    hashKey: key('demandId'),
    rangeKey: key('sk'),
    indexes: [
      // Sparse: only judge items carry judgeId. GET /me/judging.
      index('byJudge', 'judgeId', 'demandId'),
    ],
  },
  // Tracks (专场): a handful a year, all in one partition, newest first by their ulid.
  tracks: { hashKey: key('scope'), rangeKey: key('id') },
  // Awards, by demand (shown on its detail page), and by winner (shown on their profile).
  awards: {
    hashKey: key('demandId'),
    rangeKey: key('id'),
    indexes: [
      // Sparse: only awards to a user (a solution's submitter, a demand's owner) carry winnerId.
      index('byWinner', 'winnerId', 'at'),
    ],
  },
  // The organisers' figures: the counters (key `all`) and, per demand, what it last contributed to them
  // (key `demand#<id>`), so the demands stream can apply each change exactly once.
  stats: { hashKey: key('key') },
  // Subscribers' verdicts on their alerts (有用 / 不相关), counted per concept of the keyword that matched and per tier:
  // one partition (`scope` = concept) paged in order by the organisers' precision view. Counts only, nobody's id.
  alertFeedback: { hashKey: key('scope'), rangeKey: key('concept') },
  // Rate-limit windows (login, posting, solutions): one partition per action and subject (`post#user#<id>`), one item
  // per window, so a person's counters can be erased with a Query each; expired windows are removed by TTL.
  // Windows last an hour at most: locally, a table of an older layout is simply made again (see scripts/lib/tables.ts).
  rateLimits: { hashKey: key('key'), rangeKey: key('window', 'N'), ttl: 'expiresAt', ephemeral: true },
  // Saved searches, by owner.
  subscriptions: { hashKey: key('userId'), rangeKey: key('subId') },
  // The percolator: each subscription stored under the key a new demand finds it by (kw#…, field#…, region#…,
  // budget), with its conditions copied so matching needs no second read. The partition `#dictionary` lists the
  // indexed keywords with a reference count.
  percolator: { hashKey: key('pkey'), rangeKey: key('skey') },
  // The in-app inbox: one item per (user, demand, reason), keyed deterministically so a replay writes nothing new.
  notifications: {
    hashKey: key('userId'),
    rangeKey: key('id'),
    // The push sender reads new notifications from this stream.
    stream: 'NEW_AND_OLD_IMAGES',
    localIndexes: [localIndex('byTime', 'createdKey')],
    indexes: [
      // Sparse: only unread notifications carry unreadUser, so the unread count is a Query of that partition.
      index('unreadByUser', 'unreadUser', 'createdKey'),
    ],
  },
  // WeChat subscribe-message quota per (user, template), and the daily digest markers (`digest#<date>`).
  quotas: { hashKey: key('userId'), rangeKey: key('slot'), ttl: 'expiresAt' },
  // Singletons: the cached WeChat access token.
  system: { hashKey: key('key') },
  // Pushes that failed after their retries, kept for an operator to replay.
  deadLetters: {
    hashKey: key('id'),
    ttl: 'expiresAt',
    // A person's dead letters, erased with their account.
    indexes: [index('byUser', 'userId', 'at')],
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
