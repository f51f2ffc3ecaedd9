// Signed page cursors: what we encode comes back, and anything we did not make for this list comes back undefined.
import { createHmac } from 'node:crypto';
import { createCursorCodec, type CursorPosition } from '../../../src/common/cursor';

const SECRET = 'cursor-test-secret-0123456789abcdef';
const codec = createCursorCodec(SECRET);
const SCOPE = 'demands:published';
const POSITION: CursorPosition = { pk: 'DEMAND#01J0ABCDEF', sk: 'published#2025-01-02T03:04:05.000Z', n: 42 };

function parts(cursor: string): [string, string] {
  const [payload, mac] = cursor.split('.');
  if (payload === undefined || mac === undefined) throw new Error(`not a cursor: ${cursor}`);
  return [payload, mac];
}

/** Signs a payload the way the codec does, so a test can hand it a well-signed cursor with any content. */
function signed(secret: string, content: unknown): string {
  const payload = Buffer.from(JSON.stringify(content)).toString('base64url');
  const mac = createHmac('sha256', `cursor:${secret}`).update(payload).digest().subarray(0, 16).toString('base64url');
  return `${payload}.${mac}`;
}

/** Replaces the character at i with another base64url character. */
function alterAt(text: string, i: number): string {
  const ch = text[i];
  const other = ch === 'A' ? 'B' : 'A';
  return `${text.slice(0, i)}${other}${text.slice(i + 1)}`;
}

describe('cursor codec', () => {
  it('round-trips a position', () => {
    const cursor = codec.encode(SCOPE, POSITION);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode(SCOPE, cursor)).toEqual(POSITION);
  });

  it('round-trips an empty position and unusual strings', () => {
    expect(codec.decode(SCOPE, codec.encode(SCOPE, {}))).toEqual({});
    const odd: CursorPosition = { q: '钛合金 . "quoted" / 𠮷', zero: 0, neg: -1.5 };
    expect(codec.decode(SCOPE, codec.encode(SCOPE, odd))).toEqual(odd);
  });

  it('a new codec with the same secret reads the cursor (no per-instance state)', () => {
    expect(createCursorCodec(SECRET).decode(SCOPE, codec.encode(SCOPE, POSITION))).toEqual(POSITION);
  });

  it('is undefined for another scope', () => {
    const cursor = codec.encode(SCOPE, POSITION);
    expect(codec.decode('demands:mine', cursor)).toBeUndefined();
    expect(codec.decode('', cursor)).toBeUndefined();
  });

  it('is undefined when the payload was altered', () => {
    const [payload, mac] = parts(codec.encode(SCOPE, POSITION));
    expect(codec.decode(SCOPE, `${alterAt(payload, 0)}.${mac}`)).toBeUndefined();
    expect(codec.decode(SCOPE, `${alterAt(payload, payload.length - 1)}.${mac}`)).toBeUndefined();
    // Another valid payload under the old MAC.
    const [otherPayload] = parts(codec.encode(SCOPE, { ...POSITION, n: 43 }));
    expect(codec.decode(SCOPE, `${otherPayload}.${mac}`)).toBeUndefined();
  });

  it('is undefined when the MAC was altered, truncated or dropped', () => {
    const [payload, mac] = parts(codec.encode(SCOPE, POSITION));
    expect(codec.decode(SCOPE, `${payload}.${alterAt(mac, 0)}`)).toBeUndefined();
    expect(codec.decode(SCOPE, `${payload}.${alterAt(mac, 10)}`)).toBeUndefined();
    expect(codec.decode(SCOPE, `${payload}.${mac.slice(0, -4)}`)).toBeUndefined();
    expect(codec.decode(SCOPE, `${payload}.`)).toBeUndefined();
    expect(codec.decode(SCOPE, payload)).toBeUndefined();
  });

  // Base64url decoding forgives stray characters: the MAC must match as text.
  it('is undefined when the MAC text was altered without changing its bytes', () => {
    const [payload, mac] = parts(codec.encode(SCOPE, POSITION));
    expect(codec.decode(SCOPE, `${payload}.${mac}!`)).toBeUndefined();
    expect(codec.decode(SCOPE, `${payload}.${mac}==`)).toBeUndefined();
    expect(codec.decode(SCOPE, `${payload}.${mac.slice(0, 5)} ${mac.slice(5)}`)).toBeUndefined();
  });

  it('is undefined with an extra dot segment', () => {
    const cursor = codec.encode(SCOPE, POSITION);
    expect(codec.decode(SCOPE, `${cursor}.x`)).toBeUndefined();
    expect(codec.decode(SCOPE, `${cursor}.`)).toBeUndefined();
    const [payload, mac] = parts(cursor);
    expect(codec.decode(SCOPE, `${payload}..${mac}`)).toBeUndefined();
    expect(codec.decode(SCOPE, `.${cursor}`)).toBeUndefined();
  });

  it('is undefined for non-base64 garbage', () => {
    for (const garbage of ['', '.', '..', 'garbage', '!!!.@@@', '%%%%.%%%%', '钛合金.钛合金', 'null.null', '{"s":"x"}.abc']) {
      expect(codec.decode(SCOPE, garbage)).toBeUndefined();
    }
  });

  it('is undefined for a cursor signed with another secret', () => {
    const foreign = createCursorCodec('another-secret-of-at-least-32-characters').encode(SCOPE, POSITION);
    expect(codec.decode(SCOPE, foreign)).toBeUndefined();
    expect(codec.decode(SCOPE, signed('another-secret-of-at-least-32-characters', { s: SCOPE, p: POSITION }))).toBeUndefined();
  });

  it('accepts a correctly signed payload (the signing helper matches the codec)', () => {
    expect(codec.decode(SCOPE, signed(SECRET, { s: SCOPE, p: POSITION }))).toEqual(POSITION);
  });

  it('is undefined for well-signed payloads whose position values are not strings or numbers', () => {
    for (const bad of [true, null, { nested: 1 }, [1, 2]]) {
      expect(codec.decode(SCOPE, signed(SECRET, { s: SCOPE, p: { ok: 'x', bad } }))).toBeUndefined();
    }
    // The same through encode, which the type would normally forbid.
    const viaEncode = codec.encode(SCOPE, { flag: false } as unknown as CursorPosition);
    expect(codec.decode(SCOPE, viaEncode)).toBeUndefined();
  });

  it('is undefined for well-signed payloads of the wrong shape', () => {
    for (const content of [
      null,
      42,
      'text',
      [SCOPE, POSITION],
      { s: SCOPE },
      { s: SCOPE, p: null },
      { s: SCOPE, p: 'x' },
      { p: POSITION },
    ]) {
      expect(codec.decode(SCOPE, signed(SECRET, content))).toBeUndefined();
    }
    // A well-signed payload that is not JSON at all.
    const payload = Buffer.from('not json').toString('base64url');
    const mac = createHmac('sha256', `cursor:${SECRET}`).update(payload).digest().subarray(0, 16).toString('base64url');
    expect(codec.decode(SCOPE, `${payload}.${mac}`)).toBeUndefined();
  });
});
