// The 成果 percolator in the percolator table, in a namespace of its own (percolator-partitions.ts): one item per
// (concept, 成果), and the concept's reference count in the namespace's dictionary, written together. Each write is
// conditional on the entry's absence (or presence), in one transaction with the count, so a replayed stream record
// neither files a 成果 twice nor counts it twice.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AchievementIndexEntry, AchievementIndexPort } from '../matchmaking/achievement-index.port';
import { percolatorPartitions } from './percolator-partitions';
import { keysOf } from './table-keys';
import { anyConditionFailed, transact, type TransactItem } from './transact';

const PERCOLATOR = keysOf('percolator');
const NAMESPACE = 'achievement';

export function createAchievementIndexDynamo(doc: DynamoDBDocumentClient, table: string): AchievementIndexPort {
  const partitions = percolatorPartitions(doc, table, NAMESPACE);
  const names = { '#k': PERCOLATOR.rangeKey };

  /** One transaction for every key; a failed condition means a replay found it done already. */
  async function write(items: TransactItem[]): Promise<void> {
    if (items.length === 0) return;
    await transact(doc, items, (reasons) => (anyConditionFailed(reasons) ? 'already' : undefined));
  }

  return {
    async *readPartition(key) {
      for await (const item of partitions.read(key)) {
        yield { achievementId: String(item.achievementId), ownerId: String(item.ownerId) };
      }
    },

    indexedKeywords: () => partitions.indexedKeywords(),

    file: (entry: AchievementIndexEntry, keys) =>
      write(
        keys.flatMap((key): TransactItem[] => [
          {
            Put: {
              TableName: table,
              Item: { ...partitions.key(key, entry.achievementId), achievementId: entry.achievementId, ownerId: entry.ownerId },
              ConditionExpression: 'attribute_not_exists(#k)',
              ExpressionAttributeNames: names,
            },
          },
          ...partitions.dictionaryUpdate(key, 1),
        ]),
      ),

    unfile: (entry: AchievementIndexEntry, keys) =>
      write(
        keys.flatMap((key): TransactItem[] => [
          {
            Delete: {
              TableName: table,
              Key: partitions.key(key, entry.achievementId),
              ConditionExpression: 'attribute_exists(#k)',
              ExpressionAttributeNames: names,
            },
          },
          ...partitions.dictionaryUpdate(key, -1),
        ]),
      ),
  };
}
