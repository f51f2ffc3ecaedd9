import { inKeyOrder } from '../../../src/common/in-key-order';

describe('inKeyOrder', () => {
  it("keeps each key's items in order and runs different keys side by side", async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const items = ['a1', 'b1', 'a2', 'c1', 'b2', 'a3'];
    await inKeyOrder(
      items,
      (i) => i[0] as string,
      3,
      async (item) => {
        running += 1;
        most = Math.max(most, running);
        log.push(`start ${item}`);
        await new Promise((r) => setTimeout(r, item.startsWith('a') ? 5 : 1));
        log.push(`end ${item}`);
        running -= 1;
      },
    );
    for (const key of ['a', 'b']) {
      const mine = log.filter((l) => l.endsWith(`${key}1`) || l.endsWith(`${key}2`) || l.endsWith(`${key}3`));
      // Each item of a key ends before the next one of that key starts.
      for (let i = 1; i < mine.length - 1; i += 2) expect(mine[i]?.startsWith('end')).toBe(true);
    }
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('end a2')).toBeLessThan(log.indexOf('start a3'));
    expect(most).toBe(3);
  });

  it('never runs more than the concurrency', async () => {
    let running = 0;
    let most = 0;
    await inKeyOrder(
      Array.from({ length: 20 }, (_, i) => i),
      String,
      4,
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 2));
        running -= 1;
      },
    );
    expect(most).toBe(4);
  });
});
