// What each test file of the weapp needs: the contest fixture on the local stack, made once, and one host per test,
// closed after it with the check that the WXML runtime warned of nothing and nothing was logged as an error.
import { contestFixture, type ContestFixture } from './contest-fixture';
import { startHost, type Host, type HostOptions } from './host';

export interface WeappSuite {
  /** Made in beforeAll. */
  readonly fixture: ContestFixture;
  /** The test's host; closed and checked after the test. */
  start(options?: HostOptions): Host;
}

export function weappSuite(): WeappSuite {
  let fixture: ContestFixture | undefined;
  let host: Host | undefined;

  beforeAll(async () => {
    fixture = await contestFixture();
  });

  afterEach(() => {
    // No WXML runtime warning and nothing logged as an error, whatever the state.
    const problems = host?.problems ?? [];
    host?.close();
    host = undefined;
    expect(problems).toEqual([]);
  });

  return {
    get fixture() {
      if (!fixture) throw new Error('the contest fixture is made in beforeAll');
      return fixture;
    },
    start(options) {
      host = startHost(options);
      return host;
    },
  };
}
