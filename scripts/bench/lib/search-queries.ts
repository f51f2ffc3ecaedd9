// Queries someone could type into the 需求大厅 search box, drawn from the real demands' own words.
import type { Demand } from '@cic/shared';
import { provinceOf } from '@cic/shared';
import type { PublishedFilter } from '../../../functions/src/demands/demand.repository';

export interface BenchQuery {
  q: string;
  filter: PublishedFilter;
}

export function queryMaker(real: readonly Demand[], synonyms: readonly (readonly string[])[], random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

  /** 2–4 characters of one of a text's Han runs, as someone types a word they read. */
  function wordOf(text: string): string | undefined {
    const runs = text.match(/\p{Script=Han}{2,}/gu) ?? [];
    if (runs.length === 0) return undefined;
    const run = pick(runs);
    const length = Math.min(run.length, 2 + int(3));
    const start = int(run.length - length + 1);
    return run.slice(start, start + length);
  }

  /** 1–3 words about one real demand (the first from its title, the others from its title or description), or a synonym. */
  function text(): string {
    const words = random() < 0.5 ? 1 : random() < 0.7 ? 2 : 3;
    for (;;) {
      const d = pick(real);
      const out = Array.from({ length: words }, (_, i) => {
        if (random() < 0.15) return pick(pick(synonyms));
        return wordOf(i === 0 || random() < 0.5 ? (d.title ?? '') : (d.description ?? ''));
      });
      if (out.every((w) => w !== undefined)) return out.join(' ');
    }
  }

  /** A quarter of the queries carry a filter of the list page: field, province, city, cooperation or budget. */
  function filter(): PublishedFilter {
    if (random() >= 0.25) return {};
    const d = pick(real);
    const kind = int(5);
    const city = (d.region ?? '').split('/')[1]?.trim();
    const province = d.region ? provinceOf(d.region) : undefined;
    if (kind === 0 && d.field) return { field: d.field };
    if (kind === 1 && province) return { province };
    if (kind === 2 && city) return { regionContains: city };
    if (kind === 3 && d.cooperationModes?.[0]) return { cooperation: d.cooperationModes[0] };
    return { minBudgetWan: pick([10, 30, 50, 100]) };
  }

  return (): BenchQuery => ({ q: text(), filter: filter() });
}
