// Dense ids (0, 1, 2, …) for the terms of an index. Han terms arrive as numbers (bigram-tokenizer's hanKey) and live
// in an open-addressing table of typed arrays: a Map keyed by freshly built two-character strings spent about 200 ns a
// lookup, most of the half minute that building an index of 100,000 demands took. Latin/number words, far fewer,
// stay in a Map.
const EMPTY = -1;
const TWO_32 = 2 ** 32;

export class TermIds {
  /** Han keys (non-negative integers below 2⁵³), EMPTY where free; the table is at most half full. */
  private keys = new Float64Array(1 << 12).fill(EMPTY);
  private values = new Int32Array(1 << 12);
  private hanTerms = 0;
  private readonly words = new Map<string, number>();
  /** How many ids have been given: the next new term gets this one. */
  size = 0;

  /** The id of a Han key, a new one if it has none. */
  han(key: number): number {
    const at = this.probe(key);
    if (this.keys[at] === key) return this.values[at] as number;
    this.keys[at] = key;
    this.values[at] = this.size;
    this.hanTerms += 1;
    if (this.hanTerms * 2 > this.keys.length) this.grow();
    return this.size++;
  }

  /** The id of a word, a new one if it has none. */
  word(word: string): number {
    const id = this.words.get(word);
    if (id !== undefined) return id;
    this.words.set(word, this.size);
    return this.size++;
  }

  /** The id of a term key (see termKey), or -1 if the index has never seen it. */
  find(key: number | string): number {
    if (typeof key === 'string') return this.words.get(key) ?? -1;
    const at = this.probe(key);
    return this.keys[at] === key ? (this.values[at] as number) : -1;
  }

  /** Where the key is, or the free place where it would go. */
  private probe(key: number): number {
    const mask = this.keys.length - 1;
    let h = Math.imul((key | 0) ^ Math.imul(Math.floor(key / TWO_32) | 0, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let at = h & mask;
    for (;;) {
      const k = this.keys[at] as number;
      if (k === key || k === EMPTY) return at;
      at = (at + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.values = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] as number;
      if (key === EMPTY) continue;
      const at = this.probe(key);
      this.keys[at] = key;
      this.values[at] = values[i] as number;
    }
  }
}
