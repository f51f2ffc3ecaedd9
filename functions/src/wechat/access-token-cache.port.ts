/** Where WeChat's access token is cached between Lambda containers (DynamoDB on AWS and locally: db/access-token-cache.dynamo.ts). */
export interface AccessTokenCache {
  get(): Promise<{ token: string; expiresAt: number } | undefined>;
  put(entry: { token: string; expiresAt: number }): Promise<void>;
}
