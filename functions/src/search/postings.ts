// Every term's posting list (the slots of the documents holding the term, in increasing order, and the term's weight
// in each), kept in a few large typed arrays. A list is a chain of blocks, each a little larger than the last, carved
// from chunks of up to 2²⁰ entries. Two small typed arrays per term, as before, cost about 300 ns an appended entry
// (five cache misses: the list object, two array objects, two buffers) and ~200 bytes per term; here an entry costs a
// read of the term's row in one Int32Array and two writes.
import { PostingCursor, type BlockSource } from './posting-cursor';

const CHUNK_BITS = 20;
const MAX_CHUNK = 1 << CHUNK_BITS;
const OFFSET_MASK = MAX_CHUNK - 1;
const FIRST_CHUNK = 1 << 12;
/** A block starts with two slots of header: the address of the next block (NONE at the end), and its capacity. */
const HEADER = 2;
const MIN_BLOCK = 2;
const MAX_BLOCK = 1 << 14;
const NONE = -1;
/** A term's row: its first and last block, entries in the last, the last's capacity, all its entries, its df. */
const HEAD = 0;
const TAIL = 1;
const FILL = 2;
const CAPACITY = 3;
const LENGTH = 4;
const DF = 5;
const ROW = 8;

/** A new block's capacity: the largest power of two up to half the list so far, so that at most a third is spare. */
function blockCapacity(length: number): number {
  let capacity = MIN_BLOCK;
  while (capacity < MAX_BLOCK && capacity * 4 <= length) capacity *= 2;
  return capacity;
}

/** log2 of a power of two. */
const sizeClass = (capacity: number) => 31 - Math.clz32(capacity);

export class Postings implements BlockSource {
  private slotChunks: Int32Array[] = [];
  private tfChunks: Uint16Array[] = [];
  /** Entries used in the last chunk. */
  private used = 0;
  /** By size class: the first free block (blocks emptied by compaction, chunk ends too small to use), or NONE. */
  private readonly free: number[] = [];
  private rows = new Int32Array(ROW * 1024);
  /** By term: the index's removal count when `DF` was last counted. */
  private countedAt = new Float64Array(1024);
  /** Terms with a list: ids 0 … terms - 1. */
  private terms = 0;

  /** How many terms have a list. */
  get size(): number {
    return this.terms;
  }

  /** Gives the next term id an empty list, counted as of `removals`. */
  addTerm(removals: number): void {
    const term = this.terms;
    if ((term + 1) * ROW > this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
      const countedAt = new Float64Array(this.countedAt.length * 2);
      countedAt.set(this.countedAt);
      this.countedAt = countedAt;
    }
    const row = term * ROW;
    this.rows[row + HEAD] = NONE;
    this.rows[row + TAIL] = NONE;
    this.countedAt[term] = removals;
    this.terms += 1;
  }

  /** Appends a document to the term's list: `slot` must be greater than any already there. */
  push(term: number, slot: number, tf: number): void {
    const rows = this.rows;
    const row = term * ROW;
    let tail = rows[row + TAIL] as number;
    let fill = rows[row + FILL] as number;
    if (tail === NONE || fill === rows[row + CAPACITY]) {
      const capacity = blockCapacity(rows[row + LENGTH] as number);
      const block = this.allocate(capacity);
      if (tail === NONE) rows[row + HEAD] = block;
      else this.setNext(tail, block);
      rows[row + TAIL] = block;
      rows[row + CAPACITY] = capacity;
      tail = block;
      fill = 0;
    }
    const at = (tail & OFFSET_MASK) + HEADER + fill;
    (this.slotChunks[tail >>> CHUNK_BITS] as Int32Array)[at] = slot;
    (this.tfChunks[tail >>> CHUNK_BITS] as Uint16Array)[at] = tf;
    rows[row + FILL] = fill + 1;
    rows[row + LENGTH] = (rows[row + LENGTH] as number) + 1;
    rows[row + DF] = (rows[row + DF] as number) + 1;
  }

  /** A reader of the term's list, at its first entry. */
  cursor(term: number): PostingCursor {
    return new PostingCursor(this, term);
  }

  /** The first block of the term's list, or NONE (-1). */
  headOf(term: number): number {
    return this.rows[term * ROW + HEAD] as number;
  }

  /** The block after this one in its list, or NONE (-1). */
  next(block: number): number {
    return (this.slotChunks[block >>> CHUNK_BITS] as Int32Array)[block & OFFSET_MASK] as number;
  }

  /** The arrays holding a block's entries, and the range of them there. */
  slotsOf(block: number): Int32Array {
    return this.slotChunks[block >>> CHUNK_BITS] as Int32Array;
  }

  tfsOf(block: number): Uint16Array {
    return this.tfChunks[block >>> CHUNK_BITS] as Uint16Array;
  }

  startOf(block: number): number {
    return (block & OFFSET_MASK) + HEADER;
  }

  /** Past the block's last entry: the last block of a list is full up to FILL, the others to their capacity. */
  endOf(term: number, block: number): number {
    const count = block === this.rows[term * ROW + TAIL] ? (this.rows[term * ROW + FILL] as number) : this.capacity(block);
    return (block & OFFSET_MASK) + HEADER + count;
  }

  /**
   * How many live documents hold the term. Removed documents stay in the lists until compaction and documents do not
   * keep their terms, so after a removal the count is taken again (once) from the list. `lengths` is by slot, 0 for a
   * removed document.
   */
  documentFrequency(term: number, removals: number, lengths: Float64Array): number {
    const row = term * ROW;
    if (this.countedAt[term] !== removals) {
      let df = 0;
      const cursor = this.cursor(term);
      do {
        const { slots, end } = cursor;
        for (let i = cursor.at; i < end; i += 1) if (lengths[slots[i] as number] !== 0) df += 1;
      } while (cursor.nextBlock());
      this.rows[row + DF] = df;
      this.countedAt[term] = removals;
    }
    return this.rows[row + DF] as number;
  }

  /**
   * Renumbers every list's slots through `remap` (-1: drop the entry), in place: the entries kept move to the front of
   * the chain and the blocks left empty are freed for later lists.
   */
  compact(remap: Int32Array, removals: number): void {
    const rows = this.rows;
    for (let term = 0; term < this.terms; term += 1) {
      const row = term * ROW;
      const head = rows[row + HEAD] as number;
      if (head === NONE) continue;
      const tail = rows[row + TAIL] as number;
      let into = head;
      let written = 0;
      let kept = 0;
      for (let block = head; block !== NONE; block = this.next(block)) {
        const slots = this.slotChunks[block >>> CHUNK_BITS] as Int32Array;
        const tfs = this.tfChunks[block >>> CHUNK_BITS] as Uint16Array;
        const from = (block & OFFSET_MASK) + HEADER;
        const to = from + (block === tail ? (rows[row + FILL] as number) : this.capacity(block));
        for (let i = from; i < to; i += 1) {
          const slot = remap[slots[i] as number] as number;
          if (slot < 0) continue;
          // The write position never passes the read position, so nothing unread is overwritten.
          if (written === this.capacity(into)) {
            into = this.next(into);
            written = 0;
          }
          const at = (into & OFFSET_MASK) + HEADER + written;
          (this.slotChunks[into >>> CHUNK_BITS] as Int32Array)[at] = slot;
          (this.tfChunks[into >>> CHUNK_BITS] as Uint16Array)[at] = tfs[i] as number;
          written += 1;
          kept += 1;
        }
      }
      let spare = kept === 0 ? head : this.next(into);
      while (spare !== NONE) {
        const next = this.next(spare);
        this.release(spare);
        spare = next;
      }
      if (kept === 0) {
        rows.fill(0, row, row + ROW);
        rows[row + HEAD] = NONE;
        rows[row + TAIL] = NONE;
      } else {
        this.setNext(into, NONE);
        rows[row + TAIL] = into;
        rows[row + FILL] = written;
        rows[row + CAPACITY] = this.capacity(into);
        rows[row + LENGTH] = kept;
        rows[row + DF] = kept;
      }
      this.countedAt[term] = removals;
    }
  }

  private setNext(block: number, next: number): void {
    (this.slotChunks[block >>> CHUNK_BITS] as Int32Array)[block & OFFSET_MASK] = next;
  }

  private capacity(block: number): number {
    return (this.slotChunks[block >>> CHUNK_BITS] as Int32Array)[(block & OFFSET_MASK) + 1] as number;
  }

  /** A block with room for `capacity` entries (a power of two), reused if one is free, its next set to NONE. */
  private allocate(capacity: number): number {
    const size = sizeClass(capacity);
    const reused = this.free[size] ?? NONE;
    if (reused !== NONE) {
      this.free[size] = this.next(reused);
      this.setNext(reused, NONE);
      return reused;
    }
    let chunk = this.slotChunks.length - 1;
    const room = chunk < 0 ? 0 : (this.slotChunks[chunk] as Int32Array).length - this.used;
    if (room < HEADER + capacity) {
      if (chunk >= 0) this.freeRest(chunk);
      // Chunks grow from 4,096 entries, so that a small index stays small.
      const last = chunk < 0 ? FIRST_CHUNK / 2 : (this.slotChunks[chunk] as Int32Array).length;
      const length = Math.min(MAX_CHUNK, Math.max(last * 2, HEADER + capacity));
      this.slotChunks.push(new Int32Array(length));
      this.tfChunks.push(new Uint16Array(length));
      chunk += 1;
      this.used = 0;
    }
    const block = (chunk << CHUNK_BITS) | this.used;
    this.used += HEADER + capacity;
    this.setNext(block, NONE);
    (this.slotChunks[chunk] as Int32Array)[(block & OFFSET_MASK) + 1] = capacity;
    return block;
  }

  /** Cuts what is left of a full chunk into free blocks. */
  private freeRest(chunk: number): void {
    const length = (this.slotChunks[chunk] as Int32Array).length;
    for (;;) {
      const room = length - this.used - HEADER;
      if (room < MIN_BLOCK) return;
      const capacity = Math.min(MAX_BLOCK, 2 ** sizeClass(room));
      const block = (chunk << CHUNK_BITS) | this.used;
      (this.slotChunks[chunk] as Int32Array)[(block & OFFSET_MASK) + 1] = capacity;
      this.used += HEADER + capacity;
      this.release(block);
    }
  }

  private release(block: number): void {
    const size = sizeClass(this.capacity(block));
    this.setNext(block, this.free[size] ?? NONE);
    this.free[size] = block;
  }
}
