// The composition root: config is parsed and every adapter is built once per Lambda container, then reused.
import { ulid } from 'ulid';
import { createAuthService } from './auth/auth.service';
import { createTokenService } from './auth/token.service';
import { createWechatSessionAdapter } from './auth/wechat-session.adapter';
import { systemClock } from './common/clock';
import { createCursorCodec } from './common/cursor';
import { config, type Config } from './config/config';
import { createDocumentClient } from './db/client';
import { createDemandDynamoRepository } from './db/demand.dynamo';
import { createFollowDynamoRepository } from './db/follow.dynamo';
import { tableNames } from './db/table-names';
import { createUserDynamoRepository } from './db/user.dynamo';
import { createDemandListService } from './demands/demand-list.service';
import { createDemandService } from './demands/demand.service';
import { createFollowService } from './follows/follow.service';
import { createRoute } from './http/route';
import { createDemandSearch } from './search/demand-search';

export function buildApp(cfg: Config) {
  const doc = createDocumentClient(cfg);
  const names = tableNames(cfg.TABLE_PREFIX);
  const clock = systemClock;
  const cursors = createCursorCodec(cfg.JWT_SECRET);
  const tokens = createTokenService(cfg.JWT_SECRET, cfg.TOKEN_TTL_SECONDS);
  const demandRepo = createDemandDynamoRepository(doc, names.demands);
  const followRepo = createFollowDynamoRepository(doc, { follows: names.follows, demands: names.demands });

  const auth = createAuthService({
    users: createUserDynamoRepository(doc, names.users),
    tokens,
    wechat: createWechatSessionAdapter({
      baseUrl: cfg.WECHAT_API_BASE,
      appid: cfg.WECHAT_APPID,
      secret: cfg.WECHAT_SECRET,
      timeoutMs: cfg.WECHAT_TIMEOUT_MS,
    }),
    clock,
    devLoginEnabled: cfg.DEV_LOGIN,
    appScope: cfg.WECHAT_APPID ?? 'no-appid',
  });
  const demands = createDemandService({
    demands: demandRepo,
    follows: followRepo,
    clock,
    newId: () => ulid().toLowerCase(),
    cursors,
  });
  const search = createDemandSearch({ demands: demandRepo, clock, refreshMs: cfg.SEARCH_REFRESH_MS });
  const demandList = createDemandListService({ demands: demandRepo, search, cursors });
  const follows = createFollowService({ follows: followRepo, demands: demandRepo, clock, cursors });

  return { cfg, tokens, auth, demands, demandList, follows };
}

export type App = ReturnType<typeof buildApp>;

let cached: App | undefined;
export function app(): App {
  cached ??= buildApp(config());
  return cached;
}

export const route = createRoute(() => ({
  verifyToken: (token) => app().tokens.verify(token),
  maxBodyBytes: app().cfg.MAX_BODY_BYTES,
}));
