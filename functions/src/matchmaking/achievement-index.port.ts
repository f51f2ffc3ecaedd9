// The 成果 percolator: each published 成果 filed under every concept of its keywords (`kw#<concept>`), so that a newly
// published demand finds the 成果 it may fit by scanning its own text for indexed concepts, never by reading every 成果.
import type { Achievement } from '@cic/shared';
import type { AchievementRepository } from '../achievements/achievement.repository';
import { withPublicAchievementText } from '../achievements/achievement.view';
import { canonicalOf } from '../alerts/matching/concepts';
import { keywordKey } from '../alerts/matching/matcher';
import type { IndexKey, PercolatorPort } from '../alerts/percolator.port';

/** What the index holds of a 成果: who to tell. Matching reads the whole 成果 (AchievementRepository.getMany). */
export interface AchievementIndexEntry {
  achievementId: string;
  ownerId: string;
}

export interface AchievementIndexPort extends PercolatorPort<AchievementIndexEntry> {
  /** Files the 成果 under each key. Filing it again (a replayed stream record) changes nothing. */
  file(entry: AchievementIndexEntry, keys: readonly IndexKey[]): Promise<void>;
  /** Takes the 成果 out of each key. Taking it out again changes nothing. */
  unfile(entry: AchievementIndexEntry, keys: readonly IndexKey[]): Promise<void>;
}

/**
 * The keys a 成果 is filed under: one per distinct concept of its keywords. Unlike a saved search (filed under its
 * rarest keyword, as every keyword must match), a 成果 matches when any keyword does, so each one must lead to it.
 */
export function achievementIndexKeys(keywords: readonly string[] | undefined): IndexKey[] {
  const concepts = new Set((keywords ?? []).map(canonicalOf).filter((c) => c !== ''));
  return [...concepts].map(keywordKey);
}

/** Files a 成果 (published) under its keywords as the public sees them; unfiling the same stored 成果 gives the same keys. */
export function fileAchievement(index: Pick<AchievementIndexPort, 'file'>, achievement: Achievement): Promise<void> {
  const keys = achievementIndexKeys(withPublicAchievementText(achievement).keywords);
  return index.file({ achievementId: achievement.id, ownerId: achievement.ownerId }, keys);
}

export function unfileAchievement(index: Pick<AchievementIndexPort, 'unfile'>, achievement: Achievement): Promise<void> {
  const keys = achievementIndexKeys(withPublicAchievementText(achievement).keywords);
  return index.unfile({ achievementId: achievement.id, ownerId: achievement.ownerId }, keys);
}

/**
 * Files every published 成果 that is not filed yet, telling nobody: for 成果 stored as published without passing
 * through the achievements stream (the local stack's seeded examples). Safe to repeat. Returns how many it read.
 */
export async function fileAllPublished(
  achievements: Pick<AchievementRepository, 'listPublished'>,
  index: Pick<AchievementIndexPort, 'file'>,
): Promise<number> {
  let read = 0;
  let after: Record<string, string> | undefined;
  do {
    const page = await achievements.listPublished({}, { limit: 100, ...(after ? { after } : {}) });
    for (const achievement of page.items) await fileAchievement(index, achievement);
    read += page.items.length;
    after = page.next;
  } while (after);
  return read;
}
