// Who calls the API in the authorisation matrix and the confidentiality crawl: people logged in through the dev login
// in each part they can play, and the credentials an attacker could bring (a token expired, signed with another
// secret, unsigned, with an edited payload, of a deleted account, not a JWT at all, with a garbled signature, or a real
// one under another scheme than Bearer). Every bad credential with claims claims an admin, so a check that let one
// through would show up as a success, not as a quieter 403.
import { SignJWT, UnsecuredJWT } from 'jose';
import type { AuthResponse, UserRole } from '@cic/shared';
import { call, login } from '../../../functions/test/support/api';

/** The claims the API issues (functions/src/auth/token.service.ts). */
export const TOKEN_ISSUER = 'innovation-challenge';
export const TOKEN_AUDIENCE = 'innovation-challenge-api';

/** People with a valid session, each in one part: an unrelated user, the demand's owner, the solution's submitter… */
export const PEOPLE = ['user', 'owner', 'submitter', 'judgeUnassigned', 'judgeAssigned', 'admin'] as const;
export type Person = (typeof PEOPLE)[number];

/**
 * Credentials that must never be taken: past their expiry, signed with another key, `alg: none`, payload edited,
 * account deleted, not a JWT (`not-a-jwt`), a real token with a character added to its signature, a real token sent as
 * `Basic` instead of `Bearer`.
 */
export const BAD_TOKENS = [
  'expired',
  'forged',
  'unsigned',
  'tampered',
  'deleted',
  'malformed',
  'garbled',
  'wrongScheme',
] as const;
export type BadToken = (typeof BAD_TOKENS)[number];

export type Actor = 'anonymous' | Person | BadToken;

export const ACTORS: readonly Actor[] = ['anonymous', ...PEOPLE, ...BAD_TOKENS];

export const ROLE_OF: Record<Person, UserRole> = {
  user: 'user',
  owner: 'user',
  submitter: 'user',
  judgeUnassigned: 'judge',
  judgeAssigned: 'judge',
  admin: 'admin',
};

export interface Claims {
  sub: string;
  role: UserRole;
  /** A login session of the account, as its real tokens carry one. */
  sid?: string;
}

/** The session id a real token carries. */
export const sessionIdOf = (token: string): string | undefined =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid?: string }).sid;

function stackSecret(): string {
  const secret = process.env.STACK_JWT_SECRET;
  if (!secret) throw new Error('STACK_JWT_SECRET is not set: run through jest (the reliability project starts the stack)');
  return secret;
}

/**
 * A token with the API's issuer and audience, signed HS256 with the stack's secret unless another is given.
 * Times are in seconds since the epoch.
 */
export async function signedToken(
  claims: Claims,
  opts: { secret?: string; issuedAt?: number; expiresAt?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: claims.role, ...(claims.sid ? { sid: claims.sid } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(opts.issuedAt ?? now)
    .setExpirationTime(opts.expiresAt ?? now + 3600)
    .sign(new TextEncoder().encode(opts.secret ?? stackSecret()));
}

/** The same claims with `alg: none` and no signature. */
export function unsignedToken(claims: Claims): string {
  return new UnsecuredJWT({ role: claims.role, ...(claims.sid ? { sid: claims.sid } : {}) })
    .setSubject(claims.sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .encode();
}

/** A real token whose payload is edited (say, `role: 'admin'`), keeping its header and signature. */
export function tamperedToken(token: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const edited = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
  return `${header}.${edited}.${signature}`;
}

/** Logs in, deletes the account with DELETE /me and returns the session it had (now dead). */
export async function deletedAccount(role: UserRole, nickname?: string): Promise<AuthResponse> {
  const auth = await login(role, nickname);
  const res = await call('DELETE', '/me', { token: auth.token });
  if (res.status !== 200) throw new Error(`DELETE /me failed: ${res.status} ${res.text}`);
  return auth;
}

export interface Cast {
  /** The token each actor holds (undefined: anonymous). */
  token: Record<Actor, string | undefined>;
  /** The Authorization header each actor sends: `Bearer <token>`, but for the token under another scheme. */
  authorization: Record<Actor, string | undefined>;
  id: Record<Person, string>;
}

export interface People {
  token: Record<Person, string>;
  id: Record<Person, string>;
}

/** Logs in one new person per part. */
export async function newPeople(): Promise<People> {
  const sessions = await Promise.all(PEOPLE.map((p) => login(ROLE_OF[p])));
  return {
    token: Object.fromEntries(PEOPLE.map((p, i) => [p, sessions[i]!.token])) as Record<Person, string>,
    id: Object.fromEntries(PEOPLE.map((p, i) => [p, sessions[i]!.user.id])) as Record<Person, string>,
  };
}

/** One person per part, and one token of each bad kind. */
export async function newCast(): Promise<Cast> {
  const { token: people, id } = await newPeople();
  const token: Record<Actor, string | undefined> = { anonymous: undefined, ...people } as Record<Actor, string | undefined>;
  // The admin's own account and open session: only the bad part of each token can make it fail.
  const asAdmin: Claims = { sub: id.admin, role: 'admin', ...(people.admin ? { sid: sessionIdOf(people.admin) } : {}) };
  const now = Math.floor(Date.now() / 1000);
  token.expired = await signedToken(asAdmin, { issuedAt: now - 7200, expiresAt: now - 60 });
  token.forged = await signedToken(asAdmin, { secret: `not-the-stack-secret-${'x'.repeat(32)}` });
  token.unsigned = unsignedToken(asAdmin);
  token.tampered = tamperedToken(token.user as string, { role: 'admin' });
  token.deleted = (await deletedAccount('admin')).token;
  token.malformed = 'not-a-jwt';
  token.garbled = `${people.admin}x`;
  token.wrongScheme = people.admin;
  const authorization = Object.fromEntries(
    ACTORS.map((a) => [a, token[a] === undefined ? undefined : `${a === 'wrongScheme' ? 'Basic' : 'Bearer'} ${token[a]}`]),
  ) as Record<Actor, string | undefined>;
  return { token, authorization, id };
}
