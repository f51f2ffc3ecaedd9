// The whole composition at once, for tests that drive the services in-process with a configuration of their own.
// The handlers do not come here: each imports only the parts of composition/ it calls, so that its bundle and its
// first invocation hold only those.
import type { Config } from './config/config';
import { createAchievements, createReviewQueueOf } from './composition/achievements';
import { createAlerts } from './composition/alerts';
import { createAuth } from './composition/auth';
import { createBase } from './composition/base';
import { createContest } from './composition/contest';
import { createDemands } from './composition/demands';
import { createFollows } from './composition/follows';
import { createInbox } from './composition/inbox';
import { createAchievementSearchIndex, createSearch } from './composition/search';
import { createSolutions } from './composition/solutions';
import { createStats } from './composition/stats';
import { createSubscriptions } from './composition/subscriptions';
import { createWechatTokens } from './composition/wechat';

export function buildApp(cfg: Config) {
  const b = createBase(cfg);
  const search = createSearch(b);
  const wechatTokens = createWechatTokens(b);
  return {
    cfg,
    tokens: b.tokens,
    limiter: b.limiter,
    auth: createAuth(b),
    ...createDemands(b, { search, wechatTokens }),
    follows: createFollows(b),
    subscriptions: createSubscriptions(b, { search }),
    inbox: createInbox(b),
    ...createAlerts(b, { wechatTokens }),
    solutions: createSolutions(b, { search }),
    ...createContest(b),
    stats: createStats(b),
    achievements: createAchievements(b, { search: createAchievementSearchIndex(b), wechatTokens }),
    reviewQueue: createReviewQueueOf(b),
  };
}

export type App = ReturnType<typeof buildApp>;
