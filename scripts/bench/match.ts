// Benchmark of the alert matcher: 1,000,000 subscriptions built from the real demands' vocabulary, matched against 200
// real demands through the percolator, and against a full scan of every subscription as the baseline.
//
// Run:  npx tsx scripts/bench/match.ts          (npm run bench:match)
// It peaks at about 2 GB of heap (2.6 GB RSS) and runs in about 2.5 minutes on 2 cores. Node 20's default heap limit
// is ~4 GB on a machine with 16 GB of RAM or more; on a smaller machine (or if it stops with "heap out of memory") run
//       node --max-old-space-size=8192 --import tsx scripts/bench/match.ts
// Options (environment): BENCH_MIX (keywords | all), BENCH_SUBSCRIPTIONS (1000000), BENCH_DEMANDS (200),
// BENCH_SCAN_DEMANDS (24), BENCH_SEED (20250101).
// Exits 1 when the percolator and the scan disagree on any demand both ran; a missed target is printed as FAIL.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  conditionsOf,
  INDUSTRY_FIELDS,
  type Demand,
  type IndustryField,
  type Subscription,
  type SubscriptionConditions,
} from '@cic/shared';
import type { IndexKey, PercolatorPort } from '../../functions/src/alerts/percolator.port';
import { documentFrequencies } from '../../functions/src/alerts/matching/document-frequency';
import {
  demandText,
  explainMatch,
  indexKeysOf,
  keywordsInText,
  matchDemand,
  partitionsFor,
} from '../../functions/src/alerts/matching/matcher';
import { conceptGroups } from '../../functions/src/alerts/matching/concepts';
import { mapRecord, parseJsonl } from '../seed/jstec-mapping';
import { seededRandom } from '../lib/seeded-random';

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};
const SUBSCRIPTIONS = env('BENCH_SUBSCRIPTIONS', 1_000_000);
const DEMANDS = env('BENCH_DEMANDS', 200);
const SCAN_DEMANDS = Math.min(env('BENCH_SCAN_DEMANDS', 24), DEMANDS);
const SEED = env('BENCH_SEED', 20250101);
const OWNER = 'seed-owner';
const TARGET_RATIO = 100;
const TARGET_MS = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness

const random = seededRandom(SEED);
const int = (n: number) => Math.floor(random() * n);
function pick<T>(items: readonly T[]): T {
  const item = items[int(items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
/** Picks by weight: [[value, weight], …]. */
function weighted<T>(table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return (table.at(-1) as readonly [T, number])[0];
}

// ---------------------------------------------------------------------------------------------------------------
// The real demands and their vocabulary

const records = parseJsonl(readFileSync(resolve(__dirname, '../../data/jstec-demands.jsonl'), 'utf8'));
const allDemands: Demand[] = [];
for (const record of records) {
  const mapped = mapRecord(record, { ownerId: OWNER, at: '2025-01-01T00:00:00.000Z' });
  if (mapped.ok) allDemands.push(mapped.demand);
}
const allTexts = allDemands.map(demandText);

const HAN_RUN = /\p{Script=Han}{2,}/gu;
const LATIN_WORD = /(?<![a-z0-9])[a-z][a-z0-9]{1,11}(?![a-z0-9])/g;
/** Generic words of every demand, and particles: a subscribed word neither contains them nor is cut out of them. */
const GENERIC =
  /技术|系统|研究|开发|研发|平台|设计|应用|方法|工艺|分析|关键|基于|一种|实现|提升|提高|生产|产品|项目|需求|问题|要求|指标/u;
const BAD_START = /^[的一种于及与和对在用等为之其中术统究发台计法艺析键现升品目求题标]/u;
const BAD_END = /[的一种于及与和对在用等为之其中技系研开平设应方工分关基实提生产项需问要指]$/u;
const wordLike = (w: string) => !GENERIC.test(w) && !BAD_START.test(w) && !BAD_END.test(w);

const LENGTHS = [2, 3, 4, 5, 6] as const;
type Length = (typeof LENGTHS)[number];

/** A demand's word-like Han substrings by length, from its title and from its description, and its Latin words. */
interface Vocabulary {
  title: Map<Length, string[]>;
  description: Map<Length, string[]>;
  latin: string[];
}

function wordsByLength(text: string): Map<Length, string[]> {
  const out = new Map<Length, string[]>(LENGTHS.map((n) => [n, []]));
  for (const [run] of text.matchAll(HAN_RUN)) {
    for (const n of LENGTHS) {
      for (let i = 0; i + n <= run.length; i += 1) {
        const word = run.slice(i, i + n);
        if (wordLike(word)) out.get(n)?.push(word);
      }
    }
  }
  return out;
}

const vocabularies: Vocabulary[] = allDemands.map((d) => {
  const title = demandText({ title: d.title });
  const description = demandText({ description: d.description });
  return {
    title: wordsByLength(title),
    description: wordsByLength(description),
    latin: [...`${title} ${description}`.matchAll(LATIN_WORD)].map(([w]) => w),
  };
});
const synonymMembers = conceptGroups();
const withLatin = vocabularies.filter((v) => v.latin.length > 0);

/**
 * A keyword a person might type: a word-like Han substring of a real title (40%) or description (60%), so common
 * words are drawn more often; or a Latin word of a real demand (3%), or a synonym-group member (10%).
 */
function sampleKeyword(): string {
  const kind = random();
  if (kind < 0.1) return pick(pick(synonymMembers));
  if (kind < 0.13 && withLatin.length > 0) return pick(pick(withLatin).latin);
  const length = weighted<Length>([
    [2, 20],
    [3, 35],
    [4, 35],
    [5, 6],
    [6, 4],
  ]);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const vocabulary = pick(vocabularies);
    const words = (random() < 0.4 ? vocabulary.title : vocabulary.description).get(length) ?? [];
    if (words.length > 0) return pick(words);
  }
  return pick(pick(synonymMembers));
}

const fieldOf = (d: Demand): IndustryField => d.field ?? 'other';
function sampleFields(): IndustryField[] {
  const n = random() < 0.7 ? 1 : 2;
  const out = new Set<IndustryField>();
  // Interest follows supply: a field is as likely as it is common among demands, plus a uniform share.
  while (out.size < n) out.add(random() < 0.8 ? fieldOf(pick(allDemands)) : pick(INDUSTRY_FIELDS));
  return [...out];
}

function sampleRegion(): string {
  const segments = (pick(allDemands).region ?? '江苏省')
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^\d+$/.test(s));
  const level = weighted([
    [0, 15],
    [1, 55],
    [2, 30],
  ] as const);
  return segments[Math.min(level, segments.length - 1)] ?? '江苏省';
}
const sampleRegions = () => [...new Set(Array.from({ length: random() < 0.75 ? 1 : 2 }, sampleRegion))];

const sampleKeywords = (max: number) => [...new Set(Array.from({ length: 1 + int(max) }, sampleKeyword))];

type Kind = 'keywords' | 'keywords+field/region' | 'field/region' | 'budget';
/**
 * BENCH_MIX=keywords (the default): every subscription is built from the real demands' vocabulary, 82% keywords only
 * and 18% keywords with a field or region. BENCH_MIX=all adds broad ones: 10% field/region only and 5% budget only.
 * Broad subscriptions match a large share of all demands, so with them the reads are bounded by the matches
 * themselves (see the "at best" line), not by the index.
 */
const MIX = process.env.BENCH_MIX === 'all' ? 'all' : 'keywords';
function sampleConditions(): { kind: Kind; conditions: SubscriptionConditions } {
  const r = MIX === 'all' ? random() : random() * 0.85;
  const c: SubscriptionConditions = conditionsOf();
  if (r < 0.7) {
    c.keywords = sampleKeywords(3);
    return { kind: 'keywords', conditions: c };
  }
  if (r < 0.85) {
    c.keywords = sampleKeywords(2);
    if (random() < 0.5) c.fields = sampleFields();
    else c.regions = sampleRegions();
    return { kind: 'keywords+field/region', conditions: c };
  }
  if (r < 0.95) {
    const shape = random();
    if (shape < 0.45) c.fields = sampleFields();
    else if (shape < 0.9) c.regions = sampleRegions();
    else {
      c.fields = sampleFields();
      c.regions = sampleRegions();
    }
    return { kind: 'field/region', conditions: c };
  }
  c.minBudgetWan = weighted([
    [5, 10],
    [10, 20],
    [20, 20],
    [30, 15],
    [50, 15],
    [100, 12],
    [200, 5],
    [500, 3],
  ] as const);
  return { kind: 'budget', conditions: c };
}

// ---------------------------------------------------------------------------------------------------------------
// The in-memory percolator, counting what it reads

class CountingPercolator implements PercolatorPort {
  readonly partitions = new Map<IndexKey, Subscription[]>();
  private keywords: ReadonlySet<string> | undefined;
  itemsRead = 0;

  add(subscription: Subscription, keys: readonly IndexKey[]): void {
    for (const key of keys) {
      const partition = this.partitions.get(key);
      if (partition) partition.push(subscription);
      else this.partitions.set(key, [subscription]);
    }
    this.keywords = undefined;
  }

  async *readPartition(key: IndexKey): AsyncIterable<Subscription> {
    for (const subscription of this.partitions.get(key) ?? []) {
      this.itemsRead += 1;
      yield subscription;
    }
  }

  async indexedKeywords(): Promise<ReadonlySet<string>> {
    if (!this.keywords) {
      const out = new Set<string>();
      for (const key of this.partitions.keys()) if (key.startsWith('kw#')) out.add(key.slice(3));
      this.keywords = out;
    }
    return this.keywords;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};
const median = (values: readonly number[]) => percentile(values, 50);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;
const seconds = (since: number) => `${fmt((performance.now() - since) / 1000, 1)} s`;
const log = (line: string) => console.log(line);

async function main(): Promise<number> {
  const started = performance.now();
  log(
    `Alert matcher benchmark · seed ${SEED} · mix ${MIX} · ${fmt(allDemands.length)} real demands mapped of ${fmt(records.length)}`,
  );

  // 1. Subscriptions.
  let t = performance.now();
  const subscriptions: Subscription[] = new Array<Subscription>(SUBSCRIPTIONS);
  const kinds = new Map<Kind, number>();
  const createdAt = '2025-01-01T00:00:00.000Z';
  for (let i = 0; i < SUBSCRIPTIONS; i += 1) {
    const { kind, conditions } = sampleConditions();
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    // A few belong to the demands' owner: both paths must leave them out.
    const userId = i % 9973 === 0 ? OWNER : `user-${Math.floor(i / 5)}`;
    subscriptions[i] = { ...conditions, id: `sub-${i}`, userId, createdAt };
  }
  const distinctKeywords = new Set(subscriptions.flatMap((s) => s.keywords));
  log(
    `built ${fmt(SUBSCRIPTIONS)} subscriptions in ${seconds(t)}: ` +
      [...kinds].map(([k, n]) => `${k} ${fmt((100 * n) / SUBSCRIPTIONS, 1)}%`).join(', ') +
      ` · ${fmt(distinctKeywords.size)} distinct keywords`,
  );

  // 2. Index: each subscription under indexKeysOf, keyword frequency counted over every real demand.
  t = performance.now();
  const df = documentFrequencies(allTexts, distinctKeywords);
  const percolator = new CountingPercolator();
  for (const s of subscriptions)
    percolator.add(
      s,
      indexKeysOf(s, (c) => df.get(c) ?? 0),
    );
  const indexed = await percolator.indexedKeywords();
  const sizes = [...percolator.partitions.values()].map((p) => p.length);
  log(
    `indexed in ${seconds(t)}: ${fmt(percolator.partitions.size)} partitions (${fmt(indexed.size)} keyword), ` +
      `largest ${fmt(sizes.reduce((a, b) => Math.max(a, b), 0))}, median ${fmt(median(sizes))}`,
  );
  const biggest = [...percolator.partitions].sort((a, b) => b[1].length - a[1].length).slice(0, 8);
  log(`largest partitions: ${biggest.map(([k, p]) => `${k} ${fmt(p.length)}`).join(', ')}`);

  // 3. The demands: 200 drawn at random (seeded) from the real ones.
  const order = allDemands.map((d, i) => ({ d, r: seededRandom(SEED + i)() })).sort((a, b) => a.r - b.r);
  const demands = order.slice(0, DEMANDS).map(({ d }) => d);

  // Build the keyword lookup once (as a warm Lambda would hold it), timed apart.
  t = performance.now();
  await matchDemand(demands[0] as Demand, percolator, { indexedKeywords: indexed });
  const warmMs = performance.now() - t;

  // 4. Percolator.
  interface PercolatorRun {
    items: number;
    ms: number;
    matches: number;
    partitions: number;
    /** Items read from kw# partitions, and from the broad ones (field#, region#, budget). */
    keywordItems: number;
    broadItems: number;
    /** Matches of subscriptions with keywords. */
    keywordMatches: number;
    /** What a range read of budget (only minBudgetWan ≤ the demand's budget) would have read there. */
    budgetRangeItems: number;
    budgetItems: number;
    ids: Set<string>;
  }
  const perc: PercolatorRun[] = [];
  for (const demand of demands) {
    percolator.itemsRead = 0;
    const t0 = performance.now();
    const result = await matchDemand(demand, percolator, { indexedKeywords: indexed });
    const ms = performance.now() - t0;
    if (result.itemsRead !== percolator.itemsRead) throw new Error('itemsRead disagrees with the percolator count');
    const run: PercolatorRun = {
      items: result.itemsRead,
      ms,
      matches: result.matches.length,
      partitions: result.partitionsRead,
      keywordItems: 0,
      broadItems: 0,
      keywordMatches: result.matches.filter((m) => m.subscription.keywords.length > 0).length,
      budgetRangeItems: 0,
      budgetItems: 0,
      // Kept only where the scan runs too: holding 200 × 45k ids would only slow the run down with GC.
      ids: perc.length < SCAN_DEMANDS ? new Set(result.matches.map((m) => m.subscription.id)) : new Set<string>(),
    };
    // Where the reads went (recomputed from the partitions, outside the timing).
    for (const key of partitionsFor(demand, keywordsInText(demandText(demand), indexed))) {
      const partition = percolator.partitions.get(key) ?? [];
      if (key.startsWith('kw#')) run.keywordItems += partition.length;
      else run.broadItems += partition.length;
      if (key === 'budget') {
        run.budgetItems += partition.length;
        run.budgetRangeItems += partition.filter((sub) => (sub.minBudgetWan ?? 0) <= (demand.budgetWan ?? -1)).length;
      }
    }
    perc.push(run);
  }
  const percolatorHeap = process.memoryUsage().heapUsed;

  // 5. Full scan baseline on the first SCAN_DEMANDS demands: read every subscription, confirm each.
  const scan: { items: number; ms: number; ids: Set<string> }[] = [];
  for (const demand of demands.slice(0, SCAN_DEMANDS)) {
    const t0 = performance.now();
    let items = 0;
    const ids = new Set<string>();
    for (const s of subscriptions) {
      items += 1;
      if (s.userId === demand.ownerId) continue;
      if (explainMatch(s, demand)) ids.add(s.id);
    }
    scan.push({ items, ms: performance.now() - t0, ids });
  }

  // 6. Same matches?
  let mismatches = 0;
  scan.forEach((s, i) => {
    const p = perc[i];
    if (!p) return;
    const missing = [...s.ids].filter((id) => !p.ids.has(id));
    const extra = [...p.ids].filter((id) => !s.ids.has(id));
    if (missing.length + extra.length > 0) {
      mismatches += 1;
      const d = demands[i] as Demand;
      log(
        `MISMATCH ${d.id} 「${d.title ?? ''}」: percolator missed ${missing.length} ${missing.slice(0, 5).join(' ')}, extra ${extra.length} ${extra.slice(0, 5).join(' ')}`,
      );
    }
  });

  // 7. Report.
  const pItems = perc.map((p) => p.items);
  const pMs = perc.map((p) => p.ms);
  const sItems = scan.map((r) => r.items);
  const sMs = scan.map((r) => r.ms);
  const itemsRatio = median(sItems) / Math.max(1, median(pItems));
  const timeRatio = median(sMs) / Math.max(1e-9, median(pMs));
  const keywordSubscriptions = subscriptions.filter((sub) => sub.keywords.length > 0).length;
  const keywordRatio = keywordSubscriptions / Math.max(1, median(perc.map((p) => p.keywordItems)));
  const bestRatio = SUBSCRIPTIONS / Math.max(1, median(perc.map((p) => p.matches)));
  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(44) : c.padStart(10))).join(' | ')} |`;
  const stats = (label: string, values: number[], digits = 0) =>
    log(
      row([
        label,
        fmt(median(values), digits),
        fmt(percentile(values, 95), digits),
        fmt(
          values.reduce((a, b) => Math.max(a, b), 0),
          digits,
        ),
        String(values.length),
      ]),
    );

  log('');
  log(row(['per demand', 'median', 'p95', 'max', 'demands']));
  log(row(['', '', '', '', '']).replace(/[^|]/g, '-'));
  stats('percolator: items read', pItems);
  stats('percolator: ms', pMs, 2);
  // What each demand's percolator read and found, one row a figure.
  const percolatorRows: [string, (p: (typeof perc)[number]) => number][] = [
    ['percolator: partitions read', (p) => p.partitions],
    ['  items read from kw# partitions', (p) => p.keywordItems],
    ['  items read from field#/region#/budget', (p) => p.broadItems],
    ['  items read from budget', (p) => p.budgetItems],
    ['  … a range read of budget would read', (p) => p.budgetRangeItems],
    ['percolator: matches', (p) => p.matches],
    ['  matches of keyword subscriptions', (p) => p.keywordMatches],
    ['  matches of broad subscriptions', (p) => p.matches - p.keywordMatches],
  ];
  for (const [label, figure] of percolatorRows) stats(label, perc.map(figure));
  stats('scan: items read', sItems);
  stats('scan: ms', sMs, 2);
  log('');
  log(`ratio scan/percolator · median items read ${fmt(itemsRatio, 1)}× · median time ${fmt(timeRatio, 1)}×`);
  log(
    `no exact index can read fewer items than it finds matches: ${fmt(SUBSCRIPTIONS)} / median matches = ${fmt(bestRatio, 1)}× at best; ` +
      `the ${fmt(keywordSubscriptions)} keyword subscriptions alone: ${fmt(keywordRatio, 1)}× fewer reads than scanning them`,
  );
  log(
    `matches: ${fmt(perc.reduce((n, p) => n + p.matches, 0))} over ${perc.length} demands · ` +
      `percolator = scan on ${scan.length - mismatches} of the ${scan.length} demands both ran${mismatches ? ` · ${mismatches} MISMATCHED` : ''}`,
  );
  log(
    `keyword lookup for ${fmt(indexed.size)} keywords built once in ${fmt(warmMs)} ms (with the first demand, not in the figures above)`,
  );
  log(
    `memory: heapUsed ${mb(percolatorHeap)} after the percolator runs, ${mb(process.memoryUsage().heapUsed)} at the end · rss ${mb(process.memoryUsage().rss)}`,
  );
  const timeOk = median(pMs) <= TARGET_MS && percentile(pMs, 95) <= TARGET_MS;
  log(
    `target ≥${TARGET_RATIO}× fewer items read than the scan (median): ${fmt(itemsRatio, 1)}× ${pass(itemsRatio >= TARGET_RATIO)}`,
  );
  log(
    `target ≤${fmt(TARGET_MS)} ms per demand (median and p95): ${fmt(median(pMs), 1)} / ${fmt(percentile(pMs, 95), 1)} ms ${pass(timeOk)}`,
  );
  log(`same matches as the scan: ${pass(mismatches === 0)}`);
  log(`total run time ${seconds(started)}`);
  // For scripts/bench/index.ts, which gathers every benchmark into one table.
  const result = {
    itemsRatio,
    timeRatio,
    p50Ms: median(pMs),
    p95Ms: percentile(pMs, 95),
    percolatorItemsMedian: median(pItems),
    scanItemsMedian: median(sItems),
    mismatches,
  };
  log(`BENCH_RESULT ${JSON.stringify(result)}`);
  return mismatches === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
