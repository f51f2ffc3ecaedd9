// npm run eval:match — the alert matcher measured on the hand-judged labelled set (data/eval, how it was judged:
// data/eval/README.md), beside the previous matcher and plain literal matching, in the same run.
//
// Prints, for each half (`tune`: what the thesaurus and the tier rule were tuned on; `report`: what is reported),
// per subscription and overall (summed over the half's subscriptions): precision and recall of what is pushed and of
// the whole inbox, and how many alerts fell on demands outside the judged sets. Then the engine's errors, classified
// by what caused them; `--errors=tune` or `--errors=report` lists each one with the demand's title and the judge's reason.
//
// Exits 1 when the labelled set is malformed; the figures themselves never fail it (they are reported, not asserted).
import { conditionsOf, normalizeText } from '@cic/shared';
import { expansionOf } from '../../functions/src/alerts/matching/concepts';
import { explainMatch } from '../../functions/src/alerts/matching/matcher';
import { occursIn } from '../../functions/src/alerts/matching/occurrences';
import { loadLabelledSet, SPLITS, type EvalDemand, type LabelledSubscription, type Split } from './labelled-set';
import { engineMatcher, literalMatcher, previousMatcher } from './matchers';
import { precision, recall, scoreSplit, type Counts, type Matcher, type SplitScore } from './scoring';

// ---------------------------------------------------------------------------------------------------------------
// Figures

const fmt = (x: number | undefined) => (x === undefined ? '  — ' : x.toFixed(2));
const pr = (c: Counts) => `${fmt(precision(c))} ${fmt(recall(c))}`;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length * (/[\u4e00-\u9fff]/u.test(s) ? 2 : 1)));

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
  | 'pushed wrongly: the word is central, the need is something else'
  | 'pushed wrongly: through a narrower term outside the trade'
  | 'in the inbox wrongly (mentioned tier)';

interface EngineError {
  cls: ErrorClass;
  sub: LabelledSubscription;
  demand: EvalDemand;
  matchedAs?: string;
  reason: string;
}

function classify(sub: LabelledSubscription, demand: EvalDemand, relevant: boolean, reason: string): EngineError | undefined {
  const e = explainMatch(conditionsOf({ keywords: sub.keywords }), demand);
  const matchedAs = e?.keywords
    .map((k) => (k.relation === 'narrower' ? `${k.matchedAs} ⊂ ${k.broader ?? ''}` : k.matchedAs))
    .join('、');
  const base = { sub, demand, reason, ...(matchedAs !== undefined ? { matchedAs } : {}) };
  if (relevant && e === undefined) {
    const text = normalizeText(`${demand.title}\n${demand.description}`);
    const anyTerm = sub.keywords.every((k) => expansionOf(k).terms.some((t) => occursIn(text, t.term)));
    return {
      ...base,
      cls: anyTerm
        ? 'missed: its only occurrences sit inside trap words'
        : 'missed: the demand names it in words the thesaurus lacks',
    };
  }
  if (relevant && e?.tier === 'mentioned') return { ...base, cls: 'not pushed: on topic, but the tier rule says mentioned' };
  if (!relevant && e?.tier === 'main') {
    const narrower = e.keywords.some((k) => k.relation === 'narrower');
    return {
      ...base,
      cls: narrower
        ? 'pushed wrongly: through a narrower term outside the trade'
        : 'pushed wrongly: the word is central, the need is something else',
    };
  }
  if (!relevant && e?.tier === 'mentioned') return { ...base, cls: 'in the inbox wrongly (mentioned tier)' };
  return undefined;
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

function printErrors(split: Split, errors: readonly EngineError[], list: boolean): void {
  console.log(`\n-- the engine's errors on the ${split} half, by cause --`);
  const counts = new Map<ErrorClass, number>();
  for (const e of errors) counts.set(e.cls, (counts.get(e.cls) ?? 0) + 1);
  for (const [cls, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${cls}`);
  if (!list) return;
  for (const e of errors) {
    console.log(`\n  [${e.cls}] ${e.sub.id} ${e.sub.keywords.join('+')} · ${e.demand.id} 「${e.demand.title}」`);
    if (e.matchedAs !== undefined) console.log(`    matched as: ${e.matchedAs}`);
    if (e.reason !== '') console.log(`    judge: ${e.reason}`);
  }
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
    printErrors(split, engineErrors(split, set.subscriptions, set.demands), listArg === split);
  }
  const report = figures['report engine'] ?? {};
  console.log(
    `\nOn the report half: pushed precision ${fmt(report.pushedPrecision)} (target ≥ 0.95), inbox recall ${fmt(report.inboxRecall)} (target ≥ 0.90).`,
  );
}

main();
