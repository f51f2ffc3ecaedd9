// The three matchers the evaluation compares in one run:
// - literal: every keyword occurs in the title or description as written (normalised, Latin terms as whole words);
// - previous: the matcher before the thesaurus, every keyword or a member of its synonym group
//   (data/eval/baseline-synonyms.json, the synonym table it shipped with), one tier, everything pushed;
// - engine: the app's matcher (explainMatch over data/thesaurus), pushing `main` and keeping `mentioned` in the inbox,
//   as a subscription with the default pushMentioned=false does, on the keywords as typed;
// - steered: the same, with what the provider unticked and excluded in the subscription editor;
// - 成果: the provider's 成果 (data/eval/achievements) matched against the demand by the 成果 matcher
//   (functions/src/matchmaking): its holder is pushed for `main` and sees `mentioned` in the inbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conditionsOf, normalizeText } from '@cic/shared';
import { explainMatch } from '../../functions/src/alerts/matching/matcher';
import { occursIn } from '../../functions/src/alerts/matching/occurrences';
import { matchAchievement } from '../../functions/src/matchmaking/achievement-matcher';
import type { EvalAchievement } from './achievements';
import { EVAL_DIR, type EvalDemand } from './labelled-set';
import type { Decision, Matcher } from './scoring';

interface NormalisedText {
  title: string;
  description: string;
}

const normalised = new WeakMap<EvalDemand, NormalisedText>();
function textOf(demand: EvalDemand): NormalisedText {
  let t = normalised.get(demand);
  if (!t) {
    t = { title: normalizeText(demand.title), description: normalizeText(demand.description) };
    normalised.set(demand, t);
  }
  return t;
}

const oneTier = (alert: boolean): Decision => ({ inbox: alert, pushed: alert });

/** Every keyword satisfied by one of its variants, in the title or the description (not across their join). */
function everyKeyword(
  keywords: readonly string[],
  variants: (keyword: string) => readonly string[],
  demand: EvalDemand,
): boolean {
  const { title, description } = textOf(demand);
  return keywords.every((k) => variants(k).some((v) => occursIn(title, v) || occursIn(description, v)));
}

export const literalMatcher: Matcher = {
  name: 'literal',
  decide: (sub, demand) => oneTier(everyKeyword(sub.keywords, (k) => [normalizeText(k)], demand)),
};

/** The previous matcher, from the synonym groups it shipped with. */
export function previousMatcher(file = join(EVAL_DIR, 'baseline-synonyms.json')): Matcher {
  const { groups } = JSON.parse(readFileSync(file, 'utf8')) as { groups: string[][] };
  const groupOf = new Map<string, string[]>();
  for (const group of groups) {
    const members = group.map(normalizeText);
    for (const m of members) groupOf.set(m, members);
  }
  const variants = (keyword: string) => {
    const k = normalizeText(keyword);
    return groupOf.get(k) ?? [k];
  };
  return { name: 'previous', decide: (sub, demand) => oneTier(everyKeyword(sub.keywords, variants, demand)) };
}

/**
 * The app's matcher, on the keywords as typed, or `steered`: with the terms the provider unticked and the exclusion
 * words they added in the editor (LabelledSubscription.steered).
 */
export function engineMatcher(opts: { steered?: boolean } = {}): Matcher {
  return {
    name: opts.steered ? 'steered' : 'engine',
    decide: (sub, demand) => {
      const steering = opts.steered ? { dropTerms: sub.steered.dropTerms, excludeKeywords: sub.steered.excludeKeywords } : {};
      const e = explainMatch(conditionsOf({ keywords: sub.keywords, ...steering }), demand);
      return { inbox: e !== undefined, pushed: e?.tier === 'main' };
    },
  };
}

/** The holder of each subscription's 成果, told of a demand as the 成果 matcher decides (pushed only for `main`). */
export function achievementMatcher(achievements: ReadonlyMap<string, EvalAchievement>): Matcher {
  return {
    name: '成果',
    decide: (sub, demand) => {
      const achievement = achievements.get(sub.id);
      const m = achievement && matchAchievement(demand, achievement);
      return { inbox: m !== undefined, pushed: m?.tier === 'main' };
    },
  };
}
