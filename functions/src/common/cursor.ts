// Opaque, signed page cursors. A client can only hand back a cursor we made, for the same list it came from, so a
// forged or mangled cursor is a clear 400 instead of a strange DynamoDB error.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type CursorPosition = Record<string, string | number>;

export interface CursorCodec {
  encode(scope: string, position: CursorPosition): string;
  /** Undefined when the cursor is not ours, was altered, or belongs to another list. */
  decode(scope: string, cursor: string): CursorPosition | undefined;
}

export function createCursorCodec(secret: string): CursorCodec {
  const sign = (payload: string) => createHmac('sha256', `cursor:${secret}`).update(payload).digest().subarray(0, 16);
  return {
    encode(scope, position) {
      const payload = Buffer.from(JSON.stringify({ s: scope, p: position })).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    decode(scope, cursor) {
      const [payload, mac, extra] = cursor.split('.');
      if (!payload || !mac || extra !== undefined) return undefined;
      // Compare the text, not decoded bytes: base64url decoding forgives stray characters, and a cursor has one spelling.
      const expected = Buffer.from(sign(payload).toString('base64url'));
      const given = Buffer.from(mac);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null) return undefined;
        const { s, p } = parsed as { s?: unknown; p?: unknown };
        if (s !== scope || typeof p !== 'object' || p === null) return undefined;
        const position: CursorPosition = {};
        for (const [k, v] of Object.entries(p)) {
          if (typeof v !== 'string' && typeof v !== 'number') return undefined;
          position[k] = v;
        }
        return position;
      } catch {
        return undefined;
      }
    },
  };
}
