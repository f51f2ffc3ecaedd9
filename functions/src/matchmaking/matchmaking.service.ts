// 成果粗匹配 both ways, with precise push, and what is built on it: the ranked match lists, the rough evaluation and
// similar demands.
//
// - A demand becomes published: the 成果 percolator (achievement-index.port.ts) gives the 成果 filed under a concept
//   the demand's text names; each is read whole and scored (achievement-matcher.ts); each holder gets one inbox item
//   (`achievement_match`, their best 成果), pushed only for the main tier.
// - A 成果 becomes published: it is filed in the percolator, and the demands search index gives the open demands whose
//   text holds a term of its keywords; each is read and scored; each owner gets one inbox item (`new_achievement`,
//   their best demand), never pushed. A 成果 that stops being published is taken out of the percolator.
// Nobody is ever told about their own demand or 成果. Inbox items have deterministic ids, so a replay writes nothing.
import {
  fail,
  isPubliclyVisible,
  ok,
  type Achievement,
  type AchievementMatchesResponse,
  type Demand,
  type DemandMatchesResponse,
  type ErrorCode,
  type Notification,
  type Result,
  type Scorecard,
  type SimilarDemandsResponse,
} from '@cic/shared';
import type { AchievementRepository } from '../achievements/achievement.repository';
import { withPublicAchievementText } from '../achievements/achievement.view';
import { expansionOf } from '../alerts/matching/concepts';
import { keywordKey, keywordsInText } from '../alerts/matching/matcher';
import type { NotificationRepository } from '../alerts/notification.repository';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { DemandRepository } from '../demands/demand.repository';
import { withPublicText } from '../demands/demand.view';
import { log } from '../log/logger';
import { fileAchievement, unfileAchievement, type AchievementIndexPort } from './achievement-index.port';
import {
  bigramCounts,
  conceptLabel,
  conceptsIn,
  cosine,
  rankAchievements,
  rankDemands,
  type Ranked,
} from './achievement-matcher';
import { scorecardOf } from './scorecard';

/** The demands search index, as matching uses it: published demands whose public text holds some of the phrases, best first. */
export interface DemandCandidatesPort {
  candidates(phrases: readonly string[], limit: number): Promise<string[]>;
}

/**
 * A 成果's candidates: the terms of its keywords' expansions (at most `terms`), asked `phrasesPerCall` at a time (what
 * the search index's candidate function takes), `perCall` demands each, at most `demands` read whole.
 */
export const CANDIDATES = { terms: 300, phrasesPerCall: 40, perCall: 100, demands: 300 } as const;
/** GET /demands/{id}/similar: how many, from how many candidates, asked by how many of the demand's phrases. */
export const SIMILAR = { count: 5, candidates: 30, phrases: 12 } as const;
const DEFAULT_LIMIT = 10;

const isAdmin = (user: AuthUser) => user.role === 'admin';

/** The listing, for its owner or an admin; for anyone else `notFound`, as for an id that does not exist. */
function ownedBy<L extends { ownerId: string }>(user: AuthUser, listing: L | undefined, notFound: ErrorCode): Result<L> {
  return listing && (isAdmin(user) || listing.ownerId === user.id) ? ok(listing) : fail(notFound);
}

/** What a line of a match list says of any ranked listing: its public title, its score and why. */
function matchLineOf<T extends { title?: string | undefined }>({ item, score, tier, explanation }: Ranked<T>) {
  return { title: item.title ?? '', score, tier, explanation };
}

/** The `keys` of a listing that are set: a match line carries a kind's own fields only when they are. */
function setFieldsOf<T, K extends keyof T>(item: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const fields: Partial<Pick<T, K>> = {};
  for (const key of keys) if (item[key] !== undefined) fields[key] = item[key];
  return fields;
}

export function createMatchmaking(deps: {
  index: AchievementIndexPort;
  achievements: Pick<AchievementRepository, 'get' | 'getMany'>;
  demands: Pick<DemandRepository, 'get' | 'getMany'>;
  search: DemandCandidatesPort;
  notifications: Pick<NotificationRepository, 'createOnce'>;
  clock: Clock;
}) {
  // -------------------------------------------------------------------------------------------------------------
  // Candidates

  /** Published 成果 filed under a concept the demand's (public) text names, read whole, their public text. */
  async function achievementsFor(demand: Demand): Promise<Achievement[]> {
    const indexed = await deps.index.indexedKeywords();
    const concepts = keywordsInText(`${demand.title ?? ''}\n${demand.description ?? ''}`, indexed);
    const ids = new Set<string>();
    await Promise.all(
      concepts.map(async (concept) => {
        for await (const entry of deps.index.readPartition(keywordKey(concept))) ids.add(entry.achievementId);
      }),
    );
    const read = ids.size === 0 ? [] : await deps.achievements.getMany([...ids]);
    return read.filter((a) => a.status === 'published').map(withPublicAchievementText);
  }

  /**
   * Published demands whose text holds a term of the 成果's keywords (the keyword, its synonyms, narrower terms and
   * words of its trade, as the matcher takes them), from the search index, read whole, their public text.
   */
  async function demandsFor(achievement: Achievement): Promise<Demand[]> {
    const terms = new Set<string>();
    for (const keyword of achievement.keywords ?? []) {
      for (const t of expansionOf(keyword).terms) if (terms.size < CANDIDATES.terms) terms.add(t.term);
    }
    const all = [...terms];
    const ids = new Set<string>();
    for (let i = 0; i < all.length && ids.size < CANDIDATES.demands; i += CANDIDATES.phrasesPerCall) {
      const chunk = all.slice(i, i + CANDIDATES.phrasesPerCall);
      for (const id of await deps.search.candidates(chunk, CANDIDATES.perCall)) if (ids.size < CANDIDATES.demands) ids.add(id);
    }
    const read = ids.size === 0 ? [] : await deps.demands.getMany([...ids]);
    return read.filter((d) => d.status === 'published').map(withPublicText);
  }

  // -------------------------------------------------------------------------------------------------------------
  // The streams

  /**
   * One inbox item per person, for their best match (the lists come best first), never to `except` (the one whose
   * listing was published). Deterministic ids: a replay writes nothing. Returns how many were written.
   */
  async function notifyEach<T extends { ownerId: string }>(
    matches: Ranked<T>[],
    except: string,
    notificationOf: (match: Ranked<T>, at: string) => Notification,
  ): Promise<number> {
    const at = deps.clock.now().toISOString();
    const told = new Set<string>([except]);
    let created = 0;
    for (const match of matches) {
      if (told.has(match.item.ownerId)) continue;
      told.add(match.item.ownerId);
      if (await deps.notifications.createOnce(notificationOf(match, at))) created += 1;
    }
    return created;
  }

  async function notifyHolders(demand: Demand): Promise<number> {
    const candidates = await achievementsFor(demand);
    const created = await notifyEach(rankAchievements(demand, candidates), demand.ownerId, ({ item, tier, explanation }, at) => ({
      id: `achievement_match#${demand.id}`,
      userId: item.ownerId,
      demandId: demand.id,
      reason: 'achievement_match',
      title: demand.title ?? '',
      createdAt: at,
      achievementId: item.id,
      explanation,
      tier,
      // A push spends the holder's one-time quota: only for a demand whose main topic the 成果 is.
      push: tier === 'main' ? 'pending' : 'inbox_only',
    }));
    log.info('matchmaking.demand_published', { demandId: demand.id, candidates: candidates.length, created });
    return created;
  }

  async function notifyOwners(achievement: Achievement): Promise<number> {
    const candidates = await demandsFor(achievement);
    const created = await notifyEach(
      rankDemands(achievement, candidates),
      achievement.ownerId,
      ({ item, tier, explanation }, at) => ({
        id: `new_achievement#${achievement.id}`,
        userId: item.ownerId,
        demandId: item.id,
        reason: 'new_achievement',
        title: achievement.title ?? '',
        createdAt: at,
        achievementId: achievement.id,
        explanation,
        tier,
        // News of a 成果 waits in the inbox: the owner's push quota is kept for what they asked for.
        push: 'inbox_only',
      }),
    );
    log.info('matchmaking.achievement_published', { achievementId: achievement.id, candidates: candidates.length, created });
    return created;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Who may see what

  /** The demand, for its owner or an admin; for anyone else 404, as for an id that does not exist. */
  async function ownDemand(user: AuthUser, id: string): Promise<Result<Demand>> {
    return ownedBy(user, await deps.demands.get(id), 'DEMAND.NOT_FOUND');
  }

  return {
    /** The demands table's stream: a demand that becomes published is matched against the published 成果. */
    async onDemandChange(before: Demand | undefined, after: Demand | undefined): Promise<number> {
      if (after?.status !== 'published' || before?.status === 'published') return 0;
      return notifyHolders(withPublicText(after));
    },

    /**
     * The achievements table's stream: a 成果 that becomes published is filed in the percolator and matched against
     * the open demands; one that stops being published is taken out.
     */
    async onAchievementChange(before: Achievement | undefined, after: Achievement | undefined): Promise<number> {
      const wasPublished = before?.status === 'published';
      const isPublished = after?.status === 'published';
      if (wasPublished && !isPublished && before) {
        await unfileAchievement(deps.index, before);
        return 0;
      }
      if (!isPublished || wasPublished || !after) return 0;
      await fileAchievement(deps.index, after);
      return notifyOwners(withPublicAchievementText(after));
    },

    /** GET /demands/{id}/matches: the published 成果 that fit the demand, best first (its owner and admins). */
    async matchesForDemand(user: AuthUser, id: string, limit = DEFAULT_LIMIT): Promise<Result<AchievementMatchesResponse>> {
      const found = await ownDemand(user, id);
      if (!found.ok) return found;
      const demand = withPublicText(found.value);
      const ranked = rankAchievements(
        demand,
        (await achievementsFor(demand)).filter((a) => a.ownerId !== demand.ownerId),
      ).slice(0, limit);
      return ok({
        items: ranked.map((r) => ({
          achievementId: r.item.id,
          ...matchLineOf(r),
          ...setFieldsOf(r.item, ['holderType', 'trl']),
        })),
      });
    },

    /** GET /achievements/{id}/matches: the open demands the 成果 fits, best first (its holder and admins). */
    async matchesForAchievement(user: AuthUser, id: string, limit = DEFAULT_LIMIT): Promise<Result<DemandMatchesResponse>> {
      const found = ownedBy(user, await deps.achievements.get(id), 'ACHIEVEMENT.NOT_FOUND');
      if (!found.ok) return found;
      const achievement = withPublicAchievementText(found.value);
      const ranked = rankDemands(
        achievement,
        (await demandsFor(achievement)).filter((d) => d.ownerId !== achievement.ownerId),
      ).slice(0, limit);
      return ok({
        items: ranked.map((r) => ({ demandId: r.item.id, ...matchLineOf(r), ...setFieldsOf(r.item, ['budgetWan', 'region']) })),
      });
    },

    /** GET /demands/{id}/matches/{achievementId}: the rough evaluation (the demand's owner and admins; a published 成果). */
    async scorecard(user: AuthUser, demandId: string, achievementId: string): Promise<Result<Scorecard>> {
      const found = await ownDemand(user, demandId);
      if (!found.ok) return found;
      const achievement = await deps.achievements.get(achievementId);
      const visible = achievement && (achievement.status === 'published' || isAdmin(user) || achievement.ownerId === user.id);
      if (!achievement || !visible) return fail('ACHIEVEMENT.NOT_FOUND');
      return ok(scorecardOf(withPublicText(found.value), withPublicAchievementText(achievement)));
    },

    /**
     * GET /demands/{id}/similar: published demands about the same things. Candidates from the search index by the
     * demand's concepts (or pieces of its title), ranked by how much of their text and concepts they share with it.
     */
    async similar(id: string): Promise<Result<SimilarDemandsResponse>> {
      const stored = await deps.demands.get(id);
      if (!stored || !isPubliclyVisible(stored.status, stored.publishedAt)) return fail('DEMAND.NOT_FOUND');
      const demand = withPublicText(stored);
      const ids = (await deps.search.candidates(similarityPhrases(demand), SIMILAR.candidates)).filter((i) => i !== demand.id);
      const others = ids.length === 0 ? [] : await deps.demands.getMany(ids);
      const items = others
        .filter((d) => d.status === 'published' && d.id !== demand.id)
        .map(withPublicText)
        .map((other) => ({ other, score: Math.round(100 * similarity(demand, other)) / 100 }))
        .sort((a, b) => b.score - a.score || (a.other.id < b.other.id ? -1 : 1))
        .slice(0, SIMILAR.count)
        .map(({ other, score }) => ({
          demandId: other.id,
          title: other.title ?? '',
          score,
          ...(other.field !== undefined ? { field: other.field } : {}),
          ...(other.publishedAt !== undefined ? { publishedAt: other.publishedAt } : {}),
        }));
      return ok({ items });
    },
  };
}

export type Matchmaking = ReturnType<typeof createMatchmaking>;

const HAN_RUN = /\p{Script=Han}{2,}/gu;
/** Pieces of a title the search index is asked for when the thesaurus finds too few concepts. */
const TITLE_PIECE = 4;
const MIN_CONCEPTS = 3;

/** What GET /demands/{id}/similar searches for: the demand's concepts, its title's first; else pieces of its title too. */
export function similarityPhrases(demand: Pick<Demand, 'title' | 'description'>): string[] {
  const inTitle = conceptsIn(demand.title ?? '');
  const all = conceptsIn(`${demand.title ?? ''}\n${demand.description ?? ''}`);
  const phrases = [...inTitle, ...[...all].filter((c) => !inTitle.has(c))].map(conceptLabel).slice(0, SIMILAR.phrases);
  if (phrases.length >= MIN_CONCEPTS) return phrases;
  for (const [run] of (demand.title ?? '').matchAll(HAN_RUN)) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length && phrases.length < SIMILAR.phrases; i += TITLE_PIECE - 1) {
      const piece = chars.slice(i, i + TITLE_PIECE).join('');
      if ([...piece].length >= 2 && !phrases.includes(piece)) phrases.push(piece);
    }
  }
  return phrases;
}

/** How alike two demands are, 0–1: half the share of concepts they have in common, half their texts' bigram cosine. */
export function similarity(a: Pick<Demand, 'title' | 'description'>, b: Pick<Demand, 'title' | 'description'>): number {
  const text = (d: Pick<Demand, 'title' | 'description'>) => `${d.title ?? ''}\n${d.title ?? ''}\n${d.description ?? ''}`;
  const ca = conceptsIn(text(a));
  const cb = conceptsIn(text(b));
  const union = new Set([...ca, ...cb]).size;
  const shared = [...ca].filter((c) => cb.has(c)).length;
  return 0.5 * (union === 0 ? 0 : shared / union) + 0.5 * cosine(bigramCounts(text(a)), bigramCounts(text(b)));
}
