/**
 * Runs `fn` over items so that items with the same key go one after another, in their order, while different keys
 * run side by side (at most `concurrency` at once). A stream batch keeps each item's changes in order this way and
 * still drains a backlog quickly.
 */
export async function inKeyOrder<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  concurrency: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const item of group) await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}
