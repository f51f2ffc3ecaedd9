// The users table holds two kinds of item: an account (`id` = its random user id) and an identity (`id` =
// `identity#…`, the WeChat openid or dev login hashed) that points at the account of the identity's current life.
import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { User } from '../auth/auth-user';
import type { UserRepository } from '../auth/user.repository';
import { conditionally } from './errors';
import { keysOf } from './table-keys';
import { anyConditionFailed, transact } from './transact';

const USERS = keysOf('users');

/** Identity items are keyed apart from accounts; no id a client can send contains `#` (route.ts refuses it). */
export const IDENTITY_PREFIX = 'identity#';

export function createUserDynamoRepository(doc: DynamoDBDocumentClient, table: string): UserRepository {
  const read = async (id: string) =>
    (await doc.send(new GetCommand({ TableName: table, Key: USERS.key({ id }), ConsistentRead: true }))).Item;

  const get = async (id: string): Promise<User | undefined> => {
    if (id.startsWith(IDENTITY_PREFIX)) return undefined;
    return (await read(id)) as User | undefined;
  };

  /** The account an identity points at, if both exist. */
  async function accountOf(identityKey: string): Promise<{ user?: User; userId?: string }> {
    const identity = await read(identityKey);
    if (typeof identity?.userId !== 'string') return {};
    const user = await get(identity.userId);
    return user ? { user, userId: identity.userId } : { userId: identity.userId };
  }

  /** The account and its identity, together: false when either exists already (another first login won). */
  async function create(fresh: User): Promise<boolean> {
    const outcome = await transact(
      doc,
      [
        {
          Put: {
            TableName: table,
            Item: { id: fresh.identityKey, userId: fresh.id },
            ConditionExpression: 'attribute_not_exists(id)',
          },
        },
        { Put: { TableName: table, Item: fresh, ConditionExpression: 'attribute_not_exists(id)' } },
      ],
      (reasons) => (anyConditionFailed(reasons) ? 'exists' : undefined),
    );
    return outcome === 'done';
  }

  return {
    get,

    async getOrCreate(fresh) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const existing = await accountOf(fresh.identityKey);
        if (existing.user) return existing.user;
        if (existing.userId) {
          // An identity whose account is gone (an erasure cut short): it starts a new life.
          await conditionally(() =>
            doc.send(
              new DeleteCommand({
                TableName: table,
                Key: USERS.key({ id: fresh.identityKey }),
                ConditionExpression: 'userId = :u',
                ExpressionAttributeValues: { ':u': existing.userId },
              }),
            ),
          );
        }
        if (await create(fresh)) return fresh;
        // Another first login of the same identity won the race: take its account on the next round.
      }
      throw new Error('could not create or read the account of an identity');
    },

    openSession(userId, sessionId, expiresAt, drop) {
      const names: Record<string, string> = { '#s': 'sessions', '#new': sessionId };
      drop.forEach((id, i) => (names[`#d${i}`] = id));
      const removes = drop.map((_, i) => `#s.#d${i}`);
      return conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: USERS.key({ id: userId }),
            UpdateExpression: `SET #s.#new = :exp${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: 'attribute_exists(id) AND attribute_exists(#s)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ':exp': expiresAt },
          }),
        ),
      );
    },

    async closeSession(userId, sessionId) {
      await conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: USERS.key({ id: userId }),
            UpdateExpression: 'REMOVE #s.#sid',
            ConditionExpression: 'attribute_exists(id)',
            ExpressionAttributeNames: { '#s': 'sessions', '#sid': sessionId },
          }),
        ),
      );
    },

    async remove(user) {
      await transact(doc, [
        { Delete: { TableName: table, Key: USERS.key({ id: user.id }) } },
        { Delete: { TableName: table, Key: USERS.key({ id: user.identityKey }) } },
      ]);
    },
  };
}
