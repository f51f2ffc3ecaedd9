import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { USER_ROLES, type UserRole } from '@cic/shared';
import type { TokenClaims } from './auth-user';

const ISSUER = 'innovation-challenge';
const AUDIENCE = 'innovation-challenge-api';

export interface TokenService {
  issue(user: TokenClaims): Promise<{ token: string; expiresIn: number }>;
  /** Undefined for any token that is not ours, is tampered with or has expired. */
  verify(token: string): Promise<TokenClaims | undefined>;
}

export function createTokenService(secret: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(user) {
      const token = await new SignJWT({ role: user.role, ...(user.sessionKey ? { sk: user.sessionKey } : {}) })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
      return { token, expiresIn: ttlSeconds };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        const role = payload.role;
        if (typeof payload.sub !== 'string' || !USER_ROLES.includes(role as UserRole)) return undefined;
        return { id: payload.sub, role: role as UserRole, ...(typeof payload.sk === 'string' ? { sessionKey: payload.sk } : {}) };
      } catch (err) {
        if (err instanceof joseErrors.JOSEError) return undefined;
        throw err;
      }
    },
  };
}
