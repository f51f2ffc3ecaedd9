// The search index: bigram tokenisation of Chinese technical text, whole Latin/number words, BM25 ranking with a title
// boost, the all-terms rule for short queries, and upsert/remove bookkeeping. The last block runs over the real
// demands in data/jstec-demands.jsonl.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexTerms, queryTerms } from '../../../src/search/bigram-tokenizer';
import { Bm25Index, type Hit } from '../../../src/search/bm25-index';

interface Meta {
  status: 'published' | 'closed';
}

const ids = (hits: readonly Hit<Meta>[]): string[] => hits.map((h) => h.id);

function indexOf(docs: readonly { id: string; title: string; body: string; status?: Meta['status'] }[]): Bm25Index<Meta> {
  const index = new Bm25Index<Meta>();
  for (const d of docs) index.upsert({ id: d.id, title: d.title, body: d.body, meta: { status: d.status ?? 'published' } });
  return index;
}

describe('indexTerms', () => {
  it('gives every Han character and every neighbouring pair', () => {
    expect(indexTerms('钙钛矿')).toEqual(['钙', '钙钛', '钛', '钛矿', '矿']);
  });

  it('gives a lone Han character as itself', () => {
    expect(indexTerms('钛')).toEqual(['钛']);
  });

  it('keeps Latin and number words whole and lower-cased', () => {
    expect(indexTerms('LLM AD7606 GaN 2025')).toEqual(['llm', 'ad7606', 'gan', '2025']);
  });

  it('normalises full-width letters and digits', () => {
    expect(indexTerms('ＬＬＭ')).toEqual(['llm']);
    expect(indexTerms('ＡＤ７６０６')).toEqual(['ad7606']);
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

  it('gives a lone Han character as itself', () => {
    expect(queryTerms('钛')).toEqual(['钛']);
  });

  it('splits mixed text and lower-cases the Latin word', () => {
    expect(queryTerms('氮化镓ABC功率')).toEqual(['氮化', '化镓', 'abc', '功率']);
  });

  it('normalises full-width input', () => {
    expect(queryTerms('ＬＬＭ')).toEqual(['llm']);
    expect(queryTerms('ＡＤ７６０６')).toEqual(['ad7606']);
  });

  it('drops repeated terms', () => {
    expect(queryTerms('合金 合金')).toEqual(['合金']);
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
