// DELETE /me (注销账号): everything of the person goes, as the 个人信息保护法 (art. 47) requires when an account is
// closed. What only concerned them is deleted; what other people's contest still rests on is kept without them (see
// anonymised.ts). The account itself goes last, so a run cut short (a timeout) leaves the person logged in to call
// DELETE /me again, and every step is safe to repeat.
import { ok, type AccountErasureResponse, type ErasureReport, type Result } from '@cic/shared';
import type { DeadLetterPort } from '../alerts/dead-letter.port';
import type { NotificationRepository } from '../alerts/notification.repository';
import type { QuotaRepository } from '../alerts/quota.repository';
import type { SubscriptionRepository } from '../alerts/subscription.repository';
import type { AuthUser } from '../auth/auth-user';
import type { UserRepository } from '../auth/user.repository';
import type { Clock } from '../common/clock';
import type { PageRequest, StorePage } from '../common/page';
import type { AwardRepository, FinalRepository, SolutionRepository } from '../contest/contest.ports';
import type { AchievementRepository } from '../achievements/achievement.repository';
import type { DemandRepository } from '../demands/demand.repository';
import type { FollowRepository } from '../follows/follow.repository';
import { anonymousIdOf, erasedAchievement, erasedDemand, erasedSolution, UNSEEN_STATUSES } from './anonymised';

/** The invitations to 揭榜 a person received or sent. */
export interface InvitationErasure {
  /** Deletes every invitation where the person is the holder or the inviter; how many. */
  deleteAllOf(userId: string): Promise<number>;
}

export interface ErasureDeps {
  users: Pick<UserRepository, 'get' | 'remove'>;
  demands: Pick<DemandRepository, 'get' | 'listByOwner' | 'updateIfVersion' | 'deleteIfVersion'>;
  achievements: Pick<AchievementRepository, 'get' | 'listByOwner' | 'updateIfVersion' | 'deleteIfVersion'>;
  invitations: InvitationErasure;
  follows: Pick<FollowRepository, 'listByUser' | 'unfollow'>;
  solutions: Pick<SolutionRepository, 'get' | 'listBySubmitter' | 'updateIfVersion'>;
  finals: Pick<FinalRepository, 'listDemandsOfJudge' | 'replaceJudge'>;
  awards: Pick<AwardRepository, 'listByWinner' | 'clearWinner'>;
  subscriptions: Pick<SubscriptionRepository, 'listByUser' | 'delete'>;
  notifications: Pick<NotificationRepository, 'deleteAllOf'>;
  quotas: Pick<QuotaRepository, 'deleteAllOf'>;
  deadLetters: Pick<DeadLetterPort, 'deleteAllOf'>;
  /** The person's rate-limit windows. */
  forgetRates(userId: string): Promise<number>;
  clock: Clock;
}

const PAGE = 50;
/** Writes under a version check are retried this often when the item changed meanwhile. */
const ATTEMPTS = 5;

/** Every item of a paged store list. */
async function everything<T>(read: (page: PageRequest) => Promise<StorePage<T>>): Promise<T[]> {
  const all: T[] = [];
  let after: Record<string, string> | undefined;
  do {
    const page = await read({ limit: PAGE, ...(after ? { after } : {}) });
    all.push(...page.items);
    after = page.next;
  } while (after);
  return all;
}

/** Re-reads and rewrites under a version check until it holds (someone else may be editing the item). */
async function rewrite<T extends { version: number }>(
  first: T,
  reread: () => Promise<T | undefined>,
  write: (current: T) => Promise<boolean>,
): Promise<void> {
  let current: T | undefined = first;
  for (let attempt = 1; current; attempt += 1) {
    if (await write(current)) return;
    if (attempt >= ATTEMPTS) throw new Error('erasure: the item kept changing under its version check');
    current = await reread();
  }
}

export function createAccountErasureService(deps: ErasureDeps) {
  return {
    async erase(caller: AuthUser): Promise<Result<AccountErasureResponse>> {
      const user = await deps.users.get(caller.id);
      const at = deps.clock.now().toISOString();
      const anonymousId = anonymousIdOf(caller.id);
      const report: ErasureReport = {
        subscriptions: 0,
        follows: 0,
        demandsDeleted: 0,
        demandsKept: 0,
        achievementsDeleted: 0,
        achievementsKept: 0,
        invitations: 0,
        solutions: 0,
        judging: 0,
        awards: 0,
        notifications: 0,
        quotas: 0,
        deadLetters: 0,
        rateWindows: 0,
      };

      // First what makes new alerts: the saved searches (and their percolator entries) and the follows.
      for (const sub of await deps.subscriptions.listByUser(caller.id)) {
        if ((await deps.subscriptions.delete(caller.id, sub.id)) === 'deleted') report.subscriptions += 1;
      }
      for (const follow of await everything((page) => deps.follows.listByUser(caller.id, page))) {
        if ((await deps.follows.unfollow(caller.id, follow.demandId)) === 'unfollowed') report.follows += 1;
      }

      for (const demand of await everything((page) => deps.demands.listByOwner(caller.id, page))) {
        const reread = () => deps.demands.get(demand.id);
        if (UNSEEN_STATUSES.includes(demand.status)) {
          await rewrite(demand, reread, (d) =>
            UNSEEN_STATUSES.includes(d.status)
              ? deps.demands.deleteIfVersion(d.id, d.version)
              : deps.demands.updateIfVersion(erasedDemand(d, anonymousId, at), d.version),
          );
          report.demandsDeleted += 1;
        } else {
          await rewrite(demand, reread, (d) => deps.demands.updateIfVersion(erasedDemand(d, anonymousId, at), d.version));
          report.demandsKept += 1;
        }
      }

      // 成果 as demands: deleted if nobody else saw them, else closed and kept without the person's contacts.
      for (const achievement of await everything((page) => deps.achievements.listByOwner(caller.id, page))) {
        const unseen = UNSEEN_STATUSES.includes(achievement.status);
        await rewrite(
          achievement,
          () => deps.achievements.get(achievement.id),
          (a) =>
            UNSEEN_STATUSES.includes(a.status)
              ? deps.achievements.deleteIfVersion(a.id, a.version)
              : deps.achievements.updateIfVersion(erasedAchievement(a, anonymousId, at), a.version),
        );
        if (unseen) report.achievementsDeleted += 1;
        else report.achievementsKept += 1;
      }
      report.invitations = await deps.invitations.deleteAllOf(caller.id);

      for (const solution of await deps.solutions.listBySubmitter(caller.id)) {
        await rewrite(
          solution,
          () => deps.solutions.get(solution.id),
          (s) => deps.solutions.updateIfVersion(erasedSolution(s, anonymousId, at), s.version),
        );
        report.solutions += 1;
      }
      for (const demandId of new Set(await deps.finals.listDemandsOfJudge(caller.id))) {
        await deps.finals.replaceJudge(demandId, caller.id, anonymousId);
        report.judging += 1;
      }
      for (const award of await deps.awards.listByWinner(caller.id)) {
        await deps.awards.clearWinner(award);
        report.awards += 1;
      }

      report.notifications = await deps.notifications.deleteAllOf(caller.id);
      report.quotas = await deps.quotas.deleteAllOf(caller.id);
      report.deadLetters = await deps.deadLetters.deleteAllOf(caller.id);
      report.rateWindows = await deps.forgetRates(caller.id);
      // Last: until here the person's token still works, to run the erasure again if it was cut short.
      if (user) await deps.users.remove(user);
      return ok({ deleted: true, erased: report });
    },
  };
}

export type AccountErasureService = ReturnType<typeof createAccountErasureService>;
