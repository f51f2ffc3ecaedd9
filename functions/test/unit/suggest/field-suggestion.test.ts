// The field suggestion (POST /suggest/field): the committed model is what a fresh training writes, it beats the
// majority class on the held-out fifth of the real demands by a clear margin, and it answers in the shape the form uses.
import { readFileSync } from 'node:fs';
import { INDUSTRY_FIELDS } from '@cic/shared';
import { conceptTag, featuresOf, ngrams } from '../../../src/suggest/features';
import { createFieldClassifier, loadFieldModel, type FieldModel } from '../../../src/suggest/field-model';
import { createFieldSuggester } from '../../../src/suggest/field-suggester';
import { isHeldOut } from '../../../src/suggest/train';
import { labelledDemands, MODEL_PATH, split, thesaurusConcepts } from '../../../../scripts/suggest/data';
import { evaluate } from '../../../../scripts/suggest/eval';
import { freshModel, serialiseModel } from '../../../../scripts/suggest/train';

const committedText = readFileSync(MODEL_PATH, 'utf8');
const committed = loadFieldModel(JSON.parse(committedText));
const classifier = createFieldClassifier(committed);
const suggester = createFieldSuggester(classifier);

describe('the committed model', () => {
  it('is what `npm run train:suggest` writes from the data and thesaurus as they are now', () => {
    expect(serialiseModel(freshModel()) === committedText).toBe(true);
  }, 60_000);

  it('was trained on every labelled real demand', () => {
    const all = labelledDemands();
    expect(committed.trainedOn.records).toBe(all.length);
    for (const f of INDUSTRY_FIELDS) expect(committed.trainedOn.byField[f]).toBe(all.filter((e) => e.field === f).length);
  });

  it('is refused when malformed rather than answering from broken counts', () => {
    const [first] = Object.keys(committed.features);
    const broken: FieldModel = { ...committed, features: { ...committed.features, [first as string]: [1, 2, 3] } };
    expect(() => loadFieldModel(broken)).toThrow(/has 3 counts/);
    expect(() => loadFieldModel({ ...committed, temperature: -1 })).toThrow();
    expect(() => loadFieldModel({ ...committed, fields: ['ai', 'ai', 'ai', 'ai', 'ai', 'ai'] })).toThrow(/six/);
  });
});

describe('held-out evaluation', () => {
  const { train, heldOut } = split(labelledDemands());

  it('splits by a hash of the id: about a fifth held out, the same each time', () => {
    const share = heldOut.length / (train.length + heldOut.length);
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
    expect(heldOut.every((e) => isHeldOut(e.id))).toBe(true);
    expect(new Set([...train, ...heldOut].map((e) => e.id)).size).toBe(train.length + heldOut.length);
  });

  it('beats always answering the most frequent field by at least 20 points of accuracy', () => {
    const e = evaluate(train, heldOut, thesaurusConcepts());
    expect(e.heldOut).toBe(heldOut.length);
    expect(e.accuracy - e.majority.accuracy).toBeGreaterThanOrEqual(0.2);
    // The suggestion plus its two alternatives: what the form shows.
    expect(e.top3).toBeGreaterThan(e.accuracy);
  }, 60_000);
});

describe('features', () => {
  it('reads character bigrams and trigrams within runs of letters and digits, never across punctuation', () => {
    expect([...ngrams('储能电池，PLC')].sort()).toEqual(['pl', 'plc', 'lc', '储能', '储能电', '能电', '能电池', '电池'].sort());
    expect(ngrams('，。！ ').size).toBe(0);
  });

  it('counts a title above the description, and each thesaurus concept for its field', () => {
    const concepts = thesaurusConcepts();
    const f = featuresOf({ title: '储能电池', description: '储能电池的热管理' }, concepts, { titleWeight: 3, conceptWeight: 2 });
    expect(f.get('储能')).toBe(4);
    expect(f.get('热管')).toBe(1);
    expect(f.get(conceptTag('new_energy'))).toBeGreaterThanOrEqual(2);
    expect(f.has(conceptTag('ai'))).toBe(false);
  });
});

describe('suggest', () => {
  it('answers a field, its confidence and the next two fields, ranked', () => {
    const r = suggester.suggest({
      title: '高强度铝合金板材的热处理工艺优化',
      description: '提高铝合金板材的强度和延伸率，降低热处理后的残余应力，改善材料的耐腐蚀性能。',
    });
    if (!r.ok) throw new Error('expected an answer');
    expect(r.value.field).toBe('new_materials');
    expect(r.value.alternatives).toHaveLength(2);
    const all = [r.value, ...r.value.alternatives];
    expect(new Set(all.map((a) => a.field)).size).toBe(3);
    for (let i = 1; i < all.length; i += 1) expect(all[i]!.confidence).toBeLessThanOrEqual(all[i - 1]!.confidence);
    expect(all.reduce((s, a) => s + a.confidence, 0)).toBeLessThanOrEqual(1.001);
  });

  it('tells apart texts of different fields', () => {
    const field = (title: string, description = '') => {
      const r = suggester.suggest({ title, description });
      return r.ok ? r.value.field : undefined;
    };
    expect(field('光伏组件与储能电池系统的能量管理', '提高光伏发电的消纳率和储能电池的循环寿命')).toBe('new_energy');
    expect(field('基于深度学习的工业视觉缺陷检测', '利用神经网络模型对产品图像进行识别和分类')).toBe('ai');
    expect(field('数控机床主轴的精密加工与装配', '提高机床主轴的回转精度和加工效率')).toBe('equipment');
  });

  it('is less sure of a title alone than of the same title with a description that agrees', () => {
    const title = '锂电池正极材料';
    const alone = classifier.suggest({ title, description: '' });
    const both = classifier.suggest({
      title,
      description: '开发高镍三元正极材料，提高锂电池的能量密度与循环寿命，降低材料成本，实现正极材料的规模化制备。',
    });
    expect(both.confidence).toBeGreaterThan(alone.confidence);
  });

  it('answers the prior, with low confidence, for a text of words it has never seen', () => {
    const text = { title: '㐀㐁㐂', description: '' };
    expect(classifier.known(text)).toBe(0);
    const r = suggester.suggest(text);
    if (!r.ok) throw new Error('expected an answer');
    const n = committed.documents.reduce((a, b) => a + b, 0);
    const priorShare = Math.max(...committed.documents) / n;
    expect(r.value.confidence).toBeLessThan(0.3);
    expect(r.value.confidence).toBeLessThanOrEqual(Math.max(priorShare, 1 / 6) + 0.05);
  });

  it.each([
    ['empty', ''],
    ['punctuation only', '？？——'],
  ])('refuses a text with nothing to read (%s) with a 400 naming 名称', (_name, title) => {
    const r = suggester.suggest({ title, description: '' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'REQUEST.VALIDATION', fields: { title: expect.stringContaining('名称') } },
    });
  });
});
