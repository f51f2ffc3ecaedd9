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
import { createContentScreen } from './alerts/content-screen';
import { createDemandAlerts } from './alerts/demand-alerts.service';
import { createInboxService } from './alerts/inbox.service';
import { variantsOf } from './alerts/matching/synonyms';
import { createPushService } from './alerts/push.service';
import { createSubscriptionService } from './alerts/subscription.service';
import { createDeadLetterDynamoAdapter } from './db/dead-letter.dynamo';
import { createNotificationDynamoRepository } from './db/notification.dynamo';
import { createQuotaDynamoRepository } from './db/quota.dynamo';
import { createSubscriptionDynamoRepository } from './db/subscription.dynamo';
import { createAccessTokenCacheDynamo } from './wechat/access-token-cache.dynamo';
import { createAccessTokenProvider } from './wechat/access-token.provider';
import { createContentSafetyAdapter } from './wechat/content-safety.adapter';
import { createWechatMessageAdapter } from './wechat/wechat-message.adapter';
import { createAwardService } from './contest/award.service';
import { createDemandExtras } from './contest/demand-extras';
import { createFinalService } from './contest/final.service';
import { createSolutionService } from './contest/solution.service';
import { createTrackService } from './contest/track.service';
import { createAwardDynamoRepository } from './db/award.dynamo';
import { createFinalDynamoRepository } from './db/final.dynamo';
import { createSolutionDynamoRepository } from './db/solution.dynamo';
import { createStatsDynamoRepository } from './db/stats.dynamo';
import { createTrackDynamoRepository } from './db/track.dynamo';
import { createStatsService } from './stats/stats.service';
import { createRateCounterDynamo } from './db/rate-counter.dynamo';
import { createRateLimiter } from './ratelimit/rate-limiter';

export function buildApp(cfg: Config) {
  const doc = createDocumentClient(cfg);
  const names = tableNames(cfg.TABLE_PREFIX);
  const clock = systemClock;
  const cursors = createCursorCodec(cfg.JWT_SECRET);
  const tokens = createTokenService(cfg.JWT_SECRET, cfg.TOKEN_TTL_SECONDS);
  const demandRepo = createDemandDynamoRepository(doc, names.demands);
  const followRepo = createFollowDynamoRepository(doc, { follows: names.follows, demands: names.demands });

  const userRepo = createUserDynamoRepository(doc, names.users);
  const solutionRepo = createSolutionDynamoRepository(doc, { solutions: names.solutions, demands: names.demands });
  const finalRepo = createFinalDynamoRepository(doc, names.finals);
  const trackRepo = createTrackDynamoRepository(doc, names.tracks);
  const awardRepo = createAwardDynamoRepository(doc, names.awards);
  const newId = () => ulid().toLowerCase();
  const subscriptionRepo = createSubscriptionDynamoRepository(doc, names);
  const notificationRepo = createNotificationDynamoRepository(doc, names.notifications);
  const quotaRepo = createQuotaDynamoRepository(doc, names.quotas);
  const wechatTokens = createAccessTokenProvider({
    baseUrl: cfg.WECHAT_API_BASE,
    appid: cfg.WECHAT_APPID ?? '',
    secret: cfg.WECHAT_SECRET ?? '',
    cache: createAccessTokenCacheDynamo(doc, names.system),
    clock,
    timeoutMs: cfg.WECHAT_TIMEOUT_MS,
  });
  const templates = { newMatch: cfg.WECHAT_TEMPLATE_NEW_MATCH ?? '', statusChange: cfg.WECHAT_TEMPLATE_STATUS ?? '' };

  const limiter = createRateLimiter({
    counters: createRateCounterDynamo(doc, names.rateLimits),
    clock,
    scale: cfg.RATE_LIMIT_SCALE,
  });
  const auth = createAuthService({
    users: userRepo,
    tokens,
    wechat: createWechatSessionAdapter({
      baseUrl: cfg.WECHAT_API_BASE,
      appid: cfg.WECHAT_APPID,
      secret: cfg.WECHAT_SECRET,
      timeoutMs: cfg.WECHAT_TIMEOUT_MS,
    }),
    clock,
    devLoginEnabled: cfg.DEV_LOGIN,
    // Per user, once the login says who it is (the route limits per IP before).
    limitUser: (userId) => limiter.check('login', { kind: 'user', id: userId }),
    appScope: cfg.WECHAT_APPID ?? 'no-appid',
  });
  const demands = createDemandService({
    demands: demandRepo,
    follows: followRepo,
    clock,
    newId,
    cursors,
    extras: createDemandExtras({ awards: awardRepo, tracks: trackRepo, solutions: solutionRepo, finals: finalRepo }),
    screen: createContentScreen({
      users: userRepo,
      safety: createContentSafetyAdapter({ baseUrl: cfg.WECHAT_API_BASE, tokens: wechatTokens, timeoutMs: cfg.WECHAT_TIMEOUT_MS }),
    }),
  });
  const search = createDemandSearch({ demands: demandRepo, clock, refreshMs: cfg.SEARCH_REFRESH_MS });
  const demandList = createDemandListService({ demands: demandRepo, search, cursors });
  const follows = createFollowService({ follows: followRepo, demands: demandRepo, clock, cursors });

  const subscriptions = createSubscriptionService({
    subscriptions: subscriptionRepo,
    documentFrequency: async (keyword) => {
      let total = 0;
      for (const variant of variantsOf(keyword)) total += await search.documentFrequency(variant);
      return total;
    },
    clock,
    newId,
  });
  const inbox = createInboxService({
    notifications: notificationRepo,
    quotas: quotaRepo,
    templateIds: [templates.newMatch, templates.statusChange].filter((t) => t !== ''),
    clock,
    cursors,
  });
  const alerts = createDemandAlerts({
    percolator: subscriptionRepo,
    notifications: notificationRepo,
    followers: (demandId) => followRepo.listFollowers(demandId),
    clock,
  });
  const push = createPushService({
    notifications: notificationRepo,
    quotas: quotaRepo,
    users: userRepo,
    wechat: createWechatMessageAdapter({
      baseUrl: cfg.WECHAT_API_BASE,
      tokens: wechatTokens,
      timeoutMs: cfg.WECHAT_TIMEOUT_MS,
      miniprogramState: cfg.WECHAT_MINIPROGRAM_STATE,
    }),
    deadLetters: createDeadLetterDynamoAdapter(doc, names.deadLetters),
    templates,
    retry: { attempts: cfg.PUSH_RETRY_ATTEMPTS, baseMs: cfg.PUSH_RETRY_BASE_MS },
    clock,
  });

  const solutions = createSolutionService({
    solutions: solutionRepo,
    demands: demandRepo,
    finals: finalRepo,
    notifications: notificationRepo,
    terms: { documentFrequency: (term) => search.documentFrequency(term), documents: () => search.documents() },
    clock,
  });
  const finals = createFinalService({ finals: finalRepo, solutions: solutionRepo, demands: demandRepo, users: userRepo, clock });
  const tracks = createTrackService({ tracks: trackRepo, demands: demandRepo, clock, newId });
  const awards = createAwardService({ awards: awardRepo, demands: demandRepo, solutions: solutionRepo, clock, newId });
  const stats = createStatsService({ stats: createStatsDynamoRepository(doc, names.stats), clock, cacheMs: cfg.STATS_CACHE_MS });

  return {
    cfg,
    tokens,
    auth,
    demands,
    demandList,
    follows,
    subscriptions,
    inbox,
    alerts,
    push,
    solutions,
    finals,
    tracks,
    awards,
    stats,
    limiter,
  };
}

export type App = ReturnType<typeof buildApp>;

let cached: App | undefined;
export function app(): App {
  cached ??= buildApp(config());
  return cached;
}

export const route = createRoute(() => ({
  verifyToken: async (token) => app().auth.currentUser(await app().tokens.verify(token)),
  maxBodyBytes: app().cfg.MAX_BODY_BYTES,
  limit: (action, subject) => app().limiter.check(action, subject),
}));

export { demandChangesOf, insertedNotificationsOf } from './db/stream-images';
