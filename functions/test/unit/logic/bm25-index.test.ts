// The search index: bigram tokenisation of Chinese technical text, whole Latin/number words, BM25 ranking with a title
// boost, the all-terms rule for short queries, and upsert/remove bookkeeping; the posting lists underneath; a check
// of all of it against a plain BM25. The last block runs over the real demands in data/jstec-demands.jsonl.
import { normalizeText } from '@cic/shared';
import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexTerms, queryTerms, termKey } from '../../../src/search/bigram-tokenizer';
import { Bm25Index, type Hit } from '../../../src/search/bm25-index';
import { Postings } from '../../../src/search/postings';

interface Meta {
  status: 'published' | 'closed';
}

const ids = (hits: readonly Hit<Meta>[]): string[] => hits.map((h) => h.id);

function indexOf(docs: readonly { id: string; title: string; body: string; status?: Meta['status'] }[]): Bm25Index<Meta> {
  const index = new Bm25Index<Meta>();
  for (const d of docs) index.upsert({ id: d.id, title: d.title, body: d.body, meta: { status: d.status ?? 'published' } });
  return index;
}

describe.each([
  ['indexTerms', indexTerms],
  ['queryTerms', queryTerms],
])('%s, like the other', (_name, terms) => {
  it('gives a lone Han character as itself', () => {
    expect(terms('钛')).toEqual(['钛']);
  });

  it('normalises full-width letters and digits', () => {
    expect(terms('ＬＬＭ')).toEqual(['llm']);
    expect(terms('ＡＤ７６０６')).toEqual(['ad7606']);
  });
});

describe('indexTerms', () => {
  it('gives every Han character and every neighbouring pair', () => {
    expect(indexTerms('钙钛矿')).toEqual(['钙', '钙钛', '钛', '钛矿', '矿']);
  });

  it('keeps Latin and number words whole and lower-cased', () => {
    expect(indexTerms('LLM AD7606 GaN 2025')).toEqual(['llm', 'ad7606', 'gan', '2025']);
  });

  it('normalises full-width letters and digits inside Han text', () => {
    expect(indexTerms('替代ＡＤ７６０６芯片')).toEqual(['替', '替代', '代', 'ad7606', '芯', '芯片', '片']);
  });

  it('splits mixed text into the Han run, the Latin word and the next Han run', () => {
    expect(indexTerms('氮化镓abc功率')).toEqual(['氮', '氮化', '化', '化镓', '镓', 'abc', '功', '功率', '率']);
  });

  it('does not pair characters across punctuation or spaces', () => {
    expect(indexTerms('材料，玻璃')).toEqual(['材', '材料', '料', '玻', '玻璃', '璃']);
    expect(indexTerms('材料 玻璃')).not.toContain('料玻');
  });

  it('gives nothing for empty text or punctuation only', () => {
    expect(indexTerms('')).toEqual([]);
    expect(indexTerms('  ，。！?  ')).toEqual([]);
  });
});

describe('queryTerms', () => {
  it('gives only the bigrams of a Han run', () => {
    expect(queryTerms('钙钛矿')).toEqual(['钙钛', '钛矿']);
  });

  it('splits mixed text and lower-cases the Latin word', () => {
    expect(queryTerms('氮化镓ABC功率')).toEqual(['氮化', '化镓', 'abc', '功率']);
  });

  it('drops repeated terms', () => {
    expect(queryTerms('合金 合金')).toEqual(['合金']);
  });
});

/** The tokeniser as first written, with the pattern: what the code-point scanner must agree with. */
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /^\p{Script=Han}/u;
function patternTerms(text: string, query: boolean): string[] {
  const out: string[] = [];
  for (const [run] of normalizeText(text).matchAll(RUNS)) {
    if (!HAN.test(run)) {
      out.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (query && chars.length === 1) out.push(chars[0] as string);
    for (let i = 0; i < chars.length; i += 1) {
      if (!query) out.push(chars[i] as string);
      if (i + 1 < chars.length) out.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return query ? [...new Set(out)] : out;
}

describe('the tokeniser against the pattern it replaces', () => {
  // Han inside and outside the BMP, Han that is not a letter (〇 々 ⺀), Latin, digits, full-width forms, ligatures and
  // circled digits that NFKC rewrites, a letter whose lower case is longer, punctuation, spaces and a lone surrogate.
  const char = fc.constantFrom(
    '钛',
    '合',
    '金',
    '𠀀',
    '𪚥',
    '〇',
    '々',
    '⺀',
    'a',
    'B',
    'Ｌ',
    '７',
    '1',
    'é',
    'İ',
    'ﬁ',
    '①',
    ' ',
    '，',
    '-',
    '\uD800',
    '\n',
  );
  const text = fc.array(char, { maxLength: 24 }).map((c) => c.join(''));

  it('gives the same index terms and query terms for any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(indexTerms(t)).toEqual(patternTerms(t, false));
        expect(queryTerms(t)).toEqual(patternTerms(t, true));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives each distinct term its own key', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (texts) => {
        const terms = [...new Set(texts.flatMap((t) => indexTerms(t)))];
        expect(new Set(terms.map(termKey)).size).toBe(terms.length);
      }),
    );
  });
});

describe('Postings', () => {
  /** Every entry of a list, read through a cursor. */
  function entries(postings: Postings, term: number): [number, number][] {
    const out: [number, number][] = [];
    const cursor = postings.cursor(term);
    do for (let i = cursor.at; i < cursor.end; i += 1) out.push([cursor.slots[i] as number, cursor.tfs[i] as number]);
    while (cursor.nextBlock());
    return out;
  }

  /** Postings and a plain model of them, filled and compacted alike. */
  function pair(terms: number) {
    const postings = new Postings();
    const model: [number, number][][] = Array.from({ length: terms }, () => []);
    for (let t = 0; t < terms; t += 1) postings.addTerm(0);
    let slots = 0;
    return {
      postings,
      model,
      get slots() {
        return slots;
      },
      add(holding: readonly number[], tf: number) {
        for (const t of holding) {
          postings.push(t, slots, tf);
          model[t]?.push([slots, tf]);
        }
        slots += 1;
      },
      compact(keep: (slot: number) => boolean) {
        const remap = new Int32Array(slots).fill(-1);
        let next = 0;
        for (let s = 0; s < slots; s += 1) if (keep(s)) remap[s] = next++;
        postings.compact(remap, 0);
        for (const list of model)
          list.splice(
            0,
            list.length,
            ...list.filter(([s]) => keep(s)).map(([s, tf]): [number, number] => [remap[s] as number, tf]),
          );
        slots = next;
      },
    };
  }

  function expectAgree(p: ReturnType<typeof pair>, targets: readonly number[]) {
    const lengths = new Float64Array(p.slots).fill(1);
    for (const [term, list] of p.model.entries()) {
      expect(entries(p.postings, term)).toEqual(list);
      expect(p.postings.documentFrequency(term, 0, lengths)).toBe(list.length);
      // Seeks move forward only: the targets in increasing order, each to the first entry at or past it.
      const cursor = p.postings.cursor(term);
      for (const target of [...targets].sort((a, b) => a - b)) {
        const expected = list.find(([s]) => s >= target);
        expect(cursor.seek(target)).toBe(expected !== undefined);
        if (expected) expect([cursor.slots[cursor.at], cursor.tfs[cursor.at]]).toEqual(expected);
      }
    }
  }

  it('keeps every list in order through appends and compactions, and seeks as a search of the list would', () => {
    const op = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('add' as const),
          terms: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 8 }),
          tf: fc.integer({ min: 1, max: 0xffff }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), seed: fc.integer({ min: 0, max: 1000 }) }) },
    );
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 450 }), { maxLength: 12 }),
        (ops, targets) => {
          const p = pair(12);
          for (const o of ops) {
            if (o.kind === 'add') p.add(o.terms, o.tf);
            else p.compact((s) => (s * 7 + o.seed) % 3 !== 0);
          }
          expectAgree(p, targets);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds long lists across chunks and reuses the blocks compaction frees', () => {
    const p = pair(300);
    for (let d = 0; d < 120_000; d += 1) p.add(d % 5 === 0 ? [0, 1 + (d % 299)] : [0], 1 + (d % 7));
    p.compact((s) => s % 3 !== 0);
    for (let d = 0; d < 40_000; d += 1) p.add([1 + (d % 299), 0], 2);
    p.compact((s) => s % 4 !== 1);
    expectAgree(p, [0, 1, 2, 4095, 4096, 16_383, 16_384, 50_000, 99_999, 200_000]);
  });

  it('counts the live documents of a list again after removals', () => {
    const p = pair(2);
    for (let d = 0; d < 50; d += 1) p.add(d % 2 === 0 ? [0, 1] : [0], 1);
    const lengths = new Float64Array(50).fill(3);
    expect(p.postings.documentFrequency(0, 0, lengths)).toBe(50);
    for (let s = 0; s < 50; s += 5) lengths[s] = 0;
    expect(p.postings.documentFrequency(0, 0, lengths)).toBe(50); // the same removal count: not counted again
    expect(p.postings.documentFrequency(0, 1, lengths)).toBe(40);
    expect(p.postings.documentFrequency(1, 1, lengths)).toBe(20);
  });
});

describe('Bm25Index', () => {
  const docs = [
    { id: 'title', title: '钙钛矿电池封装工艺', body: '希望提升产品在湿热环境下的使用寿命，降低生产成本。' },
    { id: 'body', title: '光伏组件可靠性提升', body: '希望解决钙钛矿电池封装中的水汽渗透问题，降低成本。' },
    { id: 'ti', title: '航空发动机叶片用钛合金', body: '需要提高钛合金锻件的疲劳强度。' },
    { id: 'al', title: '汽车轻量化铝合金压铸', body: '需要一种高强度合金材料的压铸工艺。' },
    { id: 'chip', title: '国产数模混合芯片', body: '需要合适的国产化元器件来替代ＡＤ７６０６。' },
    { id: 'llm', title: '基于LLM的客服系统', body: '利用大模型回答客户问题。' },
  ];

  it('ranks a document with the query in its title above one with it only in the body', () => {
    const hits = indexOf(docs).search('钙钛矿');
    expect(ids(hits)).toEqual(['title', 'body']);
    const [first, second] = hits;
    expect(first?.score).toBeGreaterThan(second?.score ?? Infinity);
  });

  it('needs every term of a short query: 钛合金 does not match a text that only says 合金', () => {
    const index = indexOf(docs);
    expect(ids(index.search('钛合金'))).toEqual(['ti']);
    expect(ids(index.search('合金')).sort()).toEqual(['al', 'ti']);
  });

  it('needs three quarters of the terms of a longer query', () => {
    const index = indexOf([
      { id: 'full', title: '高强度钛合金锻件', body: '' },
      { id: 'three', title: '高强度合金', body: '' },
      { id: 'four', title: '高强度', body: '钛合金' },
    ]);
    // 高强 强度 度钛 钛合 合金: five terms, four needed.
    expect(queryTerms('高强度钛合金')).toHaveLength(5);
    expect(ids(index.search('高强度钛合金')).sort()).toEqual(['four', 'full']);
  });

  it('matches full-width and half-width forms of the same word', () => {
    const index = indexOf(docs);
    expect(ids(index.search('AD7606'))).toEqual(['chip']);
    expect(ids(index.search('ad7606'))).toEqual(['chip']);
    expect(ids(index.search('ＬＬＭ'))).toEqual(['llm']);
  });

  it('finds a lone character through its unigram', () => {
    expect(ids(indexOf(docs).search('锻'))).toEqual(['ti']);
  });

  it('returns the meta of each hit and applies the accept filter', () => {
    const index = indexOf([
      { id: 'open', title: '石墨烯导热膜', body: '', status: 'published' },
      { id: 'shut', title: '石墨烯导热膜', body: '', status: 'closed' },
    ]);
    expect(ids(index.search('石墨烯')).sort()).toEqual(['open', 'shut']);
    const open = index.search('石墨烯', (m) => m.status === 'published');
    expect(open).toEqual([{ id: 'open', score: expect.any(Number), meta: { status: 'published' } }]);
    expect(index.search('石墨烯', () => false)).toEqual([]);
  });

  it('orders equal scores by id, newest (largest) first', () => {
    const index = indexOf([
      { id: 'a', title: '石墨烯', body: '' },
      { id: 'c', title: '石墨烯', body: '' },
      { id: 'b', title: '石墨烯', body: '' },
    ]);
    expect(ids(index.search('石墨烯'))).toEqual(['c', 'b', 'a']);
  });

  it('replaces a document on upsert: its old terms no longer match', () => {
    const index = indexOf(docs);
    index.upsert({ id: 'ti', title: '锂电池隔膜', body: '需要耐高温的隔膜材料。', meta: { status: 'published' } });
    expect(index.size).toBe(docs.length);
    expect(ids(index.search('钛合金'))).toEqual([]);
    expect(ids(index.search('隔膜'))).toEqual(['ti']);
  });

  it('deletes a document on remove, and ignores an unknown id', () => {
    const index = indexOf(docs);
    index.remove('ti');
    index.remove('no-such-id');
    expect(index.size).toBe(docs.length - 1);
    expect(index.search('钛合金')).toEqual([]);
    expect(ids(index.search('合金'))).toEqual(['al']);
  });

  it('scores after upserts and removes exactly as a fresh index of the same documents', () => {
    const churned = indexOf(docs);
    churned.upsert({ id: 'tmp', title: '钙钛矿钙钛矿钙钛矿', body: '钙钛矿'.repeat(50), meta: { status: 'published' } });
    churned.upsert({ id: 'title', title: '临时标题', body: '临时内容', meta: { status: 'published' } });
    churned.remove('tmp');
    const first = docs[0];
    if (!first) throw new Error('fixture');
    churned.upsert({ ...first, meta: { status: 'published' } });
    const fresh = indexOf(docs);
    for (const q of ['钙钛矿', '合金', '降低成本', 'AD7606']) {
      const a = churned.search(q);
      const b = fresh.search(q);
      expect(ids(a).sort()).toEqual(ids(b).sort());
      for (const hit of a) expect(hit.score).toBeCloseTo(b.find((h) => h.id === hit.id)?.score ?? NaN, 10);
    }
  });

  it('returns [] for an empty query, a query with no words, and an empty index', () => {
    const index = indexOf(docs);
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('，。！')).toEqual([]);
    expect(new Bm25Index<Meta>().search('钛合金')).toEqual([]);
  });
});

/**
 * BM25 written out the plain way (a Map per document, every hit scored and sorted): what the typed-array index, with
 * its rarest-first pass, top-k heap, lazy removal and compaction, must agree with.
 */
class ReferenceIndex {
  private readonly docs = new Map<string, { length: number; tf: Map<string, number>; meta: Meta }>();

  upsert(doc: { id: string; title: string; body: string; meta: Meta }): void {
    const tf = new Map<string, number>();
    for (const t of indexTerms(doc.title)) tf.set(t, (tf.get(t) ?? 0) + 3);
    for (const t of indexTerms(doc.body)) tf.set(t, (tf.get(t) ?? 0) + 1);
    let length = 0;
    for (const v of tf.values()) length += v;
    this.docs.set(doc.id, { length, tf, meta: doc.meta });
  }

  remove(id: string): void {
    this.docs.delete(id);
  }

  get size(): number {
    return this.docs.size;
  }

  search(query: string, accept: (m: Meta) => boolean): Hit<Meta>[] {
    const terms = queryTerms(query);
    const n = this.docs.size;
    if (terms.length === 0 || n === 0) return [];
    const need = terms.length <= 3 ? terms.length : Math.ceil(terms.length * 0.75);
    let total = 0;
    for (const d of this.docs.values()) total += d.length;
    const avg = total / n;
    const df = (t: string) => [...this.docs.values()].filter((d) => d.tf.has(t)).length;
    const hits: Hit<Meta>[] = [];
    for (const [id, d] of this.docs) {
      const held = terms.filter((t) => d.tf.has(t));
      if (held.length < need || !accept(d.meta)) continue;
      let score = 0;
      for (const t of held) {
        const f = d.tf.get(t) as number;
        const idf = Math.log(1 + (n - df(t) + 0.5) / (df(t) + 0.5));
        score += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.length) / avg));
      }
      hits.push({ id, score, meta: d.meta });
    }
    return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1));
  }
}

describe('Bm25Index against a plain BM25', () => {
  // A small alphabet, so that documents share terms, scores tie and queries of every length find something.
  const word = fc.constantFrom(...'钛合金 合金 焊接 激光 电池 封装 钙钛矿 系统 检测 plc ad7606 材料'.split(' '));
  const text = fc.array(word, { maxLength: 8 }).map((w) => w.join(''));
  const op = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('upsert' as const),
        id: fc.integer({ min: 0, max: 60 }),
        title: text,
        body: text,
        closed: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 60 }) }) },
  );
  const query = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(''));

  it('finds the same documents with the same scores in the same order, and counts them, after any upserts and removes', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 120 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (ops, queries, limit) => {
          const index = new Bm25Index<Meta>();
          const reference = new ReferenceIndex();
          for (const o of ops) {
            const id = `d${String(o.id).padStart(2, '0')}`;
            if (o.kind === 'remove') {
              index.remove(id);
              reference.remove(id);
            } else {
              const doc = {
                id,
                title: o.title,
                body: o.body,
                meta: { status: o.closed ? ('closed' as const) : ('published' as const) },
              };
              index.upsert(doc);
              reference.upsert(doc);
            }
          }
          expect(index.size).toBe(reference.size);
          const open = (m: Meta) => m.status === 'published';
          for (const q of queries) {
            const expected = reference.search(q, open);
            const { hits, total } = index.top(q, open, limit);
            expect(total).toBe(expected.length);
            expect(index.count(q)).toBe(reference.search(q, () => true).length);
            expect(hits.map((h) => h.id)).toEqual(expected.slice(0, limit).map((h) => h.id));
            for (const [i, h] of hits.entries()) expect(h.score).toBeCloseTo((expected[i] as Hit<Meta>).score, 9);
            expect(ids(index.search(q, open))).toEqual(ids(expected));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compacts after many removes and still agrees', () => {
    const index = new Bm25Index<Meta>();
    const reference = new ReferenceIndex();
    const words = ['钛合金', '焊接', '激光', '电池', '系统', '检测'];
    // 3,000 churning documents: well past the point where removed ones are compacted away (more than once).
    for (let i = 0; i < 3000; i += 1) {
      const doc = {
        id: `d${i % 400}`,
        title: words[i % 6] as string,
        body: `${words[(i * 7) % 6] as string}${words[(i * 5) % 6] as string}`,
        meta: { status: 'published' as const },
      };
      index.upsert(doc);
      reference.upsert(doc);
      if (i % 3 === 0) {
        index.remove(`d${(i * 13) % 400}`);
        reference.remove(`d${(i * 13) % 400}`);
      }
    }
    expect(index.size).toBe(reference.size);
    for (const q of [...words, '钛合金焊接', '激光检测系统']) {
      const expected = reference.search(q, () => true);
      const { hits, total } = index.top(q, () => true, 20);
      expect(total).toBe(expected.length);
      expect(hits.map((h) => h.id)).toEqual(expected.slice(0, 20).map((h) => h.id));
    }
  });
});

describe('Bm25Index over the real jstec demands', () => {
  interface Row {
    id: string;
    title: string;
    description: string;
  }

  const rows: Row[] = readFileSync(resolve(__dirname, '../../../../data/jstec-demands.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw: unknown = JSON.parse(line);
      const r = raw as Partial<Row>;
      if (typeof r.id !== 'string' || typeof r.title !== 'string' || typeof r.description !== 'string') {
        throw new Error(`bad line: ${line.slice(0, 80)}`);
      }
      return { id: r.id, title: r.title, description: r.description };
    });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const index = new Bm25Index<null>();
  for (const r of rows) index.upsert({ id: r.id, title: r.title, body: r.description, meta: null });

  it('indexes every record', () => {
    expect(rows.length).toBeGreaterThan(700);
    expect(index.size).toBe(byId.size);
  });

  it('returns for 钛合金 exactly the records that say 钛合金, with a title hit on top', () => {
    const hits = index.search('钛合金');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const row = byId.get(hit.id);
      expect(`${row?.title ?? ''}\n${row?.description ?? ''}`).toContain('钛合金');
    }
    const expected = rows.filter((r) => r.title.includes('钛合金') || r.description.includes('钛合金')).map((r) => r.id);
    expect(hits.map((h) => h.id).sort()).toEqual(expected.sort());
    const top = hits[0];
    expect(byId.get(top?.id ?? '')?.title).toContain('钛合金');
  });

  it('returns at least five records for 机器人', () => {
    expect(index.search('机器人').length).toBeGreaterThanOrEqual(5);
  });
});
