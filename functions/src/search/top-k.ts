// The k best hits of a query, kept in a heap while the matches stream past, so that nothing sorts every match.
export interface Hit<M> {
  id: string;
  score: number;
  meta: M;
}

/** a ranks below b: a lower score, or the same score and a smaller id (ties go to the greater, newer id). */
function below<M>(a: Hit<M>, b: Hit<M>): boolean {
  return a.score < b.score || (a.score === b.score && a.id < b.id);
}

/** The k best of what it is offered; the worst kept is at the root. */
export class TopK<M> {
  private readonly heap: Hit<M>[] = [];

  constructor(private readonly k: number) {}

  /** Whether a hit with this score and id would be kept, before building it. */
  wants(score: number, id: string): boolean {
    if (this.heap.length < this.k) return true;
    const worst = this.heap[0] as Hit<M>;
    return score > worst.score || (score === worst.score && id > worst.id);
  }

  /** Keeps the hit, dropping the worst if full: call only when `wants` says so. */
  offer(hit: Hit<M>): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push(hit);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!below(h[i] as Hit<M>, h[parent] as Hit<M>)) break;
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
      if (l < h.length && below(h[l] as Hit<M>, h[least] as Hit<M>)) least = l;
      if (r < h.length && below(h[r] as Hit<M>, h[least] as Hit<M>)) least = r;
      if (least === i) break;
      [h[i], h[least]] = [h[least] as Hit<M>, h[i] as Hit<M>];
      i = least;
    }
  }

  /** Best first. */
  sorted(): Hit<M>[] {
    return [...this.heap].sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
  }
}
