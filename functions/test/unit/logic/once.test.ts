import { once } from '../../../src/common/once';

describe('once', () => {
  it('builds on the first call and returns the same value after', () => {
    let builds = 0;
    const get = once(() => ({ n: (builds += 1) }));
    expect(builds).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(builds).toBe(1);
  });

  it('keeps a value that is undefined rather than building it again', () => {
    let builds = 0;
    const get = once(() => {
      builds += 1;
      return undefined;
    });
    get();
    get();
    expect(builds).toBe(1);
  });

  it('builds again on the next call after a build that threw, rather than keeping the failure', () => {
    let calls = 0;
    const get = once(() => {
      calls += 1;
      if (calls === 1) throw new Error('JWT_SECRET missing');
      return 'built';
    });
    expect(() => get()).toThrow('JWT_SECRET missing');
    expect(get()).toBe('built');
    expect(calls).toBe(2);
  });
});
