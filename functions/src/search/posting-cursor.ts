// A reader of one posting list (postings.ts), for a query: a block at a time for reading a list in full, or skipping
// ahead to a slot for looking documents up in it.

/** Where a list's blocks are: Postings, seen from a cursor. A block is a number, -1 for none. */
export interface BlockSource {
  headOf(term: number): number;
  next(block: number): number;
  slotsOf(block: number): Int32Array;
  tfsOf(block: number): Uint16Array;
  startOf(block: number): number;
  endOf(term: number, block: number): number;
}

/**
 * Reads one term's list in slot order, a block at a time: the current block's entries are `slots[at..end)` and
 * `tfs[at..end)` (an empty range once the list is read).
 */
export class PostingCursor {
  slots: Int32Array = new Int32Array(0);
  tfs: Uint16Array = new Uint16Array(0);
  at = 0;
  end = 0;
  /** The current block, or -1 once the list is read. */
  private block = -1;

  constructor(
    private readonly postings: BlockSource,
    private readonly term: number,
  ) {
    this.enter(postings.headOf(term));
  }

  /** Moves to the next block: false at the end of the list. */
  nextBlock(): boolean {
    return this.block >= 0 && this.enter(this.postings.next(this.block));
  }

  /** Moves forward to the first entry (`slots[at]`) whose slot is at least `target`: false if the list has none. */
  seek(target: number): boolean {
    if (this.block < 0) return false;
    while ((this.slots[this.end - 1] as number) < target) if (!this.nextBlock()) return false;
    const { slots } = this;
    let low = this.at;
    if ((slots[low] as number) >= target) return true;
    // Gallop from the current entry, then halve: slots[low] < target <= slots[high].
    let high = low + 1;
    for (let step = 2; high < this.end && (slots[high] as number) < target; step *= 2) {
      low = high;
      high = low + step;
    }
    if (high >= this.end) high = this.end - 1;
    while (high - low > 1) {
      const middle = (low + high) >>> 1;
      if ((slots[middle] as number) < target) low = middle;
      else high = middle;
    }
    this.at = high;
    return true;
  }

  private enter(block: number): boolean {
    this.block = block;
    if (block < 0) {
      this.at = 0;
      this.end = 0;
      return false;
    }
    this.slots = this.postings.slotsOf(block);
    this.tfs = this.postings.tfsOf(block);
    this.at = this.postings.startOf(block);
    this.end = this.postings.endOf(this.term, block);
    return true;
  }
}
