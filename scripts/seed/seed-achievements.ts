// The example 成果 of the local stack (data/achievements/examples.json): written for the demo, each marked 示例 and
// `example: true`, never a real institution's. Stored as published, held by a seed user; running it again changes
// nothing already stored.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAchievementComplete, type Achievement, type AchievementComplete } from '@cic/shared';
import type { AchievementRepository } from '../../functions/src/achievements/achievement.repository';

export const EXAMPLE_OWNER_ID = 'system_examples';
export const EXAMPLES_FILE = join(__dirname, '..', '..', 'data', 'achievements', 'examples.json');

export interface ExampleSeedReport {
  records: number;
  created: number;
  alreadyThere: number;
  /** Records that break a rule of the 成果 form, with the fields and messages. */
  skipped: { id: string; fields: Record<string, string> }[];
}

/** One example record as a published 成果, or the form's complaints. */
export function exampleAchievement(
  record: unknown,
  at: string,
): { ok: true; achievement: Achievement } | { ok: false; id: string; fields: Record<string, string> } {
  const { id, ...form } = (typeof record === 'object' && record !== null ? record : {}) as { id?: unknown } & Record<
    string,
    unknown
  >;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
    return { ok: false, id: String(id), fields: { id: '缺少编号或编号格式无效' } };
  const checked = validateAchievementComplete(form);
  if (!checked.ok) return { ok: false, id, fields: checked.fields };
  const complete: AchievementComplete = checked.value;
  return {
    ok: true,
    achievement: {
      ...complete,
      id,
      ownerId: EXAMPLE_OWNER_ID,
      status: 'published',
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      publishedAt: at,
      version: 1,
      history: [
        { status: 'draft', at },
        { status: 'pending_review', at },
        { status: 'published', at },
      ],
      example: true,
    },
  };
}

/**
 * `counted` is called for each stored example: the stats are kept from the achievements stream, which starts after the
 * seed (at LATEST), so the seed counts its own 成果, as the demands' seed does (one counted already is not counted twice).
 */
export async function seedAchievements(
  repo: Pick<AchievementRepository, 'create'>,
  at = new Date().toISOString(),
  counted: (achievement: Achievement) => Promise<unknown> = async () => undefined,
  file = EXAMPLES_FILE,
): Promise<ExampleSeedReport> {
  const records: unknown[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown[]) : [];
  const report: ExampleSeedReport = { records: records.length, created: 0, alreadyThere: 0, skipped: [] };
  for (const record of records) {
    const example = exampleAchievement(record, at);
    if (!example.ok) {
      report.skipped.push({ id: example.id, fields: example.fields });
      continue;
    }
    if ((await repo.create(example.achievement)) === 'created') report.created += 1;
    else report.alreadyThere += 1;
    await counted(example.achievement);
  }
  return report;
}
