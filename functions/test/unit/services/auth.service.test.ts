// Login and tokens: dev login behind its switch, WeChat login mapped from the port's answers to stable opaque user ids,
// and tokens that verify only when they are ours, untouched and unexpired.

import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import type { UserRole } from '@cic/shared';
import { createAuthService, MAX_SESSIONS } from '../../../src/auth/auth.service';
import { createTokenService } from '../../../src/auth/token.service';
import type { WechatSession } from '../../../src/auth/wechat-session.port';
import { createFixedClock } from '../../fakes/fixed-clock';
import { createInMemoryUserRepository } from '../../fakes/in-memory-user.repository';
import { createScriptedWechatSession } from '../../fakes/scripted-wechat-session';
import { errorOf, unwrap } from './expect-result';

const SECRET = 'unit-test-jwt-secret-of-some-length';
const TTL = 7 * 24 * 3600;
const ISSUER = 'innovation-challenge';
const AUDIENCE = 'innovation-challenge-api';
const OPENID = 'oAbC123-openid_XYZ';
const UNIONID = 'uNiOn-456';

const SCRIPT: Record<string, WechatSession> = {
  'code-ok': { ok: true, openid: OPENID, unionid: UNIONID },
  'code-ok-again': { ok: true, openid: OPENID },
  'code-other': { ok: true, openid: 'oTheOtherPersonsOpenid' },
  'code-used': { ok: false, reason: 'invalid_code', errcode: 40163 },
  'code-down': { ok: false, reason: 'unavailable' },
  'code-busy': { ok: false, reason: 'unavailable', errcode: -1 },
};

function setup(opts: { devLoginEnabled?: boolean; appScope?: string } = {}) {
  const clock = createFixedClock();
  const users = createInMemoryUserRepository();
  const tokens = createTokenService(SECRET, TTL);
  const wechat = createScriptedWechatSession(SCRIPT);
  const auth = createAuthService({
    users,
    tokens,
    wechat,
    clock,
    devLoginEnabled: opts.devLoginEnabled ?? true,
    appScope: opts.appScope ?? 'wx0123456789abcdef',
    sessionSeconds: TTL,
  });
  return { clock, users, tokens, wechat, auth };
}

const key = (secret: string) => new TextEncoder().encode(secret);

describe('devLogin', () => {
  it('is AUTH.DEV_LOGIN_DISABLED unless enabled, and creates no user', async () => {
    const h = setup({ devLoginEnabled: false });
    errorOf(await h.auth.devLogin({ nickname: 'alice', role: 'admin' }), 'AUTH.DEV_LOGIN_DISABLED');
    expect(h.users.all()).toEqual([]);
  });

  it('logs in as the named user with a token that verifies to them', async () => {
    const h = setup();
    const session = unwrap(await h.auth.devLogin({ nickname: 'alice', role: 'admin' }));
    expect(session).toEqual({
      token: expect.any(String),
      expiresIn: TTL,
      user: { id: expect.stringMatching(/^dev_[A-Za-z0-9_-]{22}$/), nickname: 'alice', role: 'admin' },
    });
    expect(session.user.id).not.toContain('alice');
    const [sessionId] = Object.keys(h.users.all()[0]?.sessions ?? {});
    expect(sessionId).toMatch(/^[\w-]{16}$/);
    expect(await h.tokens.verify(session.token)).toEqual({ id: session.user.id, role: 'admin', sessionId });
    expect(h.users.all()).toEqual([
      {
        ...session.user,
        createdAt: h.clock.iso(),
        identityKey: expect.stringMatching(/^identity#dev#[\w-]{43}$/),
        sessions: { [sessionId!]: Math.floor(h.clock.now().getTime() / 1000) + TTL },
      },
    ]);
    expect(JSON.stringify(h.users.identities())).not.toContain('alice');
  });

  it('gives the same id to the same nickname and role, and keeps the first user', async () => {
    const h = setup();
    const createdAt = h.clock.iso();
    const first = unwrap(await h.auth.devLogin({ nickname: 'alice', role: 'user' }));
    h.clock.advance(3_600_000);
    const again = unwrap(await h.auth.devLogin({ nickname: 'alice', role: 'user' }));
    expect(again.user).toEqual(first.user);
    expect(await h.users.get(first.user.id)).toEqual({
      ...first.user,
      createdAt,
      identityKey: expect.any(String),
      sessions: expect.any(Object),
    });
    expect(Object.keys((await h.users.get(first.user.id))!.sessions)).toHaveLength(2);
    expect(h.users.all()).toHaveLength(1);
  });

  it('ends the sessions of a deleted account; the same person signing up again gets a new, empty account', async () => {
    const h = setup();
    const before = unwrap(await h.auth.devLogin({ nickname: 'bob', role: 'user' }));
    const claims = await h.tokens.verify(before.token);
    expect(await h.auth.currentUser(claims)).toEqual({ id: before.user.id, role: 'user', sessionId: claims?.sessionId });
    await h.users.remove((await h.users.get(before.user.id))!);
    expect(await h.auth.currentUser(claims)).toBeUndefined();
    const after = unwrap(await h.auth.devLogin({ nickname: 'bob', role: 'user' }));
    expect(after.user.id).not.toBe(before.user.id);
    expect(await h.auth.currentUser(claims)).toBeUndefined();
    const afterClaims = await h.tokens.verify(after.token);
    expect(await h.auth.currentUser(afterClaims)).toEqual({ id: after.user.id, role: 'user', sessionId: afterClaims?.sessionId });
  });

  it('logs out one session: that token stops working, the other device stays logged in', async () => {
    const h = setup();
    const phone = unwrap(await h.auth.devLogin({ nickname: 'carol', role: 'user' }));
    const tablet = unwrap(await h.auth.devLogin({ nickname: 'carol', role: 'user' }));
    const phoneUser = await h.auth.currentUser(await h.tokens.verify(phone.token));
    expect(phoneUser).toBeDefined();
    unwrap(await h.auth.logout(phoneUser!));
    expect(await h.auth.currentUser(await h.tokens.verify(phone.token))).toBeUndefined();
    expect(await h.auth.currentUser(await h.tokens.verify(tablet.token))).toMatchObject({ id: tablet.user.id });
  });

  it(`keeps at most ${MAX_SESSIONS} sessions: a further login ends the oldest; expired sessions are dropped`, async () => {
    const h = setup();
    const tokens: string[] = [];
    for (let i = 0; i <= MAX_SESSIONS; i += 1) {
      tokens.push(unwrap(await h.auth.devLogin({ nickname: 'dave', role: 'user' })).token);
      h.clock.advance(1000);
    }
    expect(await h.auth.currentUser(await h.tokens.verify(tokens[0]!))).toBeUndefined();
    expect(await h.auth.currentUser(await h.tokens.verify(tokens[1]!))).toBeDefined();
    const [user] = h.users.all();
    expect(Object.keys(user!.sessions)).toHaveLength(MAX_SESSIONS);
    // A session past its expiry is refused (the clock of the sessions, not only the token's own exp) and dropped.
    h.clock.advance(TTL * 1000);
    expect(await h.auth.currentUser({ id: user!.id, role: 'user', sessionId: Object.keys(user!.sessions)[0]! })).toBeUndefined();
    unwrap(await h.auth.devLogin({ nickname: 'dave', role: 'user' }));
    expect(Object.keys(h.users.all()[0]!.sessions)).toHaveLength(1);
  });

  it('gives a different id for a different role or nickname', async () => {
    const h = setup();
    const ids = new Set<string>();
    for (const [nickname, role] of [
      ['alice', 'user'],
      ['alice', 'admin'],
      ['alice', 'judge'],
      ['bob', 'user'],
    ] as [string, UserRole][]) {
      ids.add(unwrap(await h.auth.devLogin({ nickname, role })).user.id);
    }
    expect(ids.size).toBe(4);
  });
});

describe('loginWithWechat', () => {
  it.each([
    ['code-used', 'AUTH.WECHAT_CODE_INVALID'],
    ['code-never-issued', 'AUTH.WECHAT_CODE_INVALID'],
    ['code-down', 'AUTH.WECHAT_UNAVAILABLE'],
    ['code-busy', 'AUTH.WECHAT_UNAVAILABLE'],
  ] as const)('maps a failed %s to %s and creates no user', async (code, expected) => {
    const h = setup();
    errorOf(await h.auth.loginWithWechat(code), expected);
    expect(h.wechat.calls).toEqual([code]);
    expect(h.users.all()).toEqual([]);
  });

  it('logs in a WeChat user under an opaque wx_ id that does not reveal the openid', async () => {
    const h = setup();
    const session = unwrap(await h.auth.loginWithWechat('code-ok'));
    expect(h.wechat.calls).toEqual(['code-ok']);
    expect(session).toEqual({
      token: expect.any(String),
      expiresIn: TTL,
      user: { id: expect.stringMatching(/^wx_[A-Za-z0-9_-]{22}$/), nickname: '微信用户', role: 'user' },
    });
    expect(session.user.id).not.toContain(OPENID);
    const sent = JSON.stringify(session);
    expect(sent).not.toContain(OPENID);
    expect(sent).not.toContain(UNIONID);
    const stored = await h.users.get(session.user.id);
    const [sessionId] = Object.keys(stored?.sessions ?? {});
    expect(await h.tokens.verify(session.token)).toEqual({ id: session.user.id, role: 'user', sessionId });
    // The WeChat identity is kept, on the server only, and no key holds the openid itself.
    expect(stored).toEqual({
      ...session.user,
      createdAt: h.clock.iso(),
      openid: OPENID,
      unionid: UNIONID,
      identityKey: expect.stringMatching(/^identity#wx#[\w-]{43}$/),
      sessions: { [sessionId!]: expect.any(Number) },
    });
    expect(JSON.stringify(h.users.identities())).not.toContain(OPENID);
  });

  it('stores no unionid when WeChat gives none', async () => {
    const h = setup();
    const session = unwrap(await h.auth.loginWithWechat('code-other'));
    const stored = await h.users.get(session.user.id);
    expect(stored).toMatchObject({ openid: 'oTheOtherPersonsOpenid' });
    expect(stored && 'unionid' in stored).toBe(false);
  });

  it('gives the same person the same id on every login, and another person another id', async () => {
    const h = setup();
    const first = unwrap(await h.auth.loginWithWechat('code-ok'));
    h.clock.advance(60_000);
    const again = unwrap(await h.auth.loginWithWechat('code-ok-again'));
    const other = unwrap(await h.auth.loginWithWechat('code-other'));
    expect(again.user.id).toBe(first.user.id);
    expect(other.user.id).not.toBe(first.user.id);
    expect(h.users.all()).toHaveLength(2);
    // The first login's record is kept, unionid included.
    expect(await h.users.get(first.user.id)).toMatchObject({ unionid: UNIONID });
  });

  it('scopes ids to the app: the same openid under another appid is another user', async () => {
    const a = unwrap(await setup({ appScope: 'wx-app-a' }).auth.loginWithWechat('code-ok'));
    const b = unwrap(await setup({ appScope: 'wx-app-b' }).auth.loginWithWechat('code-ok'));
    expect(a.user.id).not.toBe(b.user.id);
  });

  it('does not depend on the dev login switch', async () => {
    const h = setup({ devLoginEnabled: false });
    const session = unwrap(await h.auth.loginWithWechat('code-ok'));
    expect(session.user.id.startsWith('wx_')).toBe(true);
  });
});

describe('the token service', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it.each(['user', 'admin', 'judge'] as const)('round-trips a %s', async (role) => {
    const tokens = createTokenService(SECRET, TTL);
    const { token, expiresIn } = await tokens.issue({ id: 'u-1', role, sessionId: 's-1' });
    expect(expiresIn).toBe(TTL);
    expect(await tokens.verify(token)).toEqual({ id: 'u-1', role, sessionId: 's-1' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'u-1', role, iss: ISSUER, aud: AUDIENCE });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(TTL);
  });

  it('refuses a token signed with another secret', async () => {
    const { token } = await createTokenService('some-other-secret', TTL).issue({ id: 'u-1', role: 'admin', sessionId: 's-1' });
    expect(await createTokenService(SECRET, TTL).verify(token)).toBeUndefined();
  });

  it('accepts a token until its ttl has passed (1 s ttl, fake time)', async () => {
    const start = Date.parse('2025-03-01T08:00:00.000Z');
    jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval'] });
    const tokens = createTokenService(SECRET, 1);
    const { token } = await tokens.issue({ id: 'u-1', role: 'user', sessionId: 's-1' });
    jest.setSystemTime(start + 999);
    expect(await tokens.verify(token)).toEqual({ id: 'u-1', role: 'user', sessionId: 's-1' });
    jest.setSystemTime(start + 1_000);
    expect(await tokens.verify(token)).toBeUndefined();
  });

  it('refuses an expired token crafted with jose', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: 'user', sid: 's-1' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('u-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(key(SECRET));
    expect(await createTokenService(SECRET, TTL).verify(token)).toBeUndefined();
  });

  async function craft(
    claims: Record<string, unknown>,
    opts: { issuer?: string; audience?: string; subject?: string | null; alg?: string; noExpiry?: boolean } = {},
  ): Promise<string> {
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' })
      .setIssuer(opts.issuer ?? ISSUER)
      .setAudience(opts.audience ?? AUDIENCE)
      .setIssuedAt();
    if (!opts.noExpiry) jwt = jwt.setExpirationTime('1h');
    if (opts.subject !== null) jwt = jwt.setSubject(opts.subject ?? 'u-1');
    return jwt.sign(key(SECRET));
  }

  it('accepts a well-formed token crafted the same way (the checks below fail for their own reason)', async () => {
    expect(await createTokenService(SECRET, TTL).verify(await craft({ role: 'judge', sid: 's-1' }))).toEqual({
      id: 'u-1',
      role: 'judge',
      sessionId: 's-1',
    });
  });

  it.each<[string, () => Promise<string>]>([
    ['another issuer', () => craft({ role: 'user', sid: 's-1' }, { issuer: 'someone-else' })],
    ['another audience', () => craft({ role: 'user', sid: 's-1' }, { audience: 'another-api' })],
    ['no subject', () => craft({ role: 'user', sid: 's-1' }, { subject: null })],
    ['an unknown role', () => craft({ role: 'superuser', sid: 's-1' })],
    ['no role', () => craft({ sid: 's-1' })],
    ['no session', () => craft({ role: 'user' })],
    ['no expiry (it would be good for ever)', () => craft({ role: 'user', sid: 's-1' }, { noExpiry: true })],
    ['another algorithm', () => craft({ role: 'user', sid: 's-1' }, { alg: 'HS512' })],
    [
      'no signature (alg none)',
      async () =>
        new UnsecuredJWT({ role: 'admin', sid: 's-1' })
          .setSubject('u-1')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('1h')
          .encode(),
    ],
    [
      'a payload altered after signing',
      async () => {
        const { token } = await createTokenService(SECRET, TTL).issue({ id: 'u-1', role: 'user', sessionId: 's-1' });
        const [header, payload, signature] = token.split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
        const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
    ],
    ['not a token at all', async () => 'not-a-token'],
    ['an empty string', async () => ''],
  ])('refuses %s', async (_name, make) => {
    expect(await createTokenService(SECRET, TTL).verify(await make())).toBeUndefined();
  });
});
