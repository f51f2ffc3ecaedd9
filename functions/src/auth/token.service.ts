import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { USER_ROLES, type UserRole } from '@cic/shared';
import type { TokenClaims } from './auth-user';

const ISSUER = 'innovation-challenge';
const AUDIENCE = 'innovation-challenge-api';

export interface TokenService {
  /** A token for one login session, valid for the service's time to live. */
  issue(claims: TokenClaims): Promise<{ token: string; expiresIn: number }>;
  /** Undefined for any token that is not ours, is tampered with or has expired. */
  verify(token: string): Promise<TokenClaims | undefined>;
}

/** Tokens a warm function has already verified, until they expire; the oldest go first beyond this many. */
const VERIFIED_CACHE_SIZE = 1000;

export function createTokenService(secret: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  // The same person sends the same token with every request. Checking its signature again would give the same answer
  // until it expires, and the string must match exactly, so a forged or altered token is never found here. (Whether
  // the session still stands is checked against the stored user on every request, after this.)
  const verified = new Map<string, { claims: TokenClaims; expiresAtMs: number }>();
  const remember = (token: string, claims: TokenClaims, exp: number | undefined) => {
    if (exp === undefined) return;
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
    verified.set(token, { claims, expiresAtMs: exp * 1000 });
  };
  return {
    async issue(claims) {
      const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
      return { token, expiresIn: ttlSeconds };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        // As jose decides: expired once the clock reaches exp.
        if (Date.now() < known.expiresAtMs) return known.claims;
        verified.delete(token);
      }
      try {
        // A token without an expiry would be good for ever: refused, as is one without its subject or session.
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'iat', 'sub', 'sid'],
        });
        const { role, sub, sid } = payload;
        if (typeof sub !== 'string' || typeof sid !== 'string' || !USER_ROLES.includes(role as UserRole)) return undefined;
        const claims: TokenClaims = { id: sub, role: role as UserRole, sessionId: sid };
        remember(token, Object.freeze(claims), payload.exp);
        return claims;
      } catch (err) {
        if (err instanceof joseErrors.JOSEError) return undefined;
        throw err;
      }
    },
  };
}
