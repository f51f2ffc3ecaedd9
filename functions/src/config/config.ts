// Configuration, parsed once per cold start. A missing or malformed value stops the function at once with the name
// of the variable, rather than failing later on a request.
import * as z from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true');

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const configSchema = z.object({
  STAGE: z.string().min(1).default('local'),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  TABLE_PREFIX: z.string().min(1),
  /** Set for DynamoDB Local; unset on AWS. */
  DYNAMODB_ENDPOINT: z.preprocess(emptyToUndefined, z.url().optional()),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters'),
  TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(7 * 24 * 3600),
  DEV_LOGIN: flag,
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.preprocess(emptyToUndefined, z.string().optional()),
  WECHAT_SECRET: z.preprocess(emptyToUndefined, z.string().optional()),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** Subscribe-message template ids from the WeChat console (not secret). Without them no push is sent. */
  WECHAT_TEMPLATE_NEW_MATCH: z.preprocess(emptyToUndefined, z.string().optional()),
  WECHAT_TEMPLATE_STATUS: z.preprocess(emptyToUndefined, z.string().optional()),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  PUSH_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  PUSH_RETRY_BASE_MS: z.coerce.number().int().nonnegative().default(500),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  SEARCH_REFRESH_MS: z.coerce.number().int().nonnegative().default(2000),
  /** How long a warm Lambda reuses the stats it read (GET /stats is also cacheable by a CDN for 60 s). */
  STATS_CACHE_MS: z.coerce.number().int().nonnegative().default(10_000),
  /**
   * Local only: check every DynamoDB call against the calling function's IAM policy in infra/functions.cjs
   * (`enforce`), or only write what each function uses to IAM_RECORD_FILE (`record`). On AWS, IAM does this.
   */
  /** Multiplies every rate limit (functions/src/ratelimit/rate-limiter.ts); the local stack raises it for its tests. */
  RATE_LIMIT_SCALE: z.coerce.number().positive().default(1),
  IAM_SIMULATE: z.enum(['off', 'enforce', 'record']).default('off'),
  IAM_RECORD_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
  /** Local only (the reliability suite): the share of the functions' DynamoDB calls that fail as under load. */
  FAULT_DYNAMODB_RATE: z.coerce.number().min(0).max(1).default(0),
  FAULT_LOG_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
});

export type Config = z.output<typeof configSchema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
