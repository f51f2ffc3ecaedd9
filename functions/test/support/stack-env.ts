// Lets a test call a Lambda handler in-process against the same local stack the HTTP API uses.
// (The stack's fake WeChat server is driven through functions/test/support/fake-wechat-control.ts.)
export function useStackFunctionEnv(): void {
  const env = process.env.STACK_FUNCTION_ENV;
  if (!env) throw new Error('STACK_FUNCTION_ENV is not set: run through jest (the integration project starts the stack)');
  Object.assign(process.env, JSON.parse(env) as Record<string, string>);
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
