// An in-memory BM25 index over character bigrams. ../shared/STACK.md records why: on Chinese technical text it ranks as
// well as a segmenter, with no dictionary and no cold-start cost.
//
// Laid out for a warm Lambda holding 10⁵ demands: documents live in numbered slots, each term's posting list is a pair
// of typed arrays (slots in increasing order, term weights), and a query adds up scores in one reusable array indexed
// by slot, then keeps the best k in a small heap instead of sorting every hit. A removed document leaves its postings
// behind, skipped by a liveness check, until enough have piled up to compact everything in one pass.
import { indexTerms, queryTerms } from './bigram-tokenizer';

export interface IndexedDoc<M> {
  id: string;
  title: string;
  body: string;
  /** Returned with each hit, for filtering and tie-breaking without another read. */
  meta: M;
}

export interface Hit<M> {
  id: string;
  score: number;
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

/** A growable pair of typed arrays: the slots holding a term, in increasing order, and the term's weight in each. */
class Posting {
  slots = new Int32Array(4);
  tfs = new Uint16Array(4);
  length = 0;
  /** Live documents holding the term (entries of removed documents are still in the arrays until compaction). */
  df = 0;

  push(slot: number, tf: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const tfs = new Uint16Array(this.length * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.slots[this.length] = slot;
    this.tfs[this.length] = tf;
    this.length += 1;
  }
}

/** The k best (score, then id, descending) of what it is offered; the worst kept is at the root. */
class TopK<M> {
  private readonly heap: Hit<M>[] = [];

  constructor(private readonly k: number) {}

  /** a ranks below b. */
  private static below<M>(a: Hit<M>, b: Hit<M>): boolean {
    return a.score < b.score || (a.score === b.score && a.id < b.id);
  }

  /** Whether a hit with this score and id would be kept, before building it. */
  wants(score: number, id: string): boolean {
    if (this.heap.length < this.k) return true;
    const worst = this.heap[0] as Hit<M>;
    return score > worst.score || (score === worst.score && id > worst.id);
  }

  offer(hit: Hit<M>): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push(hit);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.below(h[i] as Hit<M>, h[parent] as Hit<M>)) break;
        [h[i], h[parent]] = [h[parent] as Hit<M>, h[i] as Hit<M>];
        i = parent;
      }
      return;
    }
    h[0] = hit;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < h.length && TopK.below(h[l] as Hit<M>, h[least] as Hit<M>)) least = l;
      if (r < h.length && TopK.below(h[r] as Hit<M>, h[least] as Hit<M>)) least = r;
      if (least === i) break;
      [h[i], h[least]] = [h[least] as Hit<M>, h[i] as Hit<M>];
      i = least;
    }
  }

  /** Best first. */
  sorted(): Hit<M>[] {
    return [...this.heap].sort((a, b) => (TopK.below(a, b) ? 1 : TopK.below(b, a) ? -1 : 0));
  }
}

export class Bm25Index<M> {
  private readonly slotOf = new Map<string, number>();
  /** By slot; '' once removed. */
  private ids: string[] = [];
  private metas: (M | undefined)[] = [];
  /** By slot: the document's length in weighted terms; 0 once removed (or empty, and then in no posting). */
  private lengths = new Float64Array(1024);
  /** By slot: the ids of the document's terms, to take it out of their document frequencies. */
  private docTerms: (Uint32Array | undefined)[] = [];
  private readonly termIds = new Map<string, number>();
  private postings: Posting[] = [];
  private totalLength = 0;
  private live = 0;
  private dead = 0;
  /** Per query, by slot: the score so far and how many query terms the document has. Reused, kept zeroed. */
  private scores = new Float64Array(1024);
  private matched = new Uint8Array(1024);

  get size(): number {
    return this.live;
  }

  upsert(doc: IndexedDoc<M>): void {
    this.remove(doc.id);
    const weights = new Map<string, number>();
    const add = (list: string[], weight: number) => {
      for (const t of list) weights.set(t, (weights.get(t) ?? 0) + weight);
    };
    add(indexTerms(doc.title), TITLE_WEIGHT);
    add(indexTerms(doc.body), 1);

    const slot = this.ids.length;
    this.ensureCapacity(slot + 1);
    const terms = new Uint32Array(weights.size);
    let length = 0;
    let n = 0;
    for (const [term, weight] of weights) {
      const tf = Math.min(weight, MAX_TF);
      length += tf;
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.postings.length;
        this.termIds.set(term, id);
        this.postings.push(new Posting());
      }
      const posting = this.postings[id] as Posting;
      posting.push(slot, tf);
      posting.df += 1;
      terms[n] = id;
      n += 1;
    }
    this.ids.push(doc.id);
    this.metas.push(doc.meta);
    this.docTerms.push(terms);
    this.lengths[slot] = length;
    this.slotOf.set(doc.id, slot);
    this.totalLength += length;
    this.live += 1;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const term of this.docTerms[slot] as Uint32Array) (this.postings[term] as Posting).df -= 1;
    this.totalLength -= this.lengths[slot] as number;
    this.lengths[slot] = 0;
    this.ids[slot] = '';
    this.metas[slot] = undefined;
    this.docTerms[slot] = undefined;
    this.slotOf.delete(id);
    this.live -= 1;
    this.dead += 1;
    if (this.dead >= Math.max(MIN_DEAD_TO_COMPACT, this.live / 4)) this.compact();
  }

  /** Every match, best first: see `top`. */
  search(query: string, accept: (meta: M) => boolean = () => true): Hit<M>[] {
    return this.top(query, accept, Number.POSITIVE_INFINITY).hits;
  }

  /** How many documents match the query (as `top` matches them). */
  count(query: string): number {
    return this.top(query, () => true, 0).total;
  }

  /**
   * Ranks documents by BM25 and returns the best `limit` with the number of all matches. A document must contain at
   * least three quarters of the query's distinct terms (all of them for short queries), so 钛合金 does not return
   * every text that merely says 合金. Ties go to the greater id.
   */
  top(query: string, accept: (meta: M) => boolean, limit: number): TopHits<M> {
    const postings = queryTerms(query).map((t) => {
      const id = this.termIds.get(t);
      return id === undefined ? undefined : this.postings[id];
    });
    if (postings.length === 0 || this.live === 0) return { hits: [], total: 0 };
    const need = postings.length <= 3 ? postings.length : Math.ceil(postings.length * 0.75);
    const present = postings.filter((p): p is Posting => p !== undefined && p.df > 0);
    if (present.length < need) return { hits: [], total: 0 };
    // Rarest first: when every term is needed, a document the first lists lack cannot match, so later lists only
    // add to documents already seen.
    present.sort((a, b) => a.df - b.df);

    const n = this.live;
    const avgLength = this.totalLength / n;
    const { scores, matched, lengths } = this;
    const touched: number[] = [];
    const every = need === postings.length;
    for (const [k, posting] of present.entries()) {
      const idf = Math.log(1 + (n - posting.df + 0.5) / (posting.df + 0.5));
      const { slots, tfs, length } = posting;
      for (let i = 0; i < length; i += 1) {
        const slot = slots[i] as number;
        const docLength = lengths[slot] as number;
        if (docLength === 0) continue;
        const seen = matched[slot] as number;
        // Every term needed: only documents holding all the earlier ones can still match. Otherwise a document first
        // met here can still match only if enough lists remain.
        if (every ? seen !== k : seen === 0 && present.length - k < need) continue;
        if (seen === 0) touched.push(slot);
        const tf = tfs[i] as number;
        scores[slot] = (scores[slot] as number) + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * docLength) / avgLength));
        matched[slot] = seen + 1;
      }
    }

    const best = new TopK<M>(limit);
    let total = 0;
    for (const slot of touched) {
      const score = scores[slot] as number;
      const enough = (matched[slot] as number) >= need;
      scores[slot] = 0;
      matched[slot] = 0;
      if (!enough) continue;
      const meta = this.metas[slot] as M;
      if (!accept(meta)) continue;
      total += 1;
      const id = this.ids[slot] as string;
      if (limit > 0 && best.wants(score, id)) best.offer({ id, score, meta });
    }
    return { hits: best.sorted(), total };
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.lengths.length) return;
    const size = Math.max(slots, this.lengths.length * 2);
    const lengths = new Float64Array(size);
    lengths.set(this.lengths);
    this.lengths = lengths;
    this.scores = new Float64Array(size);
    this.matched = new Uint8Array(size);
  }

  /** Renumbers the live documents from 0, in order, and drops the removed ones' postings. */
  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const metas: (M | undefined)[] = [];
    const docTerms: (Uint32Array | undefined)[] = [];
    const lengths = new Float64Array(Math.max(1024, this.live * 2));
    for (const [slot, id] of this.ids.entries()) {
      if (id === '') continue;
      remap[slot] = ids.length;
      lengths[ids.length] = this.lengths[slot] as number;
      ids.push(id);
      metas.push(this.metas[slot]);
      docTerms.push(this.docTerms[slot]);
      this.slotOf.set(id, ids.length - 1);
    }
    for (const posting of this.postings) {
      let w = 0;
      for (let r = 0; r < posting.length; r += 1) {
        const to = remap[posting.slots[r] as number] as number;
        if (to < 0) continue;
        posting.slots[w] = to;
        posting.tfs[w] = posting.tfs[r] as number;
        w += 1;
      }
      posting.length = w;
    }
    this.ids = ids;
    this.metas = metas;
    this.docTerms = docTerms;
    this.lengths = lengths;
    this.scores = new Float64Array(lengths.length);
    this.matched = new Uint8Array(lengths.length);
    this.dead = 0;
  }
}
