// Configuration, parsed once per cold start. A missing or malformed value stops the function at once with the name
// of the variable, rather than failing later on a request.
import { englishMessage, preprocess } from '@cic/shared';
import * as z from 'zod/mini';

const flag = z.pipe(
  z._default(z.enum(['0', '1', 'true', 'false', '']), '0'),
  z.transform((v) => v === '1' || v === 'true'),
);

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const configSchema = z.object({
  STAGE: z._default(z.string().check(z.minLength(1)), 'local'),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'cn-north-1'),
  TABLE_PREFIX: z.string().check(z.minLength(1)),
  /** Set for DynamoDB Local; unset on AWS. */
  DYNAMODB_ENDPOINT: preprocess(emptyToUndefined, z.optional(z.url())),
  JWT_SECRET: z.string().check(z.minLength(32, 'JWT_SECRET must be at least 32 characters')),
  TOKEN_TTL_SECONDS: z._default(z.coerce.number().check(z.int(), z.positive()), 7 * 24 * 3600),
  DEV_LOGIN: flag,
  WECHAT_API_BASE: z._default(z.url(), 'https://api.weixin.qq.com'),
  WECHAT_APPID: preprocess(emptyToUndefined, z.optional(z.string())),
  WECHAT_SECRET: preprocess(emptyToUndefined, z.optional(z.string())),
  WECHAT_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.positive()), 5000),
  /** Subscribe-message template ids from the WeChat console (not secret). Without them no push is sent. */
  WECHAT_TEMPLATE_NEW_MATCH: preprocess(emptyToUndefined, z.optional(z.string())),
  WECHAT_TEMPLATE_STATUS: preprocess(emptyToUndefined, z.optional(z.string())),
  WECHAT_MINIPROGRAM_STATE: z._default(z.enum(['developer', 'trial', 'formal']), 'formal'),
  PUSH_RETRY_ATTEMPTS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(10)), 3),
  PUSH_RETRY_BASE_MS: z._default(z.coerce.number().check(z.int(), z.nonnegative()), 500),
  MAX_BODY_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), 64 * 1024),
  SEARCH_REFRESH_MS: z._default(z.coerce.number().check(z.int(), z.nonnegative()), 2000),
  /** How long a warm Lambda reuses the stats it read (GET /stats is also cacheable by a CDN for 60 s). */
  STATS_CACHE_MS: z._default(z.coerce.number().check(z.int(), z.nonnegative()), 10_000),
  /**
   * Local only: check every DynamoDB call against the calling function's IAM policy in infra/functions.cjs
   * (`enforce`), or only write what each function uses to IAM_RECORD_FILE (`record`). On AWS, IAM does this.
   */
  /** Multiplies every rate limit (functions/src/ratelimit/rate-limiter.ts); the local stack raises it for its tests. */
  RATE_LIMIT_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
  IAM_SIMULATE: z._default(z.enum(['off', 'enforce', 'record']), 'off'),
  IAM_RECORD_FILE: preprocess(emptyToUndefined, z.optional(z.string())),
  /** Local only (the reliability suite): the share of the functions' DynamoDB calls that fail as under load. */
  FAULT_DYNAMODB_RATE: z._default(z.coerce.number().check(z.gte(0), z.lte(1)), 0),
  FAULT_LOG_FILE: preprocess(emptyToUndefined, z.optional(z.string())),
});

export type Config = z.output<typeof configSchema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Worded in English, as classic zod did by default (zod/mini loads no locale).
  const parsed = configSchema.safeParse(env, { error: englishMessage });
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
