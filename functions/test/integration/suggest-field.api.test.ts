// POST /suggest/field on the local stack: public, answers from the committed model (the same answer as in-process),
// and refuses with a Chinese 400 naming the field what it cannot read. Its function has no table access at all
// (infra/functions.cjs), which the local stack enforces: touching one would fail here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDUSTRY_FIELDS, type ApiErrorBody, type FieldSuggestion } from '@cic/shared';
import { createFieldClassifier, loadFieldModel } from '../../src/suggest/field-model';
import { call } from '../support/api';

const model = loadFieldModel(JSON.parse(readFileSync(join(__dirname, '../../../data/suggest/field-model.json'), 'utf8')));
const inProcess = createFieldClassifier(model);

const materials = {
  title: '高强度铝合金板材的热处理工艺优化',
  description: '提高铝合金板材的强度和延伸率，降低热处理后的残余应力，改善材料的耐腐蚀性能。',
};

describe('POST /suggest/field', () => {
  it('answers anyone, without a token, with a field, its confidence and the next two', async () => {
    const res = await call<FieldSuggestion>('POST', '/suggest/field', { json: materials });
    expect(res.status).toBe(200);
    expect(res.body.field).toBe('new_materials');
    expect(res.body.confidence).toBeGreaterThan(0);
    expect(res.body.confidence).toBeLessThanOrEqual(1);
    expect(res.body.alternatives).toHaveLength(2);
    for (const a of res.body.alternatives) {
      expect(INDUSTRY_FIELDS).toContain(a.field);
      expect(a.field).not.toBe(res.body.field);
      expect(a.confidence).toBeLessThanOrEqual(res.body.confidence);
    }
  });

  it('answers what the committed model answers in-process, for a title alone too', async () => {
    for (const body of [materials, { title: '基于深度学习的工业视觉缺陷检测' }]) {
      const res = await call<FieldSuggestion>('POST', '/suggest/field', { json: body });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        inProcess.suggest({ title: body.title, description: 'description' in body ? body.description : '' }),
      );
    }
  });

  it.each([
    ['a blank title and description', { title: '  ', description: '\n' }, 'title', /名称或描述/],
    ['punctuation only', { title: '？？', description: '——' }, 'title', /名称或描述/],
    ['no title', { description: '储能电池' }, 'title', /请填写名称/],
    ['a title of 61 characters', { title: '钛'.repeat(61) }, 'title', /60/],
    ['a description that is not text', { title: '储能', description: 42 }, 'description', /文字/],
    ['an unknown field', { title: '储能', field: 'ai' }, 'field', /./],
  ])('refuses %s with a 400 naming the field', async (_name, json, field, message) => {
    const res = await call<ApiErrorBody>('POST', '/suggest/field', { json });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('REQUEST.VALIDATION');
    expect(res.body.error.fields?.[field]).toMatch(message);
  });
});
