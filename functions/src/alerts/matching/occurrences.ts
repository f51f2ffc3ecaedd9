// Where a keyword's terms occur in a demand's title and description, once the traps are taken out: the evidence the
// matcher's decision and its explanation rest on. Works on normalised text (shared normalizeText).
import type { Expansion, Relation } from './thesaurus';

export type Where = 'title' | 'description';

export interface Occurrence {
  /** The word of the demand that satisfied the keyword. */
  term: string;
  relation: Relation;
  broader?: string;
  where: Where;
  /** Its position in the title or the description (code units of the normalised text). */
  index: number;
}

/** A letter or digit of a Latin word (ASCII and Latin-1/Extended letters); Han characters are not. */
function isWordUnit(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

/**
 * True when `term`, found at `start` in `text`, is not glued to a Latin word on a side where it is Latin itself:
 * `ai` is found in "ai视觉" and "AI 算法" but not in "email"; `5g` not in "15g".
 */
export function hasWordEdges(text: string, start: number, term: string): boolean {
  if (isWordUnit(term.charCodeAt(0)) && start > 0 && isWordUnit(text.charCodeAt(start - 1))) return false;
  const end = start + term.length;
  return !(isWordUnit(term.charCodeAt(term.length - 1)) && end < text.length && isWordUnit(text.charCodeAt(end)));
}

/** Whether the normalised term occurs in the normalised text, with whole-word edges where it is Latin. */
export function occursIn(text: string, term: string): boolean {
  if (term === '') return false;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    if (hasWordEdges(text, i, term)) return true;
  }
  return false;
}

/** Whether the occurrence of `term` at `start` lies inside an occurrence of a trap word that contains it. */
function insideTrap(text: string, start: number, term: string, traps: readonly string[]): boolean {
  for (const trap of traps) {
    for (let offset = trap.indexOf(term); offset >= 0; offset = trap.indexOf(term, offset + 1)) {
      const from = start - offset;
      if (from >= 0 && text.startsWith(trap, from)) return true;
    }
  }
  return false;
}

/**
 * Every place the expansion's terms occur in one text, outside traps and with Latin word edges. Where terms overlap
 * (减速器 inside 谐波减速器), the longer, more specific one is kept: it says what the demand is about.
 */
function occurrencesIn(text: string, where: Where, expansion: Expansion, dropped: ReadonlySet<string>): Occurrence[] {
  const found: Occurrence[] = [];
  // A dropped term is a trap for this subscription: 焊接 inside 激光焊接 does not count once 激光焊接 is dropped.
  const traps = dropped.size === 0 ? expansion.traps : [...expansion.traps, ...dropped];
  for (const t of expansion.terms) {
    if (t.relation !== 'exact' && dropped.has(t.term)) continue;
    for (let i = text.indexOf(t.term); i >= 0 && t.term !== ''; i = text.indexOf(t.term, i + 1)) {
      if (!hasWordEdges(text, i, t.term) || insideTrap(text, i, t.term, traps)) continue;
      found.push({
        term: t.term,
        relation: t.relation,
        ...(t.broader !== undefined ? { broader: t.broader } : {}),
        where,
        index: i,
      });
    }
  }
  found.sort((a, b) => a.index - b.index || b.term.length - a.term.length);
  const kept: Occurrence[] = [];
  let coveredTo = -1;
  for (const o of found) {
    if (o.index + o.term.length <= coveredTo) continue;
    kept.push(o);
    coveredTo = Math.max(coveredTo, o.index + o.term.length);
  }
  return kept;
}

export interface KeywordEvidence {
  keyword: string;
  title: Occurrence[];
  description: Occurrence[];
}

/** Where the keyword (through its expansion, less the dropped terms) occurs in the demand's title and description. */
export function evidenceOf(
  keyword: string,
  expansion: Expansion,
  text: { title: string; description: string },
  dropped: ReadonlySet<string> = new Set(),
): KeywordEvidence {
  return {
    keyword,
    title: occurrencesIn(text.title, 'title', expansion, dropped),
    description: occurrencesIn(text.description, 'description', expansion, dropped),
  };
}

/** The occurrence that best shows the match: the first in the title, else the first in the description. */
export function bestOccurrence(e: KeywordEvidence): Occurrence | undefined {
  return e.title[0] ?? e.description[0];
}
