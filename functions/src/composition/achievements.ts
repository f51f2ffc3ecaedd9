import { createAchievementService } from '../achievements/achievement.service';
import { once } from '../common/once';
import { createReviewQueue } from '../listings/review-queue';
import { base, type Base } from './base';
import { achievementRepository } from './repositories';
import { achievementSearch, type AchievementSearchIndex } from './search';
import { contentScreenOf, wechatTokens, type WechatTokens } from './wechat';

/** 成果库: a 成果's life (draft, submit with the content check, review, close), its detail and 成果搜索. */
export function createAchievements(b: Base, deps: { search: AchievementSearchIndex; wechatTokens: WechatTokens }) {
  return createAchievementService({
    achievements: achievementRepository(b),
    search: deps.search,
    clock: b.clock,
    newId: b.newId,
    cursors: b.cursors,
    screen: contentScreenOf(b, deps.wechatTokens),
  });
}

export const achievements = once(() => createAchievements(base(), { search: achievementSearch(), wechatTokens: wechatTokens() }));

/** The organisers' one review queue of demands and 成果. */
export function createReviewQueueOf(b: Base) {
  return createReviewQueue({ demands: b.demandRepo, achievements: achievementRepository(b), cursors: b.cursors });
}

export const reviewQueue = once(() => createReviewQueueOf(base()));
