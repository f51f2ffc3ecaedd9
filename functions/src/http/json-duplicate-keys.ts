// JSON.parse keeps the last of two equal keys without a word, so `{"budgetWan": 1, "budgetWan": 99999}` shows a
// reviewer's tooling (or a log, or a proxy that keeps the first) one value while we store the other. A body that says
// one field twice is refused instead; this finds the repeat.

/** Where a key is repeated: the key (unescaped) and the path of the object that holds it ([] for the body itself). */
export interface DuplicateKey {
  key: string;
  path: (string | number)[];
}

type Frame = { kind: 'object'; keys: Set<string>; current: string | undefined } | { kind: 'array'; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The index of the quote that closes the string opened at `start`. */
function closingQuote(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i;
    else i += 1;
  }
  return i;
}

function pathOf(stack: readonly Frame[]): (string | number)[] {
  // Every frame but the innermost says which of its members the next frame is.
  return stack.slice(0, -1).map((frame) => (frame.kind === 'array' ? frame.index : (frame.current ?? '')));
}

/**
 * The first key that appears twice in the same object of `text`, which must already be known to be valid JSON
 * (JSON.parse accepted it). Keys are compared as JSON.parse sees them, so "a" and "\u0061" are the same key; the same
 * key in two elements of an array is two objects, not a repeat.
 *
 * One pass with an explicit stack, no recursion: a body nested 30,000 deep must not overflow the call stack, and each
 * character is looked at once (a key with escapes is unescaped by JSON.parse of its own few characters).
 */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const stack: Frame[] = [];
  // True right after `{` or after `,` inside an object: the next string is a key, not a value.
  let expectingKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = closingQuote(text, i);
      const top = stack[stack.length - 1];
      if (expectingKey && top?.kind === 'object') {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys.has(key)) return { key, path: pathOf(stack) };
        top.keys.add(key);
        top.current = key;
        expectingKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === '{') {
      stack.push({ kind: 'object', keys: new Set(), current: undefined });
      expectingKey = true;
    } else if (c === '[') {
      stack.push({ kind: 'array', index: 0 });
      expectingKey = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectingKey = false;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index += 1;
      else expectingKey = true;
    }
    // `:`, white space, numbers, true, false and null say nothing about keys.
    i += 1;
  }
  return undefined;
}

/**
 * The field error for a repeat, keyed (as a forbidden key is) by the key itself: `字段“budgetWan”重复出现`, with the
 * place when the object holding it is not the body itself (`字段“fit”在 weights 中重复出现`).
 */
export function duplicateKeyMessage({ key, path }: DuplicateKey): string {
  if (path.length === 0) return `字段“${key}”重复出现`;
  const where = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return `字段“${key}”在 ${where} 中重复出现`;
}
