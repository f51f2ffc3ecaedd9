// The in-memory keyword search at 100,000 demands: build time, heap, query latency, and the cost of keeping it fresh.
// The index is the real one, filled through the real createDemandSearch (functions/src/search/demand-search.ts) from an
// in-memory repository, so demands go in exactly as in a Lambda: apply() with SearchMeta at the first search (the
// cold-start load from byStatus), then upserts from listChangedSince at the next refresh (the byChange Query).
// DynamoDB's own read time is not in these figures: the API bench measures that.
// Each query asks for what a request's first page needs (the best 20 and the number of all matches, as
// demand-list.service does); the same query for the sixth page (the best 120) is timed beside it.
// Each query also runs, in the same round, on an index of only the ~715 real demands (what the local stack holds
// today): the ratio between the two is what growth to 100,000 costs, whatever else the machine is doing. Each timing
// is taken as wall-clock time and as this process's CPU time (which other processes on the machine barely move).
//
// Run:  npm run bench -- search     (or: node --max-old-space-size=8192 --expose-gc --import tsx scripts/bench/search.ts)
// Options (environment): BENCH_SEARCH_DEMANDS (100000), BENCH_SEARCH_QUERIES (600), BENCH_SEARCH_CHANGES (1000),
// BENCH_SEED (20250101).
import { LIST_LIMIT, type Demand } from '@cic/shared';
import { conceptGroups } from '../../functions/src/alerts/matching/concepts';
import type { Clock } from '../../functions/src/common/clock';
import type { PageRequest, StorePage } from '../../functions/src/common/page';
import { createDemandSearch } from '../../functions/src/search/demand-search';
import { makeVariant, realDemands, variantsOf } from './lib/demand-variants';
import { emitResult, envInt, fmt, median, percentile, seededRandom, textTable, verdict } from './lib/result';
import { queryMaker, type BenchQuery } from './lib/search-queries';

const DEMANDS = envInt('BENCH_SEARCH_DEMANDS', 100_000);
const QUERIES = envInt('BENCH_SEARCH_QUERIES', 600);
const CHANGES = Math.min(envInt('BENCH_SEARCH_CHANGES', 1000), DEMANDS);
const WARMUP = 50;
const TARGET_P95_MS = 20;
const REFRESH_MS = 2000;
/** A page of the list (LIST_LIMIT.default), and the sixth page's reach. */
const FIRST_PAGE = LIST_LIMIT.default;
const SIXTH_PAGE = 6 * LIST_LIMIT.default;

const random = seededRandom(envInt('BENCH_SEED', 20250101));

/** Pages of a list held in memory, shaped like a DynamoDB Query's. */
function pages(list: () => readonly Demand[]) {
  return async (_filterOrSince: unknown, page: PageRequest): Promise<StorePage<Demand>> => {
    const from = Number(page.after?.o ?? 0);
    const items = list().slice(from, from + page.limit);
    const next = from + items.length;
    return { items: [...items], ...(next < list().length ? { next: { o: String(next) } } : {}) };
  };
}

/** A search over `published` whose refreshes read `changed()`, on a clock the bench moves. */
function searchOver(published: readonly Demand[], changed: () => readonly Demand[], clock: Clock) {
  return createDemandSearch({
    demands: { listPublished: pages(() => published), listChangedSince: pages(changed) },
    clock,
    refreshMs: REFRESH_MS,
  });
}

interface Timing {
  ms: number;
  cpuMs: number;
}

async function timed<T>(run: () => Promise<T>): Promise<Timing & { value: T }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The JS heap plus typed arrays' buffers, which live outside it (the index's postings are typed arrays). */
const heapMb = () => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
};
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const spread = (values: number[]) => [fmt(median(values), 2), fmt(percentile(values, 95), 2), fmt(Math.max(...values), 2)];

async function main(): Promise<void> {
  const at = '2025-01-01T00:00:00.000Z';
  const real = realDemands(at);
  const t = performance.now();
  const demands = variantsOf(real, DEMANDS, random, at);
  console.log(
    `Search benchmark · ${fmt(DEMANDS, 0)} demands varied from ${real.length} real ones in ${fmt((performance.now() - t) / 1000)} s`,
  );
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for a heap figure without garbage)');

  let now = Date.parse('2025-06-01T00:00:00.000Z');
  const clock: Clock = { now: () => new Date(now) };
  let changed: Demand[] = [];
  const search = searchOver(demands, () => changed, clock);
  const small = searchOver(real, () => [], clock);

  // 1. The cold-start load: every published demand into the index.
  collect();
  const heapBefore = heapMb();
  const build = await timed(() => search.documents());
  collect();
  const indexMb = heapMb() - heapBefore;
  if (build.value !== DEMANDS) throw new Error(`the index holds ${build.value} demands, not ${DEMANDS}`);
  const smallBuild = await timed(() => small.documents());
  console.log(
    `built in ${fmt(build.ms / 1000, 2)} s (CPU ${fmt(build.cpuMs / 1000, 2)} s; ${real.length} real demands: ${fmt(smallBuild.ms)} ms) · ` +
      `the index takes ${fmt(indexMb, 0)} MB of heap and array buffers (${fmt(heapMb(), 0)} MB in all)`,
  );

  // 2. Queries of real vocabulary, 1–3 words, some with a filter; each on both indexes, in alternating order.
  const nextQuery = queryMaker(real, conceptGroups(), random);
  const runs: (BenchQuery & { big: Timing; small: Timing; deep: Timing; hits: number })[] = [];
  for (let i = 0; i < WARMUP + QUERIES; i += 1) {
    const { q, filter } = nextQuery();
    const onBig = () => timed(() => search.search(q, filter, FIRST_PAGE));
    const onSmall = () => timed(() => small.search(q, filter, FIRST_PAGE));
    let big: Awaited<ReturnType<typeof onBig>>;
    let little: Awaited<ReturnType<typeof onSmall>>;
    if (i % 2 === 0) {
      big = await onBig();
      little = await onSmall();
    } else {
      little = await onSmall();
      big = await onBig();
    }
    const deep = await timed(() => search.search(q, filter, SIXTH_PAGE));
    if (deep.value.total !== big.value.total)
      throw new Error(`「${q}」: ${deep.value.total} matches for page 6, ${big.value.total} for page 1`);
    if (i >= WARMUP) runs.push({ q, filter, big, small: little, deep, hits: big.value.total });
  }
  const ms = runs.map((r) => r.big.ms);
  const cpu = runs.map((r) => r.big.cpuMs);
  const smallMs = runs.map((r) => r.small.ms);
  const p95 = percentile(ms, 95);
  const groups: [string, typeof runs][] = [
    ['all', runs],
    ...[1, 2, 3].map((n): [string, typeof runs] => [
      `${n} word${n > 1 ? 's' : ''}`,
      runs.filter((r) => r.q.split(' ').length === n),
    ]),
    ['with a filter', runs.filter((r) => Object.keys(r.filter).length > 0)],
  ];
  console.log('');
  console.log(
    textTable(
      ['queries', 'n', 'p50 / p95 / max ms', 'CPU p50 / p95 / max ms', `${real.length} real: p50 / p95 ms`, 'median hits'],
      groups.map(([label, some]) => [
        label,
        String(some.length),
        spread(some.map((r) => r.big.ms)).join(' / '),
        spread(some.map((r) => r.big.cpuMs)).join(' / '),
        spread(some.map((r) => r.small.ms))
          .slice(0, 2)
          .join(' / '),
        String(median(some.map((r) => r.hits))),
      ]),
    ),
  );
  const deepMs = runs.map((r) => r.deep.ms);
  console.log(`sixth page (the best ${SIXTH_PAGE}): p50 / p95 / max ${spread(deepMs).join(' / ')} ms`);
  const slowest = [...runs].sort((a, b) => b.big.ms - a.big.ms).slice(0, 5);
  console.log(
    `slowest: ${slowest.map((r) => `「${r.q}」${JSON.stringify(r.filter)} ${fmt(r.big.ms)} ms, ${r.hits} hits`).join(' · ')}`,
  );

  // 3. Freshness: CHANGES demands edited; the next refresh reads them from byChange and upserts each.
  const pick = () => real[Math.floor(random() * real.length)] as Demand;
  const edited = new Date(now + 1000).toISOString();
  changed = Array.from({ length: CHANGES }, (_, i) => {
    const id = `bench-${Math.floor((i * DEMANDS) / CHANGES)}`;
    return { ...makeVariant(id, pick(), pick(), pick(), random, at), updatedAt: edited };
  });
  now += REFRESH_MS + 1;
  const refresh = await timed(() => search.documents());
  if (refresh.value !== DEMANDS) throw new Error(`after the refresh the index holds ${refresh.value} demands, not ${DEMANDS}`);
  console.log(
    `refresh with ${CHANGES} changed demands: ${fmt(refresh.ms)} ms, CPU ${fmt(refresh.cpuMs)} ms (${fmt((1000 * refresh.ms) / CHANGES, 0)} µs each)`,
  );

  const growth = percentile(ms, 95) / Math.max(1e-6, percentile(smallMs, 95));
  emitResult({
    rows: [
      {
        metric: `search: build the index of ${fmt(DEMANDS, 0)} demands (cold start, in memory)`,
        value: `${fmt(build.ms / 1000, 1)} s (CPU ${fmt(build.cpuMs / 1000, 1)} s)`,
        target: '—',
        verdict: 'info',
      },
      {
        metric: 'search: memory held by the index (heap and array buffers)',
        value: `${fmt(indexMb, 0)} MB`,
        target: '—',
        verdict: 'info',
      },
      {
        metric: `search: search(q) over ${fmt(DEMANDS, 0)}, ${runs.length} queries, p50 / p95 / max`,
        value: `${spread(ms).join(' / ')} ms (CPU p95 ${fmt(percentile(cpu, 95), 2)} ms)`,
        target: `p95 ≤ ${TARGET_P95_MS} ms`,
        verdict: verdict(p95 <= TARGET_P95_MS),
      },
      {
        metric: `search: the same queries for the sixth page (the best ${SIXTH_PAGE}), p50 / p95 / max`,
        value: `${spread(deepMs).join(' / ')} ms`,
        target: '—',
        verdict: 'info',
      },
      {
        metric: `search: p95 over ${fmt(DEMANDS, 0)} / p95 over the ${real.length} real demands, same queries`,
        value: `${fmt(growth, 0)}× (${fmt(percentile(smallMs, 95), 2)} ms at ${real.length})`,
        target: '—',
        verdict: 'info',
      },
      {
        metric: `search: refresh upserting ${fmt(CHANGES, 0)} changed demands`,
        value: `${fmt(refresh.ms, 0)} ms (CPU ${fmt(refresh.cpuMs, 0)} ms)`,
        target: '—',
        verdict: 'info',
      },
    ],
    figures: {
      demands: DEMANDS,
      buildMs: build.ms,
      buildCpuMs: build.cpuMs,
      indexMb,
      queries: runs.length,
      p50Ms: median(ms),
      p95Ms: p95,
      maxMs: Math.max(...ms),
      cpuP50Ms: median(cpu),
      cpuP95Ms: percentile(cpu, 95),
      sixthPageP50Ms: median(deepMs),
      sixthPageP95Ms: percentile(deepMs, 95),
      realDemands: real.length,
      realP50Ms: median(smallMs),
      realP95Ms: percentile(smallMs, 95),
      refreshMs: refresh.ms,
      refreshCpuMs: refresh.cpuMs,
      changes: CHANGES,
    },
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
