// The DynamoDB access token cache: one item under key "wechat-access-token", read consistently.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ACCESS_TOKEN_ITEM_KEY, createAccessTokenCacheDynamo } from '../../../src/db/access-token-cache.dynamo';

/** A document client that keeps items in a Map keyed by `key`, and records the commands it was sent. */
function fakeDoc() {
  const items = new Map<string, Record<string, unknown>>();
  const commands: unknown[] = [];
  const doc = {
    async send(command: unknown) {
      commands.push(command);
      if (command instanceof GetCommand) return { Item: items.get(String(command.input.Key?.key)) };
      if (command instanceof PutCommand) {
        items.set(String(command.input.Item?.key), command.input.Item ?? {});
        return {};
      }
      throw new Error('unexpected command');
    },
  };
  return { doc: doc as unknown as DynamoDBDocumentClient, items, commands };
}

describe('access token cache on DynamoDB', () => {
  it('is empty at first, then returns what was put', async () => {
    const { doc, items, commands } = fakeDoc();
    const cache = createAccessTokenCacheDynamo(doc, 'tokens-table');
    expect(await cache.get()).toBeUndefined();
    await cache.put({ token: 'tok-1', expiresAt: 1_800_000_000_000 });
    expect(items.get(ACCESS_TOKEN_ITEM_KEY)).toEqual({
      key: 'wechat-access-token',
      token: 'tok-1',
      expiresAt: 1_800_000_000_000,
    });
    expect(await cache.get()).toEqual({ token: 'tok-1', expiresAt: 1_800_000_000_000 });
    expect((commands[0] as GetCommand).input).toEqual({
      TableName: 'tokens-table',
      Key: { key: 'wechat-access-token' },
      ConsistentRead: true,
    });
    expect((commands[1] as PutCommand).input.TableName).toBe('tokens-table');
  });

  it('treats a malformed item as missing', async () => {
    const { doc, items } = fakeDoc();
    items.set(ACCESS_TOKEN_ITEM_KEY, { key: ACCESS_TOKEN_ITEM_KEY, token: 'tok', expiresAt: '2026-11-22' });
    expect(await createAccessTokenCacheDynamo(doc, 't').get()).toBeUndefined();
  });
});
