// npm run eval:match — the alert matcher measured on the hand-judged labelled set (data/eval, how it was judged:
// data/eval/README.md), beside the previous matcher and plain literal matching, in the same run.
//
// Prints, for each half (`tune`: what the thesaurus and the tier rule were tuned on; `report`: what is reported),
// per subscription and overall (summed over the half's subscriptions): precision and recall of what is pushed and of
// the whole inbox, and how many alerts fell on demands outside the judged sets. Then the engine's errors, classified
// by what caused them; `--errors=tune` or `--errors=report` lists each one with the demand's title and the judge's reason.
//
// Then the 成果 side (issue 16), on the same judgments: each subscription's provider has a 成果 written from their
// description (data/eval/achievements); its holder is pushed when the 成果 matcher puts a demand in tier `main` and sees
// it in the inbox when it matches at all. Per half: the holders' pushed precision and inbox recall, and, for each
// demand with a relevant 成果, recall@5 and MRR of the relevant 成果 on the demand's ranked match list of all the
// set's 成果 (scripts/eval/ranking.ts). Their errors are classified too; `--achievement-errors=tune|report` lists them.
//
// Exits 1 when the labelled set is malformed; the figures themselves never fail it (they are reported, not asserted).
import { conditionsOf, normalizeText, type MatchedKeyword, type MatchExplanation } from '@cic/shared';
import { expansionOf } from '../../functions/src/alerts/matching/concepts';
import { explainMatch } from '../../functions/src/alerts/matching/matcher';
import { occursIn } from '../../functions/src/alerts/matching/occurrences';
import { matchAchievement, rankAchievements } from '../../functions/src/matchmaking/achievement-matcher';
import { loadEvalAchievements, type EvalAchievement } from './achievements';
import {
  loadLabelledSet,
  SPLITS,
  type EvalDemand,
  type LabelledSet,
  type LabelledSubscription,
  type Split,
} from './labelled-set';
import { achievementMatcher, engineMatcher, literalMatcher, previousMatcher } from './matchers';
import { RANK_K, scoreRanking, type SplitRanking } from './ranking';
import { precision, recall, scoreSplit, type Counts, type Matcher, type SplitScore } from './scoring';

// ---------------------------------------------------------------------------------------------------------------
// Figures

const fmt = (x: number | undefined) => (x === undefined ? '  — ' : x.toFixed(2));
const pr = (c: Counts) => `${fmt(precision(c))} ${fmt(recall(c))}`;
/** Display width: a Han character or full-width punctuation takes two columns. */
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u.test(c) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - width(s)));

function printSplit(split: Split, scores: ReadonlyMap<string, SplitScore>, order: readonly Matcher[]): void {
  const engine = scores.get('engine') as SplitScore;
  console.log(`\n== ${split} half: ${engine.subscriptions.length} subscriptions ==`);
  console.log(
    `${pad('', 22)}${pad('', 5)}${order.map((m) => pad(m.name === 'engine' ? 'engine push' : m.name, 12)).join('')}${pad('engine inbox', 12)}outside`,
  );
  console.log(
    `${pad('subscription', 22)}${pad('rel', 5)}${order.map(() => pad('P    R', 12)).join('')}${pad('P    R', 12)}judged`,
  );
  engine.subscriptions.forEach((e, i) => {
    const sub = e.subscription;
    const cells = order.map((m) =>
      pad(pr((scores.get(m.name) as SplitScore).subscriptions[i]?.pushed ?? { tp: 0, fp: 0, fn: 0 }), 12),
    );
    console.log(
      `${pad(`${sub.id} ${sub.keywords.join('+')}`, 22)}${pad(String(e.relevant), 5)}${cells.join('')}${pad(pr(e.inbox), 12)}${e.outside}`,
    );
  });
  const cells = order.map((m) => pad(pr((scores.get(m.name) as SplitScore).pushed), 12));
  const relevant = engine.subscriptions.reduce((n, s) => n + s.relevant, 0);
  console.log(`${pad('overall', 22)}${pad(String(relevant), 5)}${cells.join('')}${pad(pr(engine.inbox), 12)}${engine.outside}`);
  for (const m of order) {
    const s = scores.get(m.name) as SplitScore;
    console.log(
      `  ${pad(m.name, 10)} pushed ${s.pushed.tp} right, ${s.pushed.fp} wrong, ${s.pushed.fn} missed · inbox ${s.inbox.tp} right, ${s.inbox.fp} wrong, ${s.inbox.fn} missed · ${s.outside} outside the judged sets`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The engine's errors, classified by their cause

type ErrorClass =
  | 'missed: the demand names it in words the thesaurus lacks'
  | 'missed: its only occurrences sit inside trap words'
  | 'not pushed: on topic, but the tier rule says mentioned'
  | WrongAlertClass;

interface EngineError {
  cls: ErrorClass;
  sub: LabelledSubscription;
  demand: EvalDemand;
  matchedAs?: string;
  reason: string;
}

/**
 * Whether the demand's text does name the keywords (every one, or some one) in the thesaurus's words, so that a miss
 * comes from trap words around them rather than from words the thesaurus lacks.
 */
function namedOnlyInTraps(keywords: readonly string[], demand: EvalDemand, quantifier: 'every' | 'some'): boolean {
  const text = normalizeText(`${demand.title}\n${demand.description}`);
  const named = (k: string) => expansionOf(k).terms.some((t) => occursIn(text, t.term));
  return quantifier === 'every' ? keywords.every(named) : keywords.some(named);
}

/** The words of the demand that satisfied the keywords, a narrower term with what it is a kind of. */
const matchedWordsOf = (keywords: readonly MatchedKeyword[]) =>
  keywords.map((k) => (k.relation === 'narrower' ? `${k.matchedAs} ⊂ ${k.broader ?? ''}` : k.matchedAs)).join('、');

type WrongAlertClass =
  | 'pushed wrongly: through a narrower term outside the trade'
  | 'pushed wrongly: the word is central, the need is something else'
  | 'in the inbox wrongly (mentioned tier)';

/**
 * The judge's verdict against the matcher's tier: undefined when they agree; for a relevant demand the matcher missed
 * or only mentioned, the cause `why` gives; for a wrong alert, whether it came through a narrower term (`via`: any
 * matched keyword, or the best one, which decided the tier).
 */
function errorOf<C extends string>(
  relevant: boolean,
  e: MatchExplanation | undefined,
  why: { missed: () => C; notPushed: () => C },
  via: 'any' | 'best',
): C | WrongAlertClass | undefined {
  if (relevant) return e === undefined ? why.missed() : e.tier === 'mentioned' ? why.notPushed() : undefined;
  if (e?.tier === 'main') {
    const narrower = (via === 'any' ? e.keywords : e.keywords.slice(0, 1)).some((k) => k.relation === 'narrower');
    return narrower
      ? 'pushed wrongly: through a narrower term outside the trade'
      : 'pushed wrongly: the word is central, the need is something else';
  }
  return e?.tier === 'mentioned' ? 'in the inbox wrongly (mentioned tier)' : undefined;
}

function classify(sub: LabelledSubscription, demand: EvalDemand, relevant: boolean, reason: string): EngineError | undefined {
  const e = explainMatch(conditionsOf({ keywords: sub.keywords }), demand);
  const cls = errorOf<ErrorClass>(
    relevant,
    e,
    {
      missed: () =>
        namedOnlyInTraps(sub.keywords, demand, 'every')
          ? 'missed: its only occurrences sit inside trap words'
          : 'missed: the demand names it in words the thesaurus lacks',
      notPushed: () => 'not pushed: on topic, but the tier rule says mentioned',
    },
    'any',
  );
  return cls && { cls, sub, demand, reason, ...(e ? { matchedAs: matchedWordsOf(e.keywords) } : {}) };
}

function engineErrors(split: Split, subs: readonly LabelledSubscription[], demands: readonly EvalDemand[]): EngineError[] {
  const byId = new Map(demands.map((d) => [d.id, d]));
  const out: EngineError[] = [];
  for (const sub of subs.filter((s) => s.split === split)) {
    for (const j of sub.judged.values()) {
      const err = classify(sub, byId.get(j.demandId) as EvalDemand, j.relevant, j.reason);
      if (err) out.push(err);
    }
  }
  return out;
}

/** The errors counted by cause, most frequent first; with `lines`, each one listed (its lines, the first as a heading). */
function printErrors<E extends { cls: string }>(heading: string, errors: readonly E[], lines?: (e: E) => string[]): void {
  console.log(`\n-- ${heading}, by cause --`);
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e.cls, (counts.get(e.cls) ?? 0) + 1);
  for (const [cls, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${String(n).padStart(4)}  ${cls}`);
  if (!lines) return;
  for (const e of errors) {
    const [first, ...rest] = lines(e);
    console.log(`\n  [${e.cls}] ${first ?? ''}`);
    for (const line of rest) console.log(`    ${line}`);
  }
}

const engineErrorLines = (e: EngineError): string[] => [
  `${e.sub.id} ${e.sub.keywords.join('+')} · ${e.demand.id} 「${e.demand.title}」`,
  ...(e.matchedAs !== undefined ? [`matched as: ${e.matchedAs}`] : []),
  ...(e.reason !== '' ? [`judge: ${e.reason}`] : []),
];

// ---------------------------------------------------------------------------------------------------------------
// The 成果 side: holders told of demands, and the relevant 成果 on each demand's match list

type AchievementErrorClass =
  | 'missed: the demand names none of its keywords in words the thesaurus knows'
  | 'missed: its keywords occur only inside trap words'
  | 'not pushed: a keyword is the main topic, but the score is under the main bar'
  | 'not pushed: its keywords are only mentioned'
  | WrongAlertClass
  | 'ranked: no relevant 成果 matches the demand'
  | `ranked: the first relevant 成果 is below ${typeof RANK_K}`
  | `ranked: a relevant 成果 matches, but below ${typeof RANK_K}`;

interface AchievementError {
  cls: AchievementErrorClass;
  demand: EvalDemand;
  /** The subscription whose 成果 it is (for a ranking error: the relevant one concerned, if one). */
  sub?: LabelledSubscription;
  detail: string;
}

function classifyHolder(
  sub: LabelledSubscription,
  achievement: EvalAchievement,
  demand: EvalDemand,
  relevant: boolean,
  reason: string,
): AchievementError | undefined {
  const m = matchAchievement(demand, achievement);
  const cls = errorOf<AchievementErrorClass>(
    relevant,
    m?.explanation,
    {
      missed: () =>
        namedOnlyInTraps(achievement.keywords, demand, 'some')
          ? 'missed: its keywords occur only inside trap words'
          : 'missed: the demand names none of its keywords in words the thesaurus knows',
      notPushed: () =>
        achievement.keywords.some((k) => explainMatch(conditionsOf({ keywords: [k] }), demand)?.tier === 'main')
          ? 'not pushed: a keyword is the main topic, but the score is under the main bar'
          : 'not pushed: its keywords are only mentioned',
    },
    'best',
  );
  const detail = [
    ...(m ? [`matched as ${matchedWordsOf(m.explanation.keywords)}, score ${m.score.toFixed(2)}`] : []),
    ...(reason !== '' ? [`judge: ${reason}`] : []),
  ].join(' · ');
  return cls && { cls, sub, demand, detail };
}

function achievementErrors(
  split: Split,
  set: LabelledSet,
  achievements: ReadonlyMap<string, EvalAchievement>,
  ranking: SplitRanking,
): AchievementError[] {
  const byId = new Map(set.demands.map((d) => [d.id, d]));
  const subById = new Map(set.subscriptions.map((s) => [s.id, s]));
  const out: AchievementError[] = [];
  for (const sub of set.subscriptions.filter((s) => s.split === split)) {
    const achievement = achievements.get(sub.id) as EvalAchievement;
    for (const j of sub.judged.values()) {
      const err = classifyHolder(sub, achievement, byId.get(j.demandId) as EvalDemand, j.relevant, j.reason);
      if (err) out.push(err);
    }
  }
  for (const r of ranking.perDemand) {
    const list = r.ranked.filter((id) => !r.ignored.has(id));
    const shown = `list: ${list.slice(0, RANK_K + 1).join(' ') || '(empty)'}${list.length > RANK_K + 1 ? ' …' : ''}`;
    if (r.firstRank === undefined) {
      out.push({
        cls: 'ranked: no relevant 成果 matches the demand',
        demand: r.demand,
        detail: `relevant: ${[...r.relevantIds].join(' ')} · ${shown}`,
      });
      continue;
    }
    const first = list[r.firstRank - 1] as string;
    if (r.firstRank > RANK_K) {
      out.push({
        cls: `ranked: the first relevant 成果 is below ${RANK_K}`,
        demand: r.demand,
        sub: subById.get(first),
        detail: `at ${r.firstRank} · ${shown}`,
      });
    }
    for (const id of r.relevantIds) {
      const at = list.indexOf(id);
      if (at >= RANK_K && id !== first) {
        out.push({
          cls: `ranked: a relevant 成果 matches, but below ${RANK_K}`,
          demand: r.demand,
          sub: subById.get(id),
          detail: `at ${at + 1} · ${shown}`,
        });
      }
    }
  }
  return out;
}

const achievementErrorLines = (e: AchievementError): string[] => [
  `${e.sub ? `${e.sub.id} ` : ''}· ${e.demand.id} 「${e.demand.title}」`,
  e.detail,
];

interface AchievementFigures {
  pushedPrecision: number | undefined;
  inboxRecall: number | undefined;
  recallAt5: number | undefined;
  mrr: number | undefined;
}

function printAchievementSplit(
  split: Split,
  set: LabelledSet,
  achievements: ReadonlyMap<string, EvalAchievement>,
  listErrors: boolean,
): AchievementFigures {
  const holders = scoreSplit(achievementMatcher(achievements), set, split);
  const all = [...achievements.values()];
  const ranking = scoreRanking(set, split, (demand) => rankAchievements(demand, all).map((r) => r.item.subscriptionId));
  console.log(`\n== 成果 holders, ${split} half: ${holders.subscriptions.length} 成果 ==`);
  console.log(`${pad('', 35)}${pad('pushed', 12)}${pad('inbox', 12)}outside`);
  console.log(`${pad('成果 (first keywords)', 30)}${pad('rel', 5)}${pad('P    R', 12)}${pad('P    R', 12)}judged`);
  for (const h of holders.subscriptions) {
    const keywords = (achievements.get(h.subscription.id) as EvalAchievement).keywords.slice(0, 2).join(' ');
    console.log(
      `${pad(`${h.subscription.id} ${keywords}`, 30)}${pad(String(h.relevant), 5)}${pad(pr(h.pushed), 12)}${pad(pr(h.inbox), 12)}${h.outside}`,
    );
  }
  const relevant = holders.subscriptions.reduce((n, s) => n + s.relevant, 0);
  console.log(
    `${pad('overall', 30)}${pad(String(relevant), 5)}${pad(pr(holders.pushed), 12)}${pad(pr(holders.inbox), 12)}${holders.outside}`,
  );
  console.log(
    `  pushed ${holders.pushed.tp} right, ${holders.pushed.fp} wrong, ${holders.pushed.fn} missed · inbox ${holders.inbox.tp} right, ${holders.inbox.fp} wrong, ${holders.inbox.fn} missed · ${holders.outside} outside the judged sets`,
  );
  const at = (lo: number, hi: number) =>
    ranking.perDemand.filter((r) => r.firstRank !== undefined && r.firstRank >= lo && r.firstRank <= hi).length;
  const none = ranking.perDemand.filter((r) => r.firstRank === undefined).length;
  console.log(
    `  match lists of all ${all.length} 成果, for the ${ranking.demands} demands with a relevant 成果 of this half: recall@${RANK_K} ${fmt(ranking.recallAtK)}, MRR ${fmt(ranking.mrr)}` +
      ` (first relevant at 1: ${at(1, 1)}, at 2–${RANK_K}: ${at(2, RANK_K)}, below ${RANK_K}: ${at(RANK_K + 1, Infinity)}, not on the list: ${none})`,
  );
  printErrors(
    `the 成果 matcher's errors on the ${split} half`,
    achievementErrors(split, set, achievements, ranking),
    listErrors ? achievementErrorLines : undefined,
  );
  return {
    pushedPrecision: precision(holders.pushed),
    inboxRecall: recall(holders.inbox),
    recallAt5: ranking.recallAtK,
    mrr: ranking.mrr,
  };
}

// ---------------------------------------------------------------------------------------------------------------

function main(): void {
  const listArg = process.argv.find((a) => a.startsWith('--errors='))?.slice('--errors='.length);
  const set = loadLabelledSet();
  const matchers: Matcher[] = [literalMatcher, previousMatcher(), engineMatcher(), engineMatcher({ steered: true })];
  const judged = set.subscriptions.reduce((n, s) => n + s.judged.size, 0);
  console.log(
    `Labelled set: ${set.subscriptions.length} subscriptions, ${judged} judgments over ${set.demands.length} real demands ` +
      `(pool of ${set.pool.length} judged for every subscription). P = precision, R = recall; "pushed" is what a WeChat ` +
      `message would be sent for (literal and previous push every alert), "inbox" is every alert.`,
  );
  const figures: Record<string, Record<string, number | undefined>> = {};
  for (const split of SPLITS) {
    const scores = new Map(matchers.map((m) => [m.name, scoreSplit(m, set, split)]));
    printSplit(split, scores, matchers);
    for (const [name, s] of scores) {
      figures[`${split} ${name}`] = {
        pushedPrecision: precision(s.pushed),
        pushedRecall: recall(s.pushed),
        inboxPrecision: precision(s.inbox),
        inboxRecall: recall(s.inbox),
      };
    }
    printErrors(
      `the engine's errors on the ${split} half`,
      engineErrors(split, set.subscriptions, set.demands),
      listArg === split ? engineErrorLines : undefined,
    );
  }
  const achievements = loadEvalAchievements(set.subscriptions);
  const achievementArg = process.argv.find((a) => a.startsWith('--achievement-errors='))?.slice('--achievement-errors='.length);
  const achievementFigures = new Map(
    SPLITS.map((split) => [split, printAchievementSplit(split, set, achievements, achievementArg === split)]),
  );

  const report = figures['report engine'] ?? {};
  console.log(
    `\nOn the report half: pushed precision ${fmt(report.pushedPrecision)} (target ≥ 0.95), inbox recall ${fmt(report.inboxRecall)} (target ≥ 0.90).`,
  );
  for (const split of [...SPLITS].reverse()) {
    const a = achievementFigures.get(split) as AchievementFigures;
    console.log(
      `成果 on the ${split} half: holders' pushed precision ${fmt(a.pushedPrecision)} (target ≥ 0.95), inbox recall ${fmt(a.inboxRecall)} (target ≥ 0.90); ` +
        `recall@${RANK_K} ${fmt(a.recallAt5)}, MRR ${fmt(a.mrr)} (targets ≥ 0.90).`,
    );
  }
}

main();
