// An in-memory BM25 index over character bigrams. docs/decisions/0002-bm25-over-character-bigrams.md records why: on Chinese technical text it ranks as
// well as a segmenter, with no dictionary and no cold-start cost.
//
// Laid out for a warm Lambda holding 10⁵ demands: documents live in numbered slots, terms have numbers too, and each
// term's posting list (slots in increasing order, term weights) lives in a few large typed arrays (postings.ts). A query
// reads the rarest term's list in full, looks its documents up in the other lists by skipping ahead, adds up scores in
// one reusable array indexed by slot, and keeps the best k in a small heap instead of sorting every hit. A removed
// document leaves its postings behind, skipped by a liveness check, until enough have piled up to compact everything in
// one pass. Documents do not keep their list of terms: after a removal, a term's document frequency is counted again
// from its posting list the next time a query needs it.
import { hanKey, scanRuns, termKey, queryTerms, type RunVisitor } from './bigram-tokenizer';
import { Postings } from './postings';
import { TermIds } from './term-ids';
import { TopK, type Hit } from './top-k';

export type { Hit } from './top-k';

export interface IndexedDoc<M> {
  id: string;
  title: string;
  body: string;
  /** Returned with each hit, for filtering and tie-breaking without another read. */
  meta: M;
}

export interface TopHits<M> {
  /** The best `limit` hits, best first. */
  hits: Hit<M>[];
  /** How many documents match and pass the filter in all. */
  total: number;
}

const K1 = 1.2;
const B = 0.75;
/** A title term counts as much as this many body terms. */
const TITLE_WEIGHT = 3;
const MAX_TF = 0xffff;
/** Compact once this many removed documents (or a quarter of the live ones, if more) still sit in the postings. */
const MIN_DEAD_TO_COMPACT = 1024;
/** A query term the index holds, with its document frequency. */
interface Present {
  term: number;
  df: number;
}

export class Bm25Index<M> {
  private readonly slotOf = new Map<string, number>();
  /** By slot; undefined once removed. */
  private ids: (string | undefined)[] = [];
  private metas: (M | undefined)[] = [];
  /** By slot: the document's length in weighted terms; 0 once removed (or empty, and then in no posting). */
  private lengths = new Float64Array(1024);
  private readonly terms = new TermIds();
  private readonly postings = new Postings();
  private totalLength = 0;
  private live = 0;
  private dead = 0;
  /** Removals so far: a posting whose df was counted at another number must count again. */
  private removals = 0;
  /** Per query, by slot: the score so far and how many query terms the document has. Reused, kept zeroed. */
  private scores = new Float64Array(1024);
  private matched = new Uint16Array(1024);
  /** Per query: the slots that may match. */
  private candidates = new Int32Array(1024);
  /** Per upserted document, by term id: the term's weight so far, and the ids with one. Reused, kept zeroed. */
  private docTf = new Float64Array(1024);
  private readonly docTerms: number[] = [];
  /** The weight of the text being read. */
  private weight = 0;
  private readonly collect: RunVisitor = {
    han: (codes, n) => {
      for (let i = 0; i < n; i += 1) {
        this.addTerm(this.terms.han(codes[i] as number));
        if (i + 1 < n) this.addTerm(this.terms.han(hanKey(codes[i] as number, codes[i + 1])));
      }
    },
    word: (word) => this.addTerm(this.terms.word(word)),
  };

  get size(): number {
    return this.live;
  }

  upsert(doc: IndexedDoc<M>): void {
    this.remove(doc.id);
    this.weight = TITLE_WEIGHT;
    scanRuns(doc.title, this.collect);
    this.weight = 1;
    scanRuns(doc.body, this.collect);

    const slot = this.ids.length;
    this.ensureCapacity(slot + 1);
    const { docTf, docTerms, postings } = this;
    let length = 0;
    for (const term of docTerms) {
      const tf = Math.min(docTf[term] as number, MAX_TF);
      docTf[term] = 0;
      length += tf;
      postings.push(term, slot, tf);
    }
    docTerms.length = 0;
    this.ids.push(doc.id);
    this.metas.push(doc.meta);
    this.lengths[slot] = length;
    this.slotOf.set(doc.id, slot);
    this.totalLength += length;
    this.live += 1;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.totalLength -= this.lengths[slot] as number;
    this.lengths[slot] = 0;
    this.ids[slot] = undefined;
    this.metas[slot] = undefined;
    this.slotOf.delete(id);
    this.live -= 1;
    this.dead += 1;
    this.removals += 1;
    if (this.dead >= Math.max(MIN_DEAD_TO_COMPACT, this.live / 4)) this.compact();
  }

  /** Every match, best first: see `top`. */
  search(query: string, accept?: (meta: M) => boolean): Hit<M>[] {
    return this.top(query, accept, Number.POSITIVE_INFINITY).hits;
  }

  /** How many documents match the query (as `top` matches them). */
  count(query: string): number {
    return this.top(query, undefined, 0).total;
  }

  /**
   * Ranks documents by BM25 and returns the best `limit` with the number of all matches. A document must contain at
   * least three quarters of the query's distinct terms (all of them for short queries), so 钛合金 does not return
   * every text that merely says 合金; with `share`, that share of them instead. Ties go to the greater id. Only documents whose meta `accept` takes count (all
   * of them without it: their metas are then not even read, which saves a cache miss a hit).
   */
  top(query: string, accept: ((meta: M) => boolean) | undefined, limit: number, share?: number): TopHits<M> {
    const terms = queryTerms(query);
    if (terms.length === 0 || this.live === 0) return { hits: [], total: 0 };
    // `share`: a looser match for a long text (related listings), at least two of its terms.
    const need =
      share !== undefined
        ? Math.min(terms.length, Math.max(2, Math.ceil(terms.length * share)))
        : terms.length <= 3
          ? terms.length
          : Math.ceil(terms.length * 0.75);
    const present: Present[] = [];
    for (const t of terms) {
      const term = this.terms.find(termKey(t));
      const df = term < 0 ? 0 : this.postings.documentFrequency(term, this.removals, this.lengths);
      if (df > 0) present.push({ term, df });
    }
    if (present.length < need) return { hits: [], total: 0 };
    // Rarest first: the fewer candidates, the less to look up in the other lists.
    present.sort((a, b) => a.df - b.df);

    const count = this.match(present, need);

    const { scores, matched, candidates, metas, ids } = this;
    const best = new TopK<M>(limit);
    let total = 0;
    for (let j = 0; j < count; j += 1) {
      const slot = candidates[j] as number;
      const score = scores[slot] as number;
      const enough = (matched[slot] as number) >= need;
      scores[slot] = 0;
      matched[slot] = 0;
      if (!enough || (accept && !accept(metas[slot] as M))) continue;
      total += 1;
      if (limit === 0) continue;
      const id = ids[slot] as string;
      if (best.wants(score, id)) best.offer({ id, score, meta: metas[slot] as M });
    }
    return { hits: best.sorted(), total };
  }

  /**
   * Scores the documents holding at least `need` of the present terms (rarest first) into `scores`, counting their
   * terms in `matched`, and lists their slots in `candidates[0..count)`; returns count. Documents listed may still
   * hold too few terms; any other slot is left zeroed.
   */
  private match(present: readonly Present[], need: number): number {
    const n = this.live;
    const avgLength = this.totalLength / n;
    const { scores, matched, lengths, candidates } = this;
    const m = present.length;
    const weigh = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const bm25 = (idf: number, tf: number, docLength: number) =>
      (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * docLength) / avgLength));
    // A document holding `need` of the m terms holds one of any m - need + 1 of them: the rarest ones' lists are read in
    // full (just the rarest when every term is needed), and give the candidates.
    const open = m - need + 1;
    let count = 0;
    for (let k = 0; k < open; k += 1) {
      const { term, df } = present[k] as Present;
      const idf = weigh(df);
      const cursor = this.postings.cursor(term);
      do {
        const { slots, tfs, end } = cursor;
        for (let i = cursor.at; i < end; i += 1) {
          const slot = slots[i] as number;
          const docLength = lengths[slot] as number;
          if (docLength === 0) continue;
          const seen = matched[slot] as number;
          if (seen === 0) candidates[count++] = slot;
          scores[slot] = (scores[slot] as number) + bm25(idf, tfs[i] as number, docLength);
          matched[slot] = seen + 1;
        }
      } while (cursor.nextBlock());
    }
    // Each later list is only searched for the candidates (in slot order, as the lists are), skipping ahead, and a
    // candidate that can no longer reach `need` is dropped.
    if (open > 1) candidates.subarray(0, count).sort();
    for (let k = open; k < m; k += 1) {
      const { term, df } = present[k] as Present;
      const idf = weigh(df);
      const cursor = this.postings.cursor(term);
      let more = true;
      let kept = 0;
      for (let j = 0; j < count; j += 1) {
        const slot = candidates[j] as number;
        const seen = matched[slot] as number;
        if (seen + m - k < need) {
          scores[slot] = 0;
          matched[slot] = 0;
          continue;
        }
        candidates[kept++] = slot;
        more = more && cursor.seek(slot);
        if (!more || cursor.slots[cursor.at] !== slot) continue;
        scores[slot] = (scores[slot] as number) + bm25(idf, cursor.tfs[cursor.at] as number, lengths[slot] as number);
        matched[slot] = seen + 1;
      }
      count = kept;
    }
    return count;
  }

  /** Adds the current weight to a term of the document being read. */
  private addTerm(term: number): void {
    if (term === this.postings.size) this.postings.addTerm(this.removals);
    if (term >= this.docTf.length) {
      const grown = new Float64Array(this.docTf.length * 2);
      grown.set(this.docTf);
      this.docTf = grown;
    }
    const tf = this.docTf[term] as number;
    if (tf === 0) this.docTerms.push(term);
    this.docTf[term] = tf + this.weight;
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.lengths.length) return;
    const size = Math.max(slots, this.lengths.length * 2);
    const lengths = new Float64Array(size);
    lengths.set(this.lengths);
    this.lengths = lengths;
    this.scores = new Float64Array(size);
    this.matched = new Uint16Array(size);
    this.candidates = new Int32Array(size);
  }

  /** Renumbers the live documents from 0, in order, and drops the removed ones' postings. */
  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const metas: (M | undefined)[] = [];
    const lengths = new Float64Array(Math.max(1024, this.live * 2));
    for (const [slot, id] of this.ids.entries()) {
      if (id === undefined) continue;
      remap[slot] = ids.length;
      lengths[ids.length] = this.lengths[slot] as number;
      ids.push(id);
      metas.push(this.metas[slot]);
      this.slotOf.set(id, ids.length - 1);
    }
    this.postings.compact(remap, this.removals);
    this.ids = ids;
    this.metas = metas;
    this.lengths = lengths;
    this.scores = new Float64Array(lengths.length);
    this.matched = new Uint16Array(lengths.length);
    this.candidates = new Int32Array(lengths.length);
    this.dead = 0;
  }
}
