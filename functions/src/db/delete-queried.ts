import { DeleteCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-page';

/** Deletes in flight at once: a person's partitions are small, and this keeps a burst within on-demand capacity. */
const CONCURRENCY = 8;

/**
 * Deletes every item a Query finds, by the table's key attributes. For the partitions that belong to one person
 * (their inbox, their push quota, their rate windows) when their account is erased. Returns how many were deleted.
 */
export async function deleteQueried(
  doc: DynamoDBDocumentClient,
  query: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'ProjectionExpression'>,
  keyAttributes: readonly string[],
): Promise<number> {
  const names = Object.fromEntries(keyAttributes.map((a, i) => [`#k${i}`, a]));
  const items = await queryAll(doc, {
    ...query,
    ProjectionExpression: keyAttributes.map((_, i) => `#k${i}`).join(', '),
    ExpressionAttributeNames: { ...query.ExpressionAttributeNames, ...names },
  });
  for (let i = 0; i < items.length; i += CONCURRENCY) {
    await Promise.all(
      items.slice(i, i + CONCURRENCY).map((item) =>
        doc.send(
          new DeleteCommand({
            TableName: query.TableName,
            Key: Object.fromEntries(keyAttributes.map((a) => [a, item[a]])),
          }),
        ),
      ),
    );
  }
  return items.length;
}
