// Checks data/thesaurus/*.json against the real demands (data/jstec-demands.jsonl) and reports its coverage.
//
// Run:  npx tsx scripts/thesaurus-report.ts
// Exits 1 when a rule of data/thesaurus.md is broken: a term cited to "demands" that no demand contains, a cited source
// missing from `sources`, a term that is the term or a synonym of two concepts, a trap that contains neither the term
// nor a synonym of its concept, or a term outside 2–20 characters. Everything else it prints is information.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INDUSTRY_FIELDS, normalizeText } from '@cic/shared';
import * as z from 'zod/mini';
import { hasWordEdges } from '../functions/src/alerts/matching/occurrences';

const THESAURUS_DIR = resolve(__dirname, '../data/thesaurus');
const DEMANDS_FILE = resolve(__dirname, '../data/jstec-demands.jsonl');

// ---------------------------------------------------------------------------------------------------------------
// Reading the files (zod so that a malformed file stops here with a path to the bad value, not later as undefined)

const entrySchema = z.object({ term: z.string(), source: z.string() });
const trapSchema = z.object({ term: z.string(), source: z.string(), why: z.string() });
const conceptSchema = z.object({
  term: z.string(),
  synonyms: z.optional(z.array(entrySchema)),
  narrower: z.optional(z.array(entrySchema)),
  related: z.optional(z.array(entrySchema)),
  traps: z.optional(z.array(trapSchema)),
});
const fieldFileSchema = z.object({
  version: z.literal(3),
  field: z.enum(INDUSTRY_FIELDS),
  sources: z.optional(z.record(z.string(), z.string())),
  concepts: z.array(conceptSchema),
});
const sourcesFileSchema = z.object({ version: z.literal(3), sources: z.record(z.string(), z.string()) });
const demandSchema = z.object({ id: z.string(), title: z.string(), description: z.string() });

type Concept = z.infer<typeof conceptSchema> & { field: (typeof INDUSTRY_FIELDS)[number] };
type Kind = 'synonyms' | 'narrower' | 'related' | 'traps';
interface CitedTerm {
  concept: string;
  kind: Kind;
  term: string;
  source: string;
}

const readJson = (name: string): unknown => JSON.parse(readFileSync(resolve(THESAURUS_DIR, name), 'utf8'));
const fieldFiles = INDUSTRY_FIELDS.map((field) => {
  const file = fieldFileSchema.parse(readJson(`${field}.json`));
  if (file.field !== field) throw new Error(`data/thesaurus/${field}.json says its field is ${file.field}`);
  return file;
});
const thesaurus = {
  sources: {
    ...sourcesFileSchema.parse(readJson('sources.json')).sources,
    ...Object.assign({}, ...fieldFiles.map((f) => f.sources ?? {})),
  } as Record<string, string>,
  concepts: fieldFiles.flatMap((f) => f.concepts.map((c): Concept => ({ ...c, field: f.field }))),
};
// A demand is matched on its title and description, normalised the way the app normalises them.
const demandTexts = readFileSync(DEMANDS_FILE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => demandSchema.parse(JSON.parse(line)))
  .map((d) => normalizeText(`${d.title}\n${d.description}`));

// ---------------------------------------------------------------------------------------------------------------
// Matching a term in a text, as the alert matcher does (functions/src/alerts/matching/occurrences.ts): a substring, but
// a term that begins or ends with a Latin letter or digit only as a whole word on that side ("ai" not in "email").

/** Start offsets of the whole-word occurrences of a normalised term in a normalised text. */
function occurrences(text: string, term: string): number[] {
  const found: number[] = [];
  if (term === '') return found;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    if (hasWordEdges(text, i, term)) found.push(i);
  }
  return found;
}

const inSomeDemand = (term: string): boolean => demandTexts.some((text) => occurrences(text, term).length > 0);

// ---------------------------------------------------------------------------------------------------------------
// The rules

const cited: CitedTerm[] = thesaurus.concepts.flatMap((c) =>
  (['synonyms', 'narrower', 'related', 'traps'] as const).flatMap((kind) =>
    (c[kind] ?? []).map((e) => ({ concept: c.term, kind, term: e.term, source: e.source })),
  ),
);
const failures: string[] = [];

// Evidence: "demands" means the term is in the title or description of at least one real demand.
const unevidenced = cited.filter((t) => t.source === 'demands' && !inSomeDemand(normalizeText(t.term)));
for (const t of unevidenced) {
  failures.push(`"${t.term}" (${t.kind} of ${t.concept}) is cited to demands but no demand contains it`);
}

// Every other citation must name an entry of `sources`, so that a reader can look it up.
const unlisted = [...new Set(cited.map((t) => t.source).filter((s) => !(s in thesaurus.sources)))];
for (const s of unlisted) failures.push(`source "${s}" is cited but not listed in sources`);

// A term belongs to one concept's identity (term and synonyms), or its canonical form and index key are ambiguous.
const identityOf = new Map<string, string[]>();
for (const c of thesaurus.concepts) {
  for (const term of [c.term, ...(c.synonyms ?? []).map((s) => s.term)]) {
    const key = normalizeText(term);
    identityOf.set(key, [...(identityOf.get(key) ?? []), c.term]);
  }
}
const shared = [...identityOf].filter(([, owners]) => owners.length > 1);
for (const [term, owners] of shared) failures.push(`"${term}" is the term or a synonym of ${owners.join(', ')}`);

// A trap only makes sense as a longer word around the concept's own term or synonym.
const identityTerms = (c: Concept): string[] => [c.term, ...(c.synonyms ?? []).map((s) => s.term)].map(normalizeText);
for (const c of thesaurus.concepts) {
  const ids = identityTerms(c);
  for (const trap of c.traps ?? []) {
    const t = normalizeText(trap.term);
    if (!ids.some((id) => t.includes(id) && t !== id)) {
      failures.push(`trap "${trap.term}" of ${c.term} contains neither its term nor a synonym`);
    }
  }
}

// Terms are written like subscription keywords.
const allTerms = [...thesaurus.concepts.map((c) => ({ concept: c.term, term: c.term })), ...cited];
for (const t of allTerms) {
  const length = [...normalizeText(t.term)].length;
  if (length < 2 || length > 20) failures.push(`"${t.term}" (${t.concept}) has ${length} characters, not 2–20`);
}

// ---------------------------------------------------------------------------------------------------------------
// Information

/** Whether a concept is in a text: its term, a synonym or a narrower term occurring outside every trap of the concept. */
function conceptIn(text: string, c: Concept): boolean {
  const trapSpans = (c.traps ?? []).flatMap((trap) => {
    const t = normalizeText(trap.term);
    return occurrences(text, t).map((start) => [start, start + t.length] as const);
  });
  const keys = [...identityTerms(c), ...(c.narrower ?? []).map((n) => normalizeText(n.term))];
  const insideTrap = (start: number, length: number) =>
    trapSpans.some(([from, to]) => from <= start && start + length <= to && to - from > length);
  return keys.some((key) => occurrences(text, key).some((start) => !insideTrap(start, key.length)));
}

const byField = new Map<string, number>();
for (const c of thesaurus.concepts) byField.set(c.field, (byField.get(c.field) ?? 0) + 1);
const count = (kind: Kind) => cited.filter((t) => t.kind === kind).length;
const fromDemands = (kind: Kind) => cited.filter((t) => t.kind === kind && t.source === 'demands').length;
const withoutNarrower = thesaurus.concepts.filter((c) => (c.narrower ?? []).length === 0).map((c) => c.term);
const demandsHit = demandTexts.filter((text) => thesaurus.concepts.some((c) => conceptIn(text, c))).length;

// The demands' frequent technical n-grams, a rough yardstick of coverage: Han 3–6-character n-grams (two-character
// ones are mostly function words here) found in at least MIN_DF demands, minus those with a function character or a
// generic word (phrasing, not technology), minus fragments that mostly occur inside one longer n-gram (术研 inside
// 技术研, 定性 inside 稳定性). An n-gram is covered when it contains a thesaurus term or lies inside one.
const MIN_DF = 5;
const MIN_LENGTH = 3;
const FUNCTION_CHARS = /[的了和与及或等在对为是将把被从以于其之而并且也都就这那有个些要需可能该各每已所如此让使]/;
const GENERIC_WORDS = [
  '技术',
  '研发',
  '开发',
  '研究',
  '系统',
  '实现',
  '设计',
  '应用',
  '问题',
  '需求',
  '方法',
  '要求',
  '指标',
  '主要',
  '关键',
  '提高',
  '提升',
  '降低',
  '优化',
  '成本',
  '效率',
  '稳定',
  '性能',
  '质量',
  '产品',
  '项目',
  '过程',
  '生产',
  '工艺',
  '结构',
  '数据',
  '平台',
  '智能',
  '控制',
  '分析',
  '处理',
  '检测',
  '监测',
  '管理',
  '服务',
  '市场',
  '企业',
  '公司',
  '目前',
  '现有',
  '传统',
  '核心',
  '基础',
  '能力',
  '功能',
  '方案',
  '参数',
  '标准',
  '模块',
  '模型',
  '算法',
  '设备',
  '材料',
  '精度',
  '安全',
  '环境',
  '工作',
  '行业',
  '领域',
  '产业',
  '发展',
  '创新',
  '资源',
  '信息',
  '集成',
  '测试',
  '验证',
  '实时',
  '自动',
  '快速',
  '高效',
  '精准',
  '准确',
  '可靠',
  '复杂',
  '综合',
  '协同',
  '支持',
  '提供',
  '满足',
  '具备',
  '具有',
  '包括',
  '通过',
  '基于',
  '采用',
  '利用',
  '结合',
  '建立',
  '构建',
  '形成',
  '完成',
  '达到',
  '保证',
  '确保',
  '解决',
  '进行',
  '运行',
  '背景',
  '内容',
  '难点',
  '突破',
  '国内',
  '团队',
  '成果',
  '合作',
  '寿命',
  '时间',
  '温度',
  '压力',
  '强度',
  '速度',
  '成熟',
  '适应',
  '场景',
  '流程',
  '制备',
  '评估',
  '预期',
  '实验',
  '规模',
  '范围',
  '水平',
  '使用',
  '同时',
  '影响',
  '一种',
  '不同',
  '提出',
  '根据',
  '相关',
  '开展',
  '导致',
  '方式',
  '方面',
  '减少',
  '体系',
  '效果',
  '方向',
  '随着',
  '一套',
  '阶段',
  '适配',
  '部分',
  '特性',
  '变化',
  '工况',
  '产生',
  '情况',
  '目标',
  '要点',
  '优势',
  '良好',
  '广泛',
  '重要',
  '当前',
  '现场',
  '整体',
  '具体',
  '大量',
  '不断',
  '显著',
  '精确',
  '直接',
  '投入',
  '资金',
  '专利',
  '国家',
  '我国',
  '全球',
  '中国',
  '人员',
  '用户',
  '客户',
  '经验',
  '风险',
  '需要',
  '希望',
  '考虑',
  '实际',
  '初步',
  '前期',
  '后续',
  '配套',
  '一体',
  '一致',
  '持续',
  '长期',
  '明显',
  '严重',
  '大幅',
  '有效',
  '合理',
  '充分',
  '灵活',
  '方便',
  '简单',
  '容易',
  '无法',
  '难以',
  '不足',
  '缺乏',
  '局限',
  '依赖',
  '存在',
  '出现',
  '发生',
  '造成',
  '引起',
  '带来',
  '增加',
  '扩展',
  '覆盖',
  '调整',
  '改进',
  '改善',
  '升级',
  '更新',
  '替代',
  '完善',
  '推广',
  '推动',
  '助力',
  '支撑',
  '保障',
  '实施',
  '部署',
  '落地',
  '量产',
  '批量',
  '产能',
  '产量',
  '销售',
  '价格',
  '经济',
];
const ngramDf = new Map<string, number>();
for (const text of demandTexts) {
  const seen = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    // Up to 7 characters so that the 6-grams' one-character extensions are counted too.
    for (let n = 2; n <= 7; n++) for (let i = 0; i + n <= run.length; i++) seen.add(run.slice(i, i + n));
  }
  for (const g of seen) ngramDf.set(g, (ngramDf.get(g) ?? 0) + 1);
}
// The most demands any one-character extension of an n-gram is found in: every longer n-gram containing it extends it.
const widest = new Map<string, number>();
for (const [g, df] of ngramDf) {
  for (const part of [g.slice(1), g.slice(0, -1)]) widest.set(part, Math.max(widest.get(part) ?? 0, df));
}
const technical = [...ngramDf]
  .filter(([g, df]) => g.length >= MIN_LENGTH && g.length <= 6 && df >= MIN_DF)
  .filter(([g]) => !FUNCTION_CHARS.test(g) && !GENERIC_WORDS.some((w) => g.includes(w)))
  .filter(([g, df]) => (widest.get(g) ?? 0) < 0.8 * df)
  .map(([g]) => g);
const vocabulary = [
  ...new Set(thesaurus.concepts.flatMap((c) => [...identityTerms(c), ...(c.narrower ?? []).map((n) => normalizeText(n.term))])),
];
const covered = technical.filter((g) => vocabulary.some((v) => g.includes(v) || v.includes(g)));

// ---------------------------------------------------------------------------------------------------------------
// Report

const percent = (part: number, whole: number) => (whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1));
const sourceCount = Object.keys(thesaurus.sources).length;
console.log(`data/thesaurus: ${thesaurus.concepts.length} concepts, ${sourceCount} sources`);
for (const [field, n] of [...byField].sort((a, b) => b[1] - a[1])) console.log(`  ${field.padEnd(16)} ${n}`);
for (const kind of ['synonyms', 'narrower', 'related', 'traps'] as const) {
  const [all, demands] = [count(kind), fromDemands(kind)];
  console.log(
    `${kind.padEnd(9)} ${String(all).padStart(5)}  (${demands} from the demands, ${all - demands} from a standard or reference)`,
  );
}
console.log(`\nterms cited to demands that no demand contains: ${unevidenced.length}`);
console.log(`sources cited but not listed: ${unlisted.length}`);
console.log(`terms that are the term or a synonym of two concepts: ${shared.length}`);
console.log(`\nconcepts with no narrower terms (${withoutNarrower.length}): ${withoutNarrower.join('、')}`);

// Terms cited to a standard that no demand contains: they wait for demands that use them.
const neverSeen = cited.filter((t) => t.source !== 'demands' && t.kind !== 'traps' && !inSomeDemand(normalizeText(t.term)));
console.log(
  `\nterms never seen in the demands (cited to a standard) (${neverSeen.length}): ${neverSeen.map((t) => t.term).join('、')}`,
);

// Subscribed keywords: those of the labelled subscriptions (data/eval), or of a file given as --keywords=<file> (one per
// line, e.g. exported from the subscriptions table), and how many name a concept (term or synonym) or a narrower term.
const keywordsArg = process.argv.find((a) => a.startsWith('--keywords='))?.slice('--keywords='.length);
const evalDir = resolve(__dirname, '../data/eval/subscriptions');
const subscribed =
  keywordsArg !== undefined
    ? readFileSync(keywordsArg, 'utf8')
        .split('\n')
        .map((k) => k.trim())
        .filter((k) => k !== '')
    : readdirSync(evalDir).flatMap(
        (f) => z.object({ keywords: z.array(z.string()) }).parse(JSON.parse(readFileSync(resolve(evalDir, f), 'utf8'))).keywords,
      );
const known = new Set(
  thesaurus.concepts.flatMap((c) => [...identityTerms(c), ...(c.narrower ?? []).map((n) => normalizeText(n.term))]),
);
const subscribedCovered = subscribed.filter((k) => known.has(normalizeText(k)));
console.log(
  `subscribed keywords (${keywordsArg ?? 'data/eval/subscriptions'}) that name a concept or a narrower term: ${subscribedCovered.length} of ${subscribed.length} (${percent(subscribedCovered.length, subscribed.length)}%)` +
    (subscribedCovered.length < subscribed.length
      ? `; not: ${subscribed.filter((k) => !known.has(normalizeText(k))).join('、')}`
      : ''),
);
console.log(
  `\ndemands containing at least one concept (trap occurrences excluded): ${demandsHit} of ${demandTexts.length} ` +
    `(${percent(demandsHit, demandTexts.length)}%)`,
);
console.log(
  `frequent technical n-grams of the demands (${MIN_LENGTH}–6 characters, in ≥ ${MIN_DF} demands) covered by a term: ` +
    `${covered.length} of ${technical.length} (${percent(covered.length, technical.length)}%)`,
);
const uncovered = technical.filter((g) => !covered.includes(g)).sort((a, b) => (ngramDf.get(b) ?? 0) - (ngramDf.get(a) ?? 0));
console.log(`  most frequent uncovered: ${uncovered.slice(0, 40).join('、')}`);

if (failures.length > 0) {
  console.log(`\nFAIL: ${failures.length} rule(s) broken`);
  for (const f of failures) console.log(`  ${f}`);
  process.exitCode = 1;
} else {
  console.log('\nPASS');
}
