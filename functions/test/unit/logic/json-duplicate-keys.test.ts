// The repeated-key finder: a key said twice in one object is found wherever it is, however it is escaped, and
// nothing else is taken for a repeat (the same key in two array elements, a key-like string value).
import * as fc from 'fast-check';
import { duplicateKeyMessage, findDuplicateKey } from '../../../src/http/json-duplicate-keys';

/** The finder's answer for a text that JSON.parse accepts (the test fails if it does not: the finder assumes it). */
function find(text: string) {
  JSON.parse(text);
  return findDuplicateKey(text);
}

describe('findDuplicateKey', () => {
  it('finds a repeated key at the top level, which JSON.parse would hide', () => {
    const text = '{"budgetWan": 1, "budgetWan": 99999}';
    expect((JSON.parse(text) as { budgetWan: number }).budgetWan).toBe(99999);
    expect(find(text)).toEqual({ key: 'budgetWan', path: [] });
  });

  it.each([
    ['an empty object', '{}'],
    ['an empty array', '[]'],
    ['a number', '42'],
    ['a string', '"a"'],
    ['null', 'null'],
    ['distinct keys', '{"a":1,"b":2,"c":{"a":3}}'],
    ['the same key in two elements of an array', '[{"a":1},{"a":2}]'],
    ['the same key in objects nested in two array elements', '{"list":[{"x":{"a":1}},{"x":{"a":2}}]}'],
    ['the same key in a parent and its child', '{"a":{"a":{"a":1}}}'],
    ['the same key in two sibling objects', '{"x":{"k":1},"y":{"k":2}}'],
    ['a value equal to a key', '{"a":"a","b":"a"}'],
    ['strings in an array that look like keys', '{"a":["a","a"],"b":1}'],
    ['keys that differ only in case', '{"Title":1,"title":2}'],
    ['keys that differ only in normalisation (two properties for JSON.parse too)', '{"\u00e9":1,"e\u0301":2}'],
    ['a colon and braces inside strings', '{"a":"{\\"a\\":1}","b":"}:,{"}'],
    ['white space everywhere', ' \n{ "a" : [ 1 , { "a" : 2 } ] ,\t"b" : { } }\r\n'],
  ])('finds nothing in %s', (_case, text) => {
    expect(find(text)).toBeUndefined();
  });

  it('finds a repeat in a nested object, with the path of that object', () => {
    expect(find('{"weights":{"fit":1,"feasibility":2,"fit":3}}')).toEqual({ key: 'fit', path: ['weights'] });
    expect(find('{"a":{"b":{"c":{"d":1,"d":2}}}}')).toEqual({ key: 'd', path: ['a', 'b', 'c'] });
  });

  it('finds a repeat inside an element of an array, naming the element by its index', () => {
    expect(find('{"items":[{"x":1},{"x":1},{"y":1,"y":2}]}')).toEqual({ key: 'y', path: ['items', 2] });
    expect(find('[[],[{"a":1}],[{"b":1},{"c":[0,{"d":1,"d":1}]}]]')).toEqual({ key: 'd', path: [2, 1, 'c', 1] });
  });

  it('compares keys after unescaping: "a" and "\\u0061" are the same key', () => {
    expect(find('{"a":1,"\\u0061":2}')).toEqual({ key: 'a', path: [] });
    expect(find('{"\\u0074itle":1,"t\\u0069tle":2}')).toEqual({ key: 'title', path: [] });
    expect(find('{"\\ud842\\udfb7":1,"𠮷":2}')).toEqual({ key: '𠮷', path: [] });
    expect(find('{"a\\/b":1,"a/b":2}')).toEqual({ key: 'a/b', path: [] });
  });

  it('reads keys holding quotes and backslashes whole', () => {
    expect(find('{"a\\"b":1,"a\\"b":2}')).toEqual({ key: 'a"b', path: [] });
    expect(find('{"a\\\\":1,"a\\\\":2}')).toEqual({ key: 'a\\', path: [] });
    expect(find('{"\\\\":{"\\"":1},"\\"":2}')).toBeUndefined();
    expect(find('{"x\\\\":{"k\\"":1,"k\\u0022":2}}')).toEqual({ key: 'k"', path: ['x\\'] });
    expect(find('{"":1,"":2}')).toEqual({ key: '', path: [] });
  });

  it('returns the first repeat in reading order', () => {
    expect(find('{"a":{"b":1,"b":2},"a":3}')).toEqual({ key: 'b', path: ['a'] });
    expect(find('{"a":1,"b":{},"a":2,"b":3}')).toEqual({ key: 'a', path: [] });
  });

  it('handles nesting far deeper than the call stack would allow a recursive walk', () => {
    const depth = 100_000;
    expect(findDuplicateKey(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)).toBeUndefined();
    expect(findDuplicateKey(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toBeUndefined();
    const found = findDuplicateKey(`${'{"a":'.repeat(depth)}{"z":1,"z":2}${'}'.repeat(depth)}`);
    expect(found?.key).toBe('z');
    expect(found?.path).toHaveLength(depth);
  });

  it('takes linear time on many keys and many escapes', () => {
    const members = Array.from({ length: 50_000 }, (_, i) => `"\\u006b${i}":${i}`);
    const text = `{${members.join(',')},"\\u006b49999":0}`;
    const started = Date.now();
    expect(findDuplicateKey(text)).toEqual({ key: 'k49999', path: [] });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  describe('properties', () => {
    // Keys drawn to collide often (a small alphabet) and to need escapes (quotes, backslashes, controls, astral).
    const key = fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', '/', '\n', '\u0000', 'é', '𠮷'), maxLength: 4 });
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 5 })),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    }));

    /** JSON.stringify's escapes, or every UTF-16 unit of the key as \uXXXX: the same key for JSON.parse. */
    const spelled = (k: string, escapeAll: boolean) => {
      if (!escapeAll) return JSON.stringify(k);
      const units = Array.from({ length: k.length }, (_, i) => `\\u${k.charCodeAt(i).toString(16).padStart(4, '0')}`);
      return `"${units.join('')}"`;
    };

    it('finds nothing in JSON without repeats, however it is laid out', () => {
      fc.assert(
        fc.property(value, fc.constantFrom(undefined, 1, '\t'), (v, indent) => {
          expect(find(JSON.stringify(v, null, indent))).toBeUndefined();
        }),
      );
    });

    it('finds a repeat added to an object anywhere in random JSON, with its path', () => {
      const placed = fc.record({
        object: fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }),
        which: fc.nat(),
        extra: value,
        escapeAll: fc.boolean(),
        // Where the object sits: each step is an array (holding siblings before it) or an object (under a key).
        steps: fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('array' as const), before: fc.array(value, { maxLength: 2 }) }),
            fc.record({ kind: fc.constant('object' as const), key, siblings: fc.dictionary(key, value, { maxKeys: 2 }) }),
          ),
          { maxLength: 5 },
        ),
      });
      fc.assert(
        fc.property(placed, ({ object, which, extra, escapeAll, steps }) => {
          const keys = Object.keys(object);
          const repeated = keys[which % keys.length] as string;
          let text = `${JSON.stringify(object).slice(0, -1)},${spelled(repeated, escapeAll)}:${JSON.stringify(extra)}}`;
          const path: (string | number)[] = [];
          for (const step of steps) {
            if (step.kind === 'array') {
              text = `[${[...step.before.map((b) => JSON.stringify(b)), text].join(',')}]`;
              path.unshift(step.before.length);
            } else {
              // Siblings first, so the first repeat in reading order is the one we added (siblings have none).
              const siblings = Object.entries(step.siblings).filter(([k]) => k !== step.key);
              const members = [
                ...siblings.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`),
                `${JSON.stringify(step.key)}:${text}`,
              ];
              text = `{${members.join(',')}}`;
              path.unshift(step.key);
            }
          }
          expect(find(text)).toEqual({ key: repeated, path });
        }),
      );
    });
  });
});

describe('duplicateKeyMessage', () => {
  it('names the key, and where it is when it is not at the top', () => {
    expect(duplicateKeyMessage({ key: 'budgetWan', path: [] })).toBe('字段“budgetWan”重复出现');
    expect(duplicateKeyMessage({ key: 'fit', path: ['weights'] })).toBe('字段“fit”在 weights 中重复出现');
    expect(duplicateKeyMessage({ key: 'y', path: ['items', 2, 'z'] })).toBe('字段“y”在 items[2].z 中重复出现');
    expect(duplicateKeyMessage({ key: 'd', path: [0, 'c'] })).toBe('字段“d”在 [0].c 中重复出现');
  });
});
