// Many plausible demands from the ~715 real ones: each variant keeps real vocabulary and real sentence shapes, but
// its sentences are shuffled, its numbers changed, its region, field and cooperation swapped with another demand's,
// and about a third of them join the first half of one demand to the second half of another.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Demand } from '@cic/shared';
import { mapRecord, parseJsonl } from '../../seed/jstec-mapping';

export const REAL_DEMANDS_FILE = join(__dirname, '..', '..', '..', 'data', 'jstec-demands.jsonl');

export function realDemands(at = '2025-01-01T00:00:00.000Z'): Demand[] {
  return parseJsonl(readFileSync(REAL_DEMANDS_FILE, 'utf8')).flatMap((record) => {
    const mapped = mapRecord(record, { ownerId: 'bench-owner', at });
    return mapped.ok ? [mapped.demand] : [];
  });
}

/** Sentences, each keeping its closing punctuation (or line break). */
const sentencesOf = (text: string): string[] => text.split(/(?<=[。；;！!？?\n])/u).filter((s) => s.trim() !== '');

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Every number becomes another of about the same size (a year stays four digits, a ratio stays small). */
const changeNumbers = (text: string, random: () => number): string =>
  text.replace(/\d+(?:\.\d+)?/g, (n) => {
    const value = Number(n) * (0.5 + random());
    return n.includes('.') ? value.toFixed(n.split('.')[1]?.length ?? 1) : String(Math.max(1, Math.round(value)));
  });

export function makeVariant(id: string, base: Demand, other: Demand, donor: Demand, random: () => number, at: string): Demand {
  let sentences = shuffle(sentencesOf(base.description ?? ''), random);
  let title = base.title ?? '';
  if (random() < 0.35) {
    const theirs = shuffle(sentencesOf(other.description ?? ''), random);
    sentences = [...sentences.slice(0, Math.ceil(sentences.length / 2)), ...theirs.slice(Math.floor(theirs.length / 2))];
    const otherTitle = other.title ?? '';
    title = `${title.slice(0, Math.ceil(title.length / 2))}${otherTitle.slice(Math.floor(otherTitle.length / 2))}`;
  }
  const swapPlace = random() < 0.5;
  const swapField = random() < 0.3;
  return {
    ...base,
    id,
    title: changeNumbers(title, random),
    description: changeNumbers(sentences.join(''), random),
    ...(swapPlace && donor.region ? { region: donor.region } : {}),
    ...(swapField ? { field: donor.field, ...(donor.fieldOther ? { fieldOther: donor.fieldOther } : {}) } : {}),
    ...(random() < 0.3 && donor.cooperationModes ? { cooperationModes: donor.cooperationModes } : {}),
    budgetWan: Math.max(1, Math.round((base.budgetWan ?? 10) * (0.5 + random() * 1.5))),
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
  };
}

/** `count` variants of the real demands, ids bench-0 … bench-(count−1). */
export function variantsOf(real: readonly Demand[], count: number, random: () => number, at: string): Demand[] {
  const pick = () => real[Math.floor(random() * real.length)] as Demand;
  return Array.from({ length: count }, (_, i) =>
    makeVariant(`bench-${i}`, real[i % real.length] as Demand, pick(), pick(), random, at),
  );
}
