import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { User } from '../auth/auth-user';
import type { UserRepository } from '../auth/user.repository';
import { isConditionFailed } from './errors';

export function createUserDynamoRepository(doc: DynamoDBDocumentClient, table: string): UserRepository {
  const get = async (id: string) => {
    const out = await doc.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }));
    return out.Item as User | undefined;
  };
  return {
    get,
    async remove(id) {
      await doc.send(new DeleteCommand({ TableName: table, Key: { id } }));
    },
    async getOrCreate(user) {
      try {
        await doc.send(new PutCommand({ TableName: table, Item: user, ConditionExpression: 'attribute_not_exists(id)' }));
        return user;
      } catch (err) {
        if (!isConditionFailed(err)) throw err;
        const existing = await get(user.id);
        if (!existing) throw new Error(`user ${user.id} exists but could not be read`);
        return existing;
      }
    },
  };
}
