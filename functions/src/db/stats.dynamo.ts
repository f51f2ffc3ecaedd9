// The stats table: the counters (key `all`, one number attribute per counter), each demand's and 成果's last
// contribution (key `demand#<id>` / `achievement#<id>`, with the stream position it came from), and a marker per
// counted event (key `event#<id>`). A change is applied as one transaction: the contribution is replaced only if it is
// still the one read, and the counters move by the difference. An event is counted with its marker, put only if absent.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { difference, type Contribution, type ContributionKey, type EventCounter } from '../stats/contribution';
import type { StatsRepository } from '../stats/stats.ports';
import { keysOf } from './table-keys';
import { conditionFailedAt, transact, type TransactItem } from './transact';

const STATS = keysOf('stats');
/** How many times a contribution is read again after a concurrent apply changed it. */
const STALE_ATTEMPTS = 10;

const COUNTERS = 'all';

/** The counters' update for a transaction of another table's write: `counter` up by one, with that write or not at all. */
export function countedWith(table: string, counter: EventCounter): TransactItem {
  return {
    Update: {
      TableName: table,
      Key: STATS.key({ key: COUNTERS }),
      UpdateExpression: 'ADD #counter :one',
      ExpressionAttributeNames: { '#counter': counter },
      ExpressionAttributeValues: { ':one': 1 },
    },
  };
}

/**
 * The marker of an event and the counter's update, for a transaction of another table's write: the event is counted
 * with that write, once (the marker's put fails if the event was counted before), and the marker outlives the write's
 * own item, so a recount from the table finds every counted event.
 */
export function countedOnceWith(table: string, eventId: string, counter: EventCounter): [TransactItem, TransactItem] {
  return [
    {
      Put: {
        TableName: table,
        Item: { key: `event#${eventId}`, counter },
        ConditionExpression: 'attribute_not_exists(#key)',
        ExpressionAttributeNames: { '#key': 'key' },
      },
    },
    countedWith(table, counter),
  ];
}

interface StoredContribution {
  key: string;
  order: string;
  c: Contribution;
}

export function createStatsDynamoRepository(doc: DynamoDBDocumentClient, table: string): StatsRepository {
  async function readContribution(key: ContributionKey): Promise<StoredContribution | undefined> {
    const out = await doc.send(new GetCommand({ TableName: table, Key: STATS.key({ key }), ConsistentRead: true }));
    return out.Item as StoredContribution | undefined;
  }

  return {
    async apply(key, order, next) {
      // A concurrent apply for the same item (another shard's retry) makes the condition fail: read again.
      for (let attempt = 1; ; attempt += 1) {
        const stored = await readContribution(key);
        if (stored && stored.order >= order) return {};
        const delta = difference(next, stored?.c ?? {});
        const names: Record<string, string> = {};
        const values: Record<string, unknown> = {};
        const adds = Object.entries(delta).map(([counter, amount], i) => {
          names[`#c${i}`] = counter;
          values[`:c${i}`] = amount;
          return `#c${i} :c${i}`;
        });
        const outcome = await transact(
          doc,
          [
            {
              Put: {
                TableName: table,
                Item: { key, order, c: next },
                ...(stored
                  ? {
                      ConditionExpression: '#order = :seen',
                      ExpressionAttributeNames: { '#order': 'order' },
                      ExpressionAttributeValues: { ':seen': stored.order },
                    }
                  : { ConditionExpression: 'attribute_not_exists(#key)', ExpressionAttributeNames: { '#key': 'key' } }),
              },
            },
            ...(adds.length
              ? [
                  {
                    Update: {
                      TableName: table,
                      Key: STATS.key({ key: COUNTERS }),
                      UpdateExpression: `ADD ${adds.join(', ')}`,
                      ExpressionAttributeNames: names,
                      ExpressionAttributeValues: values,
                    },
                  },
                ]
              : []),
          ],
          (reasons) => (conditionFailedAt(reasons, 0) && attempt < STALE_ATTEMPTS ? 'stale' : undefined),
        );
        if (outcome === 'done') return delta;
        // 'stale': another apply replaced the contribution after it was read; the next round reads it again.
      }
    },

    async countOnce(eventId, counter) {
      const outcome = await transact(doc, countedOnceWith(table, eventId, counter), (reasons) =>
        conditionFailedAt(reasons, 0) ? 'counted' : undefined,
      );
      return outcome === 'done';
    },

    async read() {
      const out = await doc.send(new GetCommand({ TableName: table, Key: STATS.key({ key: COUNTERS }) }));
      const { key: _k, ...counters } = (out.Item ?? {}) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(counters).filter(([, v]) => typeof v === 'number')) as Contribution;
    },
  };
}
