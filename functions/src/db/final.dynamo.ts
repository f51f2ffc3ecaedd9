// One partition per demand in the finals table: `final` (the final), `judge#<id>` (one per assigned judge, indexed
// by judge), `score#<solution>#<judge>` (one per score).
import { DeleteCommand, UpdateCommand, type DynamoDBDocumentClient, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Final, Score } from '@cic/shared';
import type { FinalRepository, FinalState } from '../contest/contest.ports';
import { conditionally } from './errors';
import { queryAll } from './query-page';
import { indexOf, keysOf, partitionOf } from './table-keys';
import { conditionFailedAt, transact } from './transact';

const FINALS = keysOf('finals');
const BY_JUDGE = indexOf('finals', 'byJudge');

const FINAL = 'final';
const judgeKey = (judgeId: string) => `judge#${judgeId}`;
const scoreKey = (s: Pick<Score, 'solutionId' | 'judgeId'>) => `score#${s.solutionId}#${s.judgeId}`;
/** Assigning judges may rewrite the final only while it is open. A final has at most 15 judges, so the assignment
 * (1 + up to 15 puts + up to 15 deletes) always fits in one transaction (DynamoDB allows 100 actions). */
const OPEN = { ConditionExpression: 'attribute_not_exists(closedAt)' };
/** The final exists and has not been closed. */
const STILL_OPEN = 'attribute_exists(sk) AND attribute_not_exists(closedAt)';
type FinalUpdate = Pick<UpdateCommandInput, 'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeValues'>;

export function createFinalDynamoRepository(doc: DynamoDBDocumentClient, table: string): FinalRepository {
  /** Updates the demand's final item if `update`'s condition holds: false when it did not. */
  function updateFinal(demandId: string, update: FinalUpdate): Promise<boolean> {
    return conditionally(() =>
      doc.send(new UpdateCommand({ TableName: table, Key: FINALS.key({ demandId, sk: FINAL }), ...update })),
    );
  }

  async function load(demandId: string): Promise<FinalState> {
    const items = await queryAll(doc, { TableName: table, ...partitionOf(FINALS, demandId), ConsistentRead: true });
    let final: Final | undefined;
    const scores: Score[] = [];
    for (const item of items) {
      const { sk, ...rest } = item;
      if (sk === FINAL) final = rest as unknown as Final;
      else if (typeof sk === 'string' && sk.startsWith('score#')) scores.push(rest as unknown as Score);
    }
    return final ? { final, scores } : { scores };
  }

  return {
    load,

    async assign(final, removedJudgeIds) {
      const outcome = await transact(
        doc,
        [
          { Put: { TableName: table, Item: { ...final, sk: FINAL }, ...OPEN } },
          ...final.judgeIds.map((judgeId) => ({
            Put: { TableName: table, Item: { demandId: final.demandId, sk: judgeKey(judgeId), judgeId } },
          })),
          ...removedJudgeIds.map((judgeId) => ({
            Delete: { TableName: table, Key: FINALS.key({ demandId: final.demandId, sk: judgeKey(judgeId) }) },
          })),
        ],
        (reasons) => (conditionFailedAt(reasons, 0) ? 'closed' : undefined),
      );
      return outcome === 'done';
    },

    close(demandId, at) {
      return updateFinal(demandId, {
        UpdateExpression: 'SET closedAt = :at',
        ConditionExpression: STILL_OPEN,
        ExpressionAttributeValues: { ':at': at },
      });
    },

    /** The score's put and a check that the final is still open, together: a score can never land after the close. */
    async putScore(score) {
      const outcome = await transact(
        doc,
        [
          {
            ConditionCheck: {
              TableName: table,
              Key: FINALS.key({ demandId: score.demandId, sk: FINAL }),
              ConditionExpression: STILL_OPEN,
            },
          },
          { Put: { TableName: table, Item: { ...score, sk: scoreKey(score) } } },
        ],
        (reasons) => (conditionFailedAt(reasons, 0) ? 'closed' : undefined),
      );
      return outcome === 'done' ? 'stored' : outcome;
    },

    async replaceJudge(demandId, judgeId, anonymousId) {
      const { final, scores } = await load(demandId);
      // Each score moves on its own (put under the new id, then delete the old), so a final with many scores never
      // outgrows a transaction; a run cut short is finished by the next, which finds the rest under the old id.
      for (const score of scores.filter((s) => s.judgeId === judgeId)) {
        const moved = { ...score, judgeId: anonymousId };
        await transact(doc, [
          { Put: { TableName: table, Item: { ...moved, sk: scoreKey(moved) } } },
          { Delete: { TableName: table, Key: FINALS.key({ demandId, sk: scoreKey(score) }) } },
        ]);
      }
      if (final?.judgeIds.includes(judgeId)) {
        await updateFinal(demandId, {
          UpdateExpression: 'SET judgeIds = :ids',
          ConditionExpression: 'contains(judgeIds, :judge)',
          ExpressionAttributeValues: {
            ':ids': final.judgeIds.map((id) => (id === judgeId ? anonymousId : id)),
            ':judge': judgeId,
          },
        });
      }
      await doc.send(new DeleteCommand({ TableName: table, Key: FINALS.key({ demandId, sk: judgeKey(judgeId) }) }));
    },

    async listDemandsOfJudge(judgeId) {
      const partition = partitionOf(BY_JUDGE, judgeId);
      const items = await queryAll(doc, {
        TableName: table,
        ...partition,
        ProjectionExpression: '#demand',
        ExpressionAttributeNames: { ...partition.ExpressionAttributeNames, '#demand': FINALS.hashKey },
      });
      return items.map((i) => String(i[FINALS.hashKey]));
    },
  };
}
