// The access token shared by every Lambda container: one item in a small table whose hash key is `key` (String).
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccessTokenCache } from '../wechat/access-token-cache.port';
import { keysOf } from './table-keys';

const SYSTEM = keysOf('system');

export const ACCESS_TOKEN_ITEM_KEY = 'wechat-access-token';

export function createAccessTokenCacheDynamo(doc: DynamoDBDocumentClient, table: string): AccessTokenCache {
  return {
    async get() {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: SYSTEM.key({ key: ACCESS_TOKEN_ITEM_KEY }), ConsistentRead: true }),
      );
      const item = out.Item;
      if (!item || typeof item.token !== 'string' || typeof item.expiresAt !== 'number') return undefined;
      return { token: item.token, expiresAt: item.expiresAt };
    },
    async put({ token, expiresAt }) {
      await doc.send(new PutCommand({ TableName: table, Item: { key: ACCESS_TOKEN_ITEM_KEY, token, expiresAt } }));
    },
  };
}
