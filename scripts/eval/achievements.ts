// The 成果 of the labelled set (data/eval/achievements, how they were written: data/eval/README.md): one per
// subscription, written from its provider's description, each a complete 成果 form. The subscription's judgments are
// reused as the relevance of its 成果: the provider who would want a demand is the holder who would want it.
// A malformed or missing file stops here with its name, not later as a wrong figure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAchievementComplete, type AchievementComplete } from '@cic/shared';
import { EVAL_DIR, type LabelledSubscription } from './labelled-set';

export interface EvalAchievement extends AchievementComplete {
  /** `eval-<subscription id>`. */
  id: string;
  /** The subscription (provider) it was written for, whose judgments are its relevance. */
  subscriptionId: string;
}

/** The 成果 of every subscription, by subscription id; throws, naming the files, when one is missing or malformed. */
export function loadEvalAchievements(
  subscriptions: readonly LabelledSubscription[],
  dir = join(EVAL_DIR, 'achievements'),
): ReadonlyMap<string, EvalAchievement> {
  const problems: string[] = [];
  const out = new Map<string, EvalAchievement>();
  const known = new Set(subscriptions.map((s) => s.id));
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const f of files)
    if (!known.has(f.slice(0, -'.json'.length))) problems.push(`achievements/${f}: no subscription of that id`);
  for (const sub of subscriptions) {
    const file = `achievements/${sub.id}.json`;
    if (!files.includes(`${sub.id}.json`)) {
      problems.push(`${file}: missing (every subscription has a 成果)`);
      continue;
    }
    const { id, ...form } = JSON.parse(readFileSync(join(dir, `${sub.id}.json`), 'utf8')) as Record<string, unknown>;
    if (id !== `eval-${sub.id}`) problems.push(`${file}: id is ${String(id)}, expected eval-${sub.id}`);
    const checked = validateAchievementComplete(form);
    if (!checked.ok) {
      problems.push(
        `${file}: ${Object.entries(checked.fields)
          .map(([k, m]) => `${k}: ${m}`)
          .join('; ')}`,
      );
      continue;
    }
    if (checked.value.field !== sub.field) problems.push(`${file}: field ${checked.value.field}, the provider's is ${sub.field}`);
    out.set(sub.id, { ...checked.value, id: `eval-${sub.id}`, subscriptionId: sub.id });
  }
  if (problems.length > 0) throw new Error(`data/eval/achievements is not valid:\n  ${problems.join('\n  ')}`);
  return out;
}
