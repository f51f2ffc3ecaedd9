// Session tokens: HS256 JWTs. A warm function remembers the tokens it has verified until they expire; the cache must
// never accept what a fresh verification would refuse.
import { createTokenService } from '../../../src/auth/token.service';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';

afterEach(() => {
  jest.useRealTimers();
});

describe('token service', () => {
  it('verifies its own token, again and again, with the same claims', async () => {
    const tokens = createTokenService(SECRET, 3600);
    const { token } = await tokens.issue({ id: 'u1', role: 'judge', sessionId: 's1' });
    const first = await tokens.verify(token);
    expect(first).toEqual({ id: 'u1', role: 'judge', sessionId: 's1' });
    expect(await tokens.verify(token)).toEqual(first);
  });

  it('refuses a token once it expires, though it was verified (and remembered) before', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-22T08:00:00Z') });
    const tokens = createTokenService(SECRET, 60);
    const { token } = await tokens.issue({ id: 'u1', role: 'user', sessionId: 's1' });
    expect(await tokens.verify(token)).toEqual({ id: 'u1', role: 'user', sessionId: 's1' });
    jest.setSystemTime(new Date('2026-11-22T08:00:59Z'));
    expect(await tokens.verify(token)).toEqual({ id: 'u1', role: 'user', sessionId: 's1' });
    jest.setSystemTime(new Date('2026-11-22T08:01:00Z'));
    expect(await tokens.verify(token)).toBeUndefined();
    expect(await tokens.verify(token)).toBeUndefined();
  });

  it('refuses a remembered token changed by one character, and one signed with another secret', async () => {
    const tokens = createTokenService(SECRET, 3600);
    const { token } = await tokens.issue({ id: 'u1', role: 'user', sessionId: 's1' });
    expect(await tokens.verify(token)).toBeDefined();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const asAdmin = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(await tokens.verify(`${header}.${asAdmin}.${signature}`)).toBeUndefined();
    // A middle character: the last one of a base64url HMAC carries unused bits.
    const flipped = `${signature.slice(0, 5)}${signature[5] === 'A' ? 'B' : 'A'}${signature.slice(6)}`;
    expect(await tokens.verify(`${header}.${payload}.${flipped}`)).toBeUndefined();
    const other = await createTokenService('another-secret-of-at-least-thirty-two-bytes', 3600).issue({
      id: 'u1',
      role: 'user',
      sessionId: 's1',
    });
    expect(await tokens.verify(other.token)).toBeUndefined();
  });

  it('keeps working past the number of tokens it remembers', async () => {
    const tokens = createTokenService(SECRET, 3600);
    const issued = await Promise.all(
      Array.from({ length: 1100 }, (_, i) => tokens.issue({ id: `u${i}`, role: 'user', sessionId: `s${i}` })),
    );
    for (const { token } of issued) await tokens.verify(token);
    const results = await Promise.all(issued.map(({ token }) => tokens.verify(token)));
    expect(results.map((c) => c?.id)).toEqual(issued.map((_, i) => `u${i}`));
    // 3,300 signatures and checks: well under a second alone, but a loaded CI machine can take longer than jest's 5 s.
  }, 30_000);
});
