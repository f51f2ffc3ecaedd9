// The composition, split by what each function calls: a handler imports only the parts it uses, so its bundle holds
// only their code (esbuild bundles each handler file on its own) and its first call builds only them. Every part is a
// plain factory (`create…`, used by app.ts to build the whole of it for tests) and a getter that builds it once per
// Lambda container from the environment's configuration.
import { ulid } from 'ulid';
import { createTokenService } from '../auth/token.service';
import { systemClock } from '../common/clock';
import { createCursorCodec } from '../common/cursor';
import { once } from '../common/once';
import { config, type Config } from '../config/config';
import { createDocumentClient } from '../db/client';
import { createDemandDynamoRepository } from '../db/demand.dynamo';
import { createRateCounterDynamo } from '../db/rate-counter.dynamo';
import { tableNames } from '../db/table-names';
import { createUserDynamoRepository } from '../db/user.dynamo';
import { createRateLimiter } from '../ratelimit/rate-limiter';

/** What every function needs: the configuration, DynamoDB, the clock, ids, tokens, users and the rate limiter. */
export function createBase(cfg: Config) {
  const doc = createDocumentClient(cfg);
  const names = tableNames(cfg.TABLE_PREFIX);
  const clock = systemClock;
  return {
    cfg,
    doc,
    names,
    clock,
    newId: () => ulid().toLowerCase(),
    cursors: createCursorCodec(cfg.JWT_SECRET),
    tokens: createTokenService(cfg.JWT_SECRET, cfg.TOKEN_TTL_SECONDS),
    users: createUserDynamoRepository(doc, names.users),
    demandRepo: createDemandDynamoRepository(doc, names.demands),
    limiter: createRateLimiter({ counters: createRateCounterDynamo(doc, names.rateLimits), clock, scale: cfg.RATE_LIMIT_SCALE }),
  };
}
export type Base = ReturnType<typeof createBase>;

export const base = once(() => createBase(config()));
