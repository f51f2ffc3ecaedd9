// The hostile inputs of the reliability suite: fast-check arbitraries of malformed bodies, paths and headers for the
// fuzzing test, the script-in-text payloads the browser check renders, and the input contract of
// functions/src/http/route.ts written as an oracle (what a given request must be answered with, before any domain
// rule applies), so that every answer can be compared with the shared schema it claims to apply.
import { findDuplicateKey } from '../../../functions/src/http/json-duplicate-keys';
import fc from 'fast-check';
import type { Validated } from '@cic/shared';

/** JSON text written into the body as is: tokens JSON.stringify cannot produce (1e309, -0, 30 digits) or invalid ones. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A long string, built only when the body is written, so that 10,000 payloads stay small until they are sent. */
export class LongText {
  constructor(
    readonly unit: string,
    readonly count: number,
  ) {}
  get text(): string {
    return this.unit.repeat(this.count);
  }
}

export type Value = null | boolean | number | string | RawJson | LongText | Value[] | { [key: string]: Value };
export type Body = Record<string, Value>;

/** An object whose keys may be `__proto__`: set as own properties, never through the prototype setter. */
export function objectOf(entries: readonly (readonly [string, Value])[]): Body {
  const out: Body = {};
  for (const [key, value] of entries)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

export function toJson(value: Value): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof LongText) return JSON.stringify(value.text);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJson(value[key] as Value)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const withKey = (base: Body, key: string, value: Value): Body =>
  objectOf([...Object.entries(base).filter(([k]) => k !== key), [key, value]]);
const withoutKey = (base: Body, key: string): Body => objectOf(Object.entries(base).filter(([k]) => k !== key));

// ── What the text fields of the app may be sent ─────────────────────────────────────────────────────────────────

/** Script in text: each sets window.__xss or opens a dialog if anything ever runs it. */
export const SCRIPT_PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<svg onload="window.__xss=3">',
  '<a href="javascript:window.__xss=4">点我</a>',
  'javascript:window.__xss=5',
  '"><img src=x onerror=alert(6)>',
  '<iframe src="javascript:alert(7)"></iframe>',
  '<details open ontoggle="window.__xss=8">',
  '<body onload="window.__xss=9">',
  "'-alert(10)-'",
  '{{constructor.constructor("window.__xss=11")()}}',
  '${alert(12)}',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(13)>',
  '<!--<img src="--><img src=x onerror=alert(14)//">',
  '&lt;script&gt;alert(15)&lt;/script&gt;',
] as const;

/** Code points and sequences that break naive text handling. */
export const UNICODE_PIECES = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uDBFF\uDBFF',
  '\u202E', // right-to-left override
  '\u202D',
  '\u2066',
  '\u200B', // zero-width space
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u0000', // NUL
  '\u0007',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  '\u00A0',
  '\u2028',
  '\u2029',
  '\u3000',
  '\uFFFD',
  '\uFFFE',
  '\uFFFF',
  '\u{10FFFF}',
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}', // one family emoji, seven code points
  '\u{1F600}',
  '\u{20BB7}', // 𠮷, astral Han
  '\u{1D54F}',
  'e\u0301', // combining acute
  'Z\u0335\u0321\u031B\u0337\u0334\u0322\u0360\u0361\u0489', // stacked combining marks
  '\u0627\u0644\u0639\u0631\u0628\u064A\u0629', // Arabic, right to left
  '\u05E9\u05DC\u05D5\u05DD',
  '\uFDFD',
  '钛合金',
  ' ',
  '\t',
  '\n',
  '"',
  '\\',
  "'; DROP TABLE demands; --",
  '%00',
  '../../',
] as const;

/** Numbers a client might send as text. */
export const NUMERIC_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '-0',
  '0x1F',
  '1_000',
  ' 42 ',
  '４２',
  '٤٢',
  '1e-400',
  '9007199254740993',
  '0',
  '-1',
  'null',
  'true',
  '[]',
  '{}',
] as const;

/** Valid JSON numbers that are not what they look like once parsed: Infinity, -0, rounded, underflowing. */
export const RAW_NUMBERS = [
  '1e309',
  '-1e309',
  '-0',
  '1e-400',
  '1e-200',
  '-1e-131',
  '123456789012345678901234567890',
  '9007199254740993',
  '-9007199254740993',
  '0.1e1',
  '1E2',
  '5e-324',
  '1.7976931348623157e308',
  '0.30000000000000004',
] as const;

/** Not JSON numbers at all: a body containing one is not JSON. */
export const INVALID_NUMBER_TOKENS = ['NaN', 'Infinity', '-Infinity', '+1', '01', '.5', '1.', '0x10', '1e', '--1'] as const;

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Keys a client could add hoping they are stored: the server's own fields, roles, states. */
export const MASS_ASSIGNMENT_KEYS = [
  'id',
  'ownerId',
  'status',
  'role',
  'isAdmin',
  'version',
  'createdAt',
  'publishedAt',
  'followerCount',
  'submitterId',
  'judgeId',
  'userId',
  'closedAt',
  'safety',
  'history',
  'solutionCount',
] as const;

/** Names every plain object inherits: code that looks keys up in `{}` finds something there already. */
export const INHERITED_KEYS = [
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
] as const;

// ── The shape of each field, from the shared schemas' limits ──────────────────────────────────────────────────────

export type FieldSpec =
  | { type: 'text'; max: number; min?: number }
  | { type: 'number'; min: number; max: number; integer?: boolean }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; item: FieldSpec; max: number }
  | { type: 'bool' }
  | { type: 'true' }
  | { type: 'id'; known: readonly string[] }
  | { type: 'date' }
  | { type: 'object'; fields: Record<string, FieldSpec> }
  | { type: 'map'; keys: readonly string[]; values: readonly string[]; max: number };

interface Labelled {
  label: string;
  value: Value;
}

const L =
  (label: string) =>
  (value: Value): Labelled => ({ label, value });

const deepArray = (depth: number) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const deepObject = (depth: number, leaf = '1') => new RawJson(`${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`);

const unicodeText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...UNICODE_PIECES) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    ),
    {
      minLength: 1,
      maxLength: 14,
    },
  )
  .map((parts) => parts.join(''));

const markup = fc
  .tuple(fc.constantFrom(...SCRIPT_PAYLOADS), fc.constantFrom('', '钛合金焊接', 'abc', ' '), fc.boolean())
  .map(([payload, text, before]) => (before ? `${payload}${text}` : `${text}${payload}`));

/** Values of the wrong JSON type, whatever the field. */
const wrongType: fc.Arbitrary<Labelled> = fc.oneof(
  fc.constantFrom<Value>(null, true, false, 0, -1, 3.14, '', ' ', [], {}, [null], [[]], { value: 'x' }).map(L('wrong type')),
  fc.jsonValue({ maxDepth: 2 }).map((v) => L('random JSON')(v as Value)),
);

const hostileCommon: fc.Arbitrary<Labelled> = fc.oneof(
  { weight: 4, arbitrary: wrongType },
  { weight: 4, arbitrary: unicodeText.map(L('unicode edge cases')) },
  { weight: 3, arbitrary: markup.map(L('script in text')) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMERIC_STRINGS).map(L('number as text')) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_NUMBERS).map((n) => L(`raw number ${n}`)(new RawJson(n))) },
  { weight: 1, arbitrary: fc.constantFrom(1000, 5000).map((d) => L(`array nested ${d} deep`)(deepArray(d))) },
  { weight: 1, arbitrary: fc.constantFrom(1000, 2000).map((d) => L(`object nested ${d} deep`)(deepObject(d))) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        '{"__proto__":{"polluted":"yes"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '[{"__proto__":{"isAdmin":true}}]',
        '{"prototype":1}',
      )
      .map((raw) => L('prototype key in value')(new RawJson(raw))),
  },
);

function validOf(spec: FieldSpec): Value {
  switch (spec.type) {
    case 'text':
      return '钛'.repeat(Math.min(spec.max, Math.max(spec.min ?? 2, 2)));
    case 'number':
      return spec.min;
    case 'enum':
      return spec.values[0] as string;
    case 'list':
      return [validOf(spec.item)];
    case 'bool':
    case 'true':
      return true;
    case 'id':
      return spec.known[0] ?? 'abc';
    case 'date':
      return '2025-03-01';
    case 'object':
      return objectOf(Object.entries(spec.fields).map(([k, s]) => [k, validOf(s)]));
    case 'map':
      return objectOf([[spec.keys[0] as string, spec.values[0] as string]]);
  }
}

const TEXT_UNITS = ['a', '需', '\u{20BB7}', 'e\u0301', ' '] as const;

function hostileFor(spec: FieldSpec): fc.Arbitrary<Labelled> {
  switch (spec.type) {
    case 'text':
      return fc.oneof(
        fc
          .tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom(...TEXT_UNITS))
          .map(([extra, unit]) => L(`over the ${spec.max}-character maximum`)(new LongText(unit, spec.max + extra))),
        fc.constantFrom(...TEXT_UNITS).map((unit) => L(`exactly ${spec.max} characters`)(new LongText(unit, spec.max))),
        fc.integer({ min: 20_000, max: 70_000 }).map((n) => L('huge string')(new LongText('a', n))),
        fc.constantFrom('\u3000\u3000', '\u200B\u200B\u200B\u200B', '\u00A0\t\n', '\uFEFF').map(L('blank-looking text')),
        ...(spec.min ? [fc.constant(L(`under the ${spec.min}-character minimum`)('钛'.repeat(spec.min - 1)))] : []),
      );
    case 'number':
      return fc.oneof(
        fc
          .constantFrom(
            spec.min - 1,
            spec.max + 1,
            spec.min,
            spec.max,
            spec.max + 0.0001,
            spec.min - 0.0001,
            1.5,
            0.00001,
            Number.MAX_SAFE_INTEGER + 2,
            1e21,
            -1e21,
            Number.MAX_VALUE,
            -Number.MAX_VALUE,
            Number.MIN_VALUE,
            1e-200,
          )
          .map(L('boundary number')),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map(L('random number')),
        fc.integer().map(L('random integer')),
        fc.constantFrom(...INVALID_NUMBER_TOKENS).map((t) => L(`invalid number token ${t}`)(new RawJson(t))),
      );
    case 'enum':
      return fc.oneof(
        fc.constantFrom(...spec.values).map((v) => L('enum value changed')(v.toUpperCase())),
        fc.constantFrom(...spec.values).map((v) => L('enum value with spaces')(` ${v} `)),
        fc.constantFrom(...spec.values).map((v) => L('enum value in a list')([v])),
        fc
          .constantFrom('人工智能', 'OTHER', 'approve ', 'admin', 'accept', 'shortlist', 'industry', 'solution', 'other', 'null')
          .map(L('another vocabulary')),
        fc.string({ maxLength: 12 }).map(L('random enum')),
      );
    case 'list':
      return fc.oneof(
        fc.constant(L('empty list')([])),
        fc.constant(L(`${spec.max + 1} items`)(Array.from({ length: spec.max + 1 }, () => validOf(spec.item)))),
        fc
          .integer({ min: 1000, max: 8000 })
          .map((n) => L(`${n} items`)(new RawJson(`[${Array.from({ length: n }, () => toJson(validOf(spec.item))).join(',')}]`))),
        hostileFor(spec.item).map((h) => L(`item: ${h.label}`)([validOf(spec.item), h.value])),
        fc.constant(L('duplicate items')([validOf(spec.item), validOf(spec.item)])),
        fc.constant(L('nested list')([[validOf(spec.item)]])),
        fc.constant(L('list as text')(JSON.stringify([validOf(spec.item)]))),
        fc.constant(L('object where a list is expected')(objectOf([['0', validOf(spec.item)]]))),
      );
    case 'bool':
    case 'true':
      return fc
        .constantFrom<Value>('true', 'false', 1, 0, 'yes', false, [true], { value: true })
        .map(L('boolean of another type'));
    case 'id':
      return fc.oneof(
        fc
          .constantFrom(
            ...spec.known,
            '',
            ' ',
            '../../etc/passwd',
            'a b',
            'a\u0000',
            '需求',
            '\u202Eabc',
            "' OR '1'='1",
            '*',
            'null',
          )
          .map(L('bad or foreign id')),
        fc.integer({ min: 65, max: 400 }).map((n) => L(`${n}-character id`)('a'.repeat(n))),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/).map(L('unknown id')),
      );
    case 'date':
      return fc
        .constantFrom<Value>(
          '2025-02-30',
          '2025-13-01',
          '2025-1-1',
          '20250301',
          '2025/03/01',
          '0000-00-00',
          '9999-12-31',
          '+02025-03-01',
          '2025-03-01T00:00:00Z',
          1740787200000,
          '',
          '２０２５-03-01',
        )
        .map(L('bad date'));
    case 'object':
      return fc.oneof(
        fc.constantFrom(...Object.keys(spec.fields)).map((k) => L(`object without ${k}`)(withoutKey(validOf(spec) as Body, k))),
        fc
          .constantFrom(...Object.entries(spec.fields))
          .chain(([k, s]) => hostileFor(s).map((h) => L(`${k}: ${h.label}`)(withKey(validOf(spec) as Body, k, h.value)))),
        fc
          .constantFrom(...PROTOTYPE_KEYS, 'extra')
          .map((k) => L(`object with key ${k}`)(withKey(validOf(spec) as Body, k, objectOf([['polluted', 'yes']])))),
        fc.constant(L('list where an object is expected')([validOf(spec)])),
      );
    case 'map':
      return fc.oneof(
        fc.constant(L('empty map')({})),
        fc.constant(
          L(`${spec.max + 1} keys`)(
            objectOf(Array.from({ length: spec.max + 1 }, (_, i) => [`${spec.keys[0] ?? 'k'}${i}`, spec.values[0] as string])),
          ),
        ),
        fc.string({ maxLength: 80 }).map((k) => L('unknown key')(objectOf([[k, spec.values[0] as string]]))),
        fc
          .constantFrom(...PROTOTYPE_KEYS, '', ' ', 'a'.repeat(65))
          .map((k) => L(`key ${JSON.stringify(k).slice(0, 20)}`)(objectOf([[k, spec.values[0] as string]]))),
        hostileCommon.map((h) => L(`value: ${h.label}`)(objectOf([[spec.keys[0] as string, h.value]]))),
        fc.constant(L('list where a map is expected')([spec.values[0] as string])),
      );
  }
}

export function hostileValue(spec: FieldSpec): fc.Arbitrary<Labelled> {
  return fc.oneof({ weight: 3, arbitrary: hostileFor(spec) }, { weight: 2, arbitrary: hostileCommon });
}

// ── Requests ────────────────────────────────────────────────────────────────────────────────────────────────────────

export type Group =
  'field' | 'missing field' | 'extra key' | 'prototype key' | 'whole body' | 'size' | 'path' | 'content type' | 'if-match';

export type BodyBytes = string | Uint8Array | undefined;

/** One malformed or hostile request, made from the route's valid body (a fresh one per request). */
export interface Variant {
  group: Group;
  label: string;
  body: (base: Body | undefined) => BodyBytes;
  /** Replaces the route's {id} (decoded; it is percent-encoded when sent). */
  pathParam?: string;
  headers?: Record<string, string>;
}

export const MAX_BODY_BYTES = 64 * 1024;

/** A stand-in object for the junk sent to routes that read no body. */
const JUNK_BASE: Body = { note: '无需请求体', n: 1 };
const baseJson = (base: Body | undefined) => toJson(base ?? JUNK_BASE);
const asIs = (base: Body | undefined): BodyBytes => (base ? toJson(base) : undefined);

function fieldVariants(fields: Record<string, FieldSpec>): fc.Arbitrary<Variant> {
  const names = Object.keys(fields);
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .constantFrom(...names)
        .chain((field) => hostileValue(fields[field] as FieldSpec).map((h) => ({ field, h })))
        .map(({ field, h }): Variant => ({
          group: 'field',
          label: `${field}: ${h.label}`,
          body: (base) => toJson(withKey(base ?? {}, field, h.value)),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...names).map((field): Variant => ({
        group: 'missing field',
        label: `${field} left out`,
        body: (base) => toJson(withoutKey(base ?? {}, field)),
      })),
    },
  );
}

const extraKeyVariants: fc.Arbitrary<Variant> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...MASS_ASSIGNMENT_KEYS),
      fc.constantFrom(...INHERITED_KEYS),
      fc.constantFrom('', ' ', '__proto__ ', '__PROTO__', 'constructor.prototype', '["__proto__"]', '\u0000', '标题'),
      fc.string({ maxLength: 20 }),
    ),
    fc.oneof(
      fc.constantFrom<Value>(true, 'admin', 'published', 0, null),
      hostileCommon.map((h) => h.value),
    ),
  )
  .map(([key, value]): Variant => ({
    group: 'extra key',
    label: `extra key ${JSON.stringify(key)}`,
    body: (base) => toJson(withKey(base ?? JUNK_BASE, key, value)),
  }));

/** `__proto__`, `constructor` and `prototype`, written as JSON text so they arrive as keys, at the top or deep inside. */
const prototypeVariants: fc.Arbitrary<Variant> = fc
  .tuple(
    fc.constantFrom(...PROTOTYPE_KEYS),
    fc.constantFrom('top, first', 'top, last', 'inside a field', 'inside a list', '50 levels deep', '1,000 levels deep'),
    fc.constantFrom('{"isAdmin":true}', '{"polluted":"yes"}', '{"role":"admin"}', 'null', '"x"'),
  )
  .map(([key, where, inner]): Variant => {
    const entry = `${JSON.stringify(key)}:${inner}`;
    const nest = (depth: number) => `${'{"a":'.repeat(depth)}{${entry}}${'}'.repeat(depth)}`;
    return {
      group: 'prototype key',
      label: `${key} ${where}`,
      body: (base) => {
        const json = baseJson(base);
        const firstKey = Object.keys(base ?? JUNK_BASE)[0] ?? 'note';
        switch (where) {
          case 'top, first':
            return `{${entry},${json.slice(1)}`;
          case 'top, last':
            return `${json.slice(0, -1)},${entry}}`;
          case 'inside a field':
            return toJson(withKey(base ?? JUNK_BASE, firstKey, new RawJson(`{${entry}}`)));
          case 'inside a list':
            return toJson(withKey(base ?? JUNK_BASE, firstKey, new RawJson(`[{${entry}}]`)));
          case '50 levels deep':
            return toJson(withKey(base ?? JUNK_BASE, firstKey, new RawJson(nest(50))));
          default:
            return toJson(withKey(base ?? JUNK_BASE, firstKey, new RawJson(nest(1000))));
        }
      },
    };
  });

const INVALID_UTF8 = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]] as const;

/** A body that is not a JSON object: other JSON, no JSON, nothing, broken bytes, very deep. */
const wholeBodyVariants: fc.Arbitrary<Variant> = fc.oneof(
  // serverless-offline (not API Gateway) parses an application/json body and hands the function a JSON string's
  // content, or nothing for null and "", where API Gateway hands over the text as sent: those go as text/plain, so
  // that the function's own answer is what is checked.
  fc
    .constantFrom<[string, (json: string) => string]>(
      ['the body as a JSON string', (j) => JSON.stringify(j)],
      ['null', () => 'null'],
      ['""', () => '""'],
    )
    .map(([label, make]): Variant => ({
      group: 'whole body',
      label: `JSON: ${label}`,
      body: (base) => make(baseJson(base)),
      headers: { 'content-type': 'text/plain' },
    })),
  // …and hands it false and 0 as they are, not as text: sent as application/json, as a client would.
  fc.constantFrom('false', '0').map((json): Variant => ({ group: 'whole body', label: `JSON: ${json}`, body: () => json })),
  fc
    .constantFrom<[string, (json: string) => string]>(
      ['array holding the body', (j) => `[${j}]`],
      ['a number', () => '42'],
      ['true', () => 'true'],
      ['empty array', () => '[]'],
      ['empty object', () => '{}'],
      ['duplicate keys', (j) => `${j.slice(0, -1)},${j.slice(1)}`],
    )
    .map(([label, make]): Variant => ({ group: 'whole body', label: `JSON: ${label}`, body: (base) => make(baseJson(base)) })),
  fc
    .constantFrom<[string, (json: string) => string]>(
      ['trailing comma', (j) => `${j.slice(0, -1)},}`],
      ['single quotes', (j) => j.replace(/"/g, "'")],
      ['comment', (j) => `/* c */${j}`],
      ['byte order mark', (j) => `\uFEFF${j}`],
      ['trailing garbage', (j) => `${j}}`],
      ['two objects', (j) => `${j}${j}`],
      ['raw control character in a string', (j) => j.replace(/":"/, '":"\u0001\n')],
      ['bad escape', (j) => j.replace(/":"/, '":"\\x41')],
      ['NaN token', (j) => `${j.slice(0, -1)},"n":NaN}`],
      ['unquoted key', (j) => `{a:1,${j.slice(1)}`],
      ['form encoding', () => 'title=abc&role=admin'],
      ['XML', () => '<?xml version="1.0"?><demand><title>x</title></demand>'],
      ['JavaScript', () => '({title: "x"})'],
    )
    .map(([label, make]): Variant => ({
      group: 'whole body',
      label: `invalid JSON: ${label}`,
      body: (base) => make(baseJson(base)),
    })),
  fc.integer({ min: 1, max: 400 }).map((cut): Variant => ({
    group: 'whole body',
    label: 'invalid JSON: truncated',
    body: (base) => {
      const json = baseJson(base);
      return json.slice(0, Math.max(1, Math.min(json.length - 1, cut)));
    },
  })),
  fc
    .constantFrom('', ' ', '\n\t', '\u3000')
    .map((text): Variant => ({ group: 'whole body', label: `empty body ${JSON.stringify(text)}`, body: () => text })),
  fc.constant<Variant>({ group: 'whole body', label: 'no body', body: () => undefined }),
  fc.constantFrom(...INVALID_UTF8).map((bytes): Variant => ({
    group: 'whole body',
    label: `invalid UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')}`,
    body: (base) => {
      const json = baseJson(base);
      const key = Object.keys(base ?? JUNK_BASE)[0] ?? 'note';
      return Buffer.concat([Buffer.from(`${json.slice(0, -1)},${JSON.stringify(key)}:"`), Buffer.from(bytes), Buffer.from('"}')]);
    },
  })),
  fc
    .constantFrom(1000, 10_000, 30_000)
    .map((depth): Variant => ({ group: 'whole body', label: `array nested ${depth} deep`, body: () => deepArray(depth).text })),
  fc
    .constantFrom(1000, 5000)
    .map((depth): Variant => ({ group: 'whole body', label: `object nested ${depth} deep`, body: () => deepObject(depth).text })),
);

/** Bodies just under, at and over the 64 KB limit (grown through a text field), and far over it. */
function sizeVariants(textField: string | undefined): fc.Arbitrary<Variant> {
  return fc.oneof(
    fc.tuple(fc.integer({ min: -40, max: 40 }), fc.boolean()).map(([delta, wide]): Variant => ({
      group: 'size',
      label: `body of 64 KB ${delta >= 0 ? '+' : ''}${delta} bytes`,
      body: (base) => {
        const target = MAX_BODY_BYTES + delta;
        const key = textField ?? 'padding';
        const empty = Buffer.byteLength(toJson(withKey(base ?? JUNK_BASE, key, '')));
        // Three-byte characters first, when asked, so that the byte count and the character count differ.
        const wideCount = wide ? Math.floor((target - empty) / 3 / 2) : 0;
        const narrow = target - empty - wideCount * 3;
        return toJson(withKey(base ?? JUNK_BASE, key, `${'需'.repeat(wideCount)}${'a'.repeat(Math.max(0, narrow))}`));
      },
    })),
    fc.integer({ min: 70_000, max: 1_200_000 }).map((size): Variant => ({
      group: 'size',
      label: `body of ${Math.round(size / 1024)} KB`,
      body: (base) => toJson(withKey(base ?? JUNK_BASE, textField ?? 'padding', new LongText('x', size))),
    })),
  );
}

/** Path parameters that are not ids of ours. */
function pathVariants(): fc.Arbitrary<Variant> {
  const param = fc.oneof(
    fc.constantFrom(
      '../../me',
      '../',
      '..\\..\\admin',
      '....//',
      '%00',
      '\u0000',
      'a\u0000b',
      '需求',
      '\u202Eevil',
      '\u{1F600}',
      '\u200B',
      ' ',
      "' OR '1'='1",
      '{id}',
      '*',
      '$where',
      '<script>alert(1)</script>',
      'a;b',
      'a?b=c',
      'a#b',
      'a/b',
      'a.b',
      '__proto__',
      'constructor',
      'prototype',
      'null',
      'undefined',
    ),
    fc.integer({ min: 65, max: 3000 }).map((n) => 'a'.repeat(n)),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  );
  // `.` and `..` are path syntax, resolved (by the gateway, and by the client's URL parser) before any route is chosen.
  return param
    .filter((p) => p !== '.' && p !== '..' && isWellFormed(p))
    .map((p): Variant => ({ group: 'path', label: `path id ${JSON.stringify(p).slice(0, 40)}`, pathParam: p, body: asIs }));
}

/** What `compute` gives, or undefined when it throws. */
function unlessThrown<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

/** Lone surrogates cannot be percent-encoded: no client can put them in a URL. */
const isWellFormed = (text: string): boolean => unlessThrown(() => encodeURIComponent(text)) !== undefined;

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'image/png',
  'application/json;;;',
  '*/*',
  'NONE',
] as const;

const contentTypeVariants: fc.Arbitrary<Variant> = fc.constantFrom(...CONTENT_TYPES).map((type): Variant => ({
  group: 'content type',
  label: `content-type ${type}`,
  body: (base) => baseJson(base),
  headers: { 'content-type': type },
}));

const ifMatchVariants: fc.Arbitrary<Variant> = fc
  .constantFrom('abc', '"1"', 'W/"2"', '1e3', '-1', '99999999999999999999', '0x1', '*', '1, 2', '', '1.5', 'NaN')
  .map((value): Variant => ({
    group: 'if-match',
    label: `If-Match ${JSON.stringify(value)}`,
    body: asIs,
    headers: { 'if-match': value },
  }));

export interface RouteShape {
  /** The body's fields, for a route that reads a body. */
  fields?: Record<string, FieldSpec>;
  hasPathParam: boolean;
  ifMatch: boolean;
}

/**
 * Requests for one route. Most keep the valid body and change one thing in it, so they reach the shared schema;
 * the rest are bodies that are not JSON objects, prototype keys, sizes around the limit, bad ids and headers.
 */
export function variantArb(route: RouteShape): fc.Arbitrary<Variant> {
  const parts: fc.WeightedArbitrary<Variant>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<Variant>) => parts.push({ weight, arbitrary });
  if (route.fields) {
    const textField = Object.entries(route.fields).find(([, s]) => s.type === 'text')?.[0];
    add(62, fieldVariants(route.fields));
    add(6, extraKeyVariants);
    add(6, prototypeVariants);
    add(10, wholeBodyVariants);
    add(4, sizeVariants(textField));
    add(3, contentTypeVariants);
    if (route.hasPathParam) add(7, pathVariants());
    if (route.ifMatch) add(3, ifMatchVariants);
  } else {
    // Routes without a body must ignore whatever is sent, and refuse bad ids.
    if (route.hasPathParam) add(45, pathVariants());
    add(20, wholeBodyVariants);
    add(10, prototypeVariants);
    add(8, extraKeyVariants);
    add(5, sizeVariants(undefined));
    add(10, contentTypeVariants);
  }
  return fc.oneof(...parts);
}

// ── The input contract of route.ts ──────────────────────────────────────────────────────────────────────────────────

/** Paths carry only our own ids (a notification's id has a #, sent as %23). */
export const SAFE_PATH_PARAM = /^[A-Za-z0-9_#-]{1,80}$/;
/** A path parameter percent-decoded, as route.ts reads one the gateway left encoded; undefined when it cannot be. */
const decodedPathParam = (value: string): string | undefined =>
  value.includes('%') ? unlessThrown(() => decodeURIComponent(value)) : value;
const FORBIDDEN_KEYS = new Set<string>(PROTOTYPE_KEYS);

export type Verdict =
  | { kind: 'not found' }
  | { kind: 'too large' }
  | { kind: 'invalid json' }
  | { kind: 'validation'; isObject: boolean }
  | { kind: 'valid'; value: unknown };

/**
 * What the API must answer before any domain rule: a bad id 404, a body over the limit 413, a body that is not JSON
 * 400 INVALID_JSON, a prototype key or a body the shared schema refuses 400 VALIDATION; anything else is valid input.
 */
/** The contract of If-Match on the routes that read it: a version (`3`, `"3"`, `W/"3"`) or nothing. */
const IF_MATCH_VERSION = /^(?:W\/)?(?:"\d+"|\d+)$/;
const isVersion = (header: string) =>
  IF_MATCH_VERSION.test(header.trim()) && Number.isSafeInteger(Number(header.trim().replace(/^W\//, '').replace(/"/g, '')));

export function verdictOf(opts: {
  pathParam?: string;
  body: BodyBytes;
  validate?: (input: unknown) => Validated<unknown>;
  /** The If-Match header sent to a route that reads one. */
  ifMatch?: string;
}): Verdict {
  if (opts.pathParam !== undefined && !SAFE_PATH_PARAM.test(decodedPathParam(opts.pathParam) ?? '')) return { kind: 'not found' };
  if (!opts.validate) return { kind: 'valid', value: undefined };
  const text = opts.body === undefined ? '' : typeof opts.body === 'string' ? opts.body : Buffer.from(opts.body).toString('utf8');
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) return { kind: 'too large' };
  if (text.trim() === '') return { kind: 'invalid json' };
  let parsed: unknown;
  let forbidden = false;
  try {
    parsed = JSON.parse(text, (key, v: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden = true;
      return v;
    });
  } catch {
    return { kind: 'invalid json' };
  }
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  if (forbidden || findDuplicateKey(text) !== undefined) return { kind: 'validation', isObject };
  const checked = opts.validate(parsed);
  if (!checked.ok) return { kind: 'validation', isObject };
  if (opts.ifMatch !== undefined && !isVersion(opts.ifMatch)) return { kind: 'validation', isObject: false };
  return { kind: 'valid', value: checked.value };
}

/** The printable form of a request body for a report: escaped, and cut short. */
export function preview(body: BodyBytes, max = 300): string {
  if (body === undefined) return '(no body)';
  const text = typeof body === 'string' ? body : `bytes:${Buffer.from(body).toString('utf8')}`;
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return text.length > max ? `${shown} (${Buffer.byteLength(text)} bytes)` : shown;
}
