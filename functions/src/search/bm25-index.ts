// An in-memory BM25 index over character bigrams. ../shared/STACK.md records why: on Chinese technical text it ranks as
// well as a segmenter, with no dictionary and no cold-start cost.
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

const K1 = 1.2;
const B = 0.75;
/** A title term counts as much as this many body terms. */
const TITLE_WEIGHT = 3;

interface Entry<M> {
  length: number;
  terms: Map<string, number>;
  meta: M;
}

export class Bm25Index<M> {
  private readonly docs = new Map<string, Entry<M>>();
  private readonly postings = new Map<string, Map<string, number>>();
  private totalLength = 0;

  get size(): number {
    return this.docs.size;
  }

  upsert(doc: IndexedDoc<M>): void {
    this.remove(doc.id);
    const terms = new Map<string, number>();
    const add = (list: string[], weight: number) => {
      for (const t of list) terms.set(t, (terms.get(t) ?? 0) + weight);
    };
    add(indexTerms(doc.title), TITLE_WEIGHT);
    add(indexTerms(doc.body), 1);
    let length = 0;
    for (const [term, tf] of terms) {
      length += tf;
      let posting = this.postings.get(term);
      if (!posting) {
        posting = new Map();
        this.postings.set(term, posting);
      }
      posting.set(doc.id, tf);
    }
    this.docs.set(doc.id, { length, terms, meta: doc.meta });
    this.totalLength += length;
  }

  remove(id: string): void {
    const entry = this.docs.get(id);
    if (!entry) return;
    for (const term of entry.terms.keys()) {
      const posting = this.postings.get(term);
      posting?.delete(id);
      if (posting && posting.size === 0) this.postings.delete(term);
    }
    this.totalLength -= entry.length;
    this.docs.delete(id);
  }

  /**
   * Ranks documents by BM25. A document must contain at least three quarters of the query's distinct terms
   * (all of them for short queries), so 钛合金 does not return every text that merely says 合金.
   */
  search(query: string, accept: (meta: M) => boolean = () => true): Hit<M>[] {
    const terms = queryTerms(query);
    if (terms.length === 0 || this.docs.size === 0) return [];
    const need = terms.length <= 3 ? terms.length : Math.ceil(terms.length * 0.75);
    const n = this.docs.size;
    const avgLength = this.totalLength / n;
    const scores = new Map<string, { score: number; matched: number }>();
    for (const term of terms) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
      for (const [id, tf] of posting) {
        const length = this.docs.get(id)?.length ?? avgLength;
        const part = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / avgLength));
        const acc = scores.get(id);
        if (acc) {
          acc.score += part;
          acc.matched += 1;
        } else scores.set(id, { score: part, matched: 1 });
      }
    }
    const hits: Hit<M>[] = [];
    for (const [id, { score, matched }] of scores) {
      if (matched < need) continue;
      const meta = (this.docs.get(id) as Entry<M>).meta;
      if (accept(meta)) hits.push({ id, score, meta });
    }
    return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1));
  }
}
