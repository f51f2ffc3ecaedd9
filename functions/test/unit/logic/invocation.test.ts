// runAs names the running function for the local checks only: a deployed function (no instrumentation hook, neither
// check on) never starts the AsyncLocalStorage, which would slow every promise of its process.
import type * as InvocationModule from '../../../src/common/invocation';

type Invocation = typeof InvocationModule;

/** The module as a process loads it: with the local stack's DynamoDB hook installed (as serverless-offline and the stack's tests have it) or not (as on AWS). */
function load(env: Record<string, string>, hook = true): Invocation {
  delete process.env.IAM_SIMULATE;
  delete process.env.FAULT_DYNAMODB_RATE;
  Object.assign(process.env, env);
  globalThis.__cicInstrumentDynamo = hook ? () => undefined : undefined;
  let mod: Invocation | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual<Invocation>('../../../src/common/invocation');
  });
  return mod as Invocation;
}

afterEach(() => {
  delete process.env.IAM_SIMULATE;
  delete process.env.FAULT_DYNAMODB_RATE;
  globalThis.__cicInstrumentDynamo = undefined;
});

describe('runAs', () => {
  it.each([
    ['the IAM simulation enforces', { IAM_SIMULATE: 'enforce' }],
    ['the IAM simulation records', { IAM_SIMULATE: 'record' }],
    ['DynamoDB faults are injected', { FAULT_DYNAMODB_RATE: '0.1' }],
  ])('names the function while %s, across awaits and side by side', async (_why, env) => {
    const { runAs, currentFunction } = load(env);
    const seen: (string | undefined)[] = [];
    const probe = async () => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(currentFunction());
    };
    await Promise.all([runAs('demandsList', probe), runAs('meNotifications', probe)]);
    expect(seen.sort()).toEqual(['demandsList', 'meNotifications']);
    expect(currentFunction()).toBeUndefined();
  });

  it.each([
    ['nothing is set (as deployed)', {}],
    ['the checks are off', { IAM_SIMULATE: 'off', FAULT_DYNAMODB_RATE: '0' }],
  ])('does not track when %s, and still runs the function', async (_why, env) => {
    const { runAs, currentFunction } = load(env);
    await expect(runAs('demandsList', async () => currentFunction() ?? 'untracked')).resolves.toBe('untracked');
  });

  it('does not track where no instrumentation hook is installed (AWS), whatever the environment says', async () => {
    const { runAs, currentFunction } = load({ IAM_SIMULATE: 'enforce', FAULT_DYNAMODB_RATE: '0.5' }, false);
    await expect(runAs('demandsList', async () => currentFunction() ?? 'untracked')).resolves.toBe('untracked');
  });
});
