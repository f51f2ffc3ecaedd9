// The example 成果 the local stack and the demos are seeded with (data/achievements/examples.json, data/README.md):
// every one is a complete 成果 form, has a stable id of its own, and is visibly marked 示例 — in its title and in its
// holder, which is invented and says so, so no example can pass for a real institution's 成果.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HOLDER_TYPES, INDUSTRY_FIELDS, validateAchievementComplete } from '@cic/shared';

const FILE = resolve(__dirname, '../../data/achievements/examples.json');
const examples = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>[];
const form = ({ id: _id, ...rest }: Record<string, unknown>) => rest;

describe('the example 成果 (data/achievements/examples.json)', () => {
  it('holds 20–40 examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
    expect(examples.length).toBeLessThanOrEqual(40);
  });

  it.each(examples.map((e) => [String(e.id), e] as const))('%s is a complete 成果 form', (_id, example) => {
    const result = validateAchievementComplete(form(example));
    expect(result.ok ? {} : result.fields).toEqual({});
  });

  it('has unique, stable ids example-NN', () => {
    const ids = examples.map((e) => e.id);
    for (const id of ids) expect(id).toMatch(/^example-\d{2}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks every title and holder 示例, with fake contacts only', () => {
    for (const e of examples) {
      expect([e.id, String(e.title).startsWith('【示例】')]).toEqual([e.id, true]);
      expect([e.id, String(e.holderName).startsWith('示例·')]).toEqual([e.id, true]);
      expect([e.id, String(e.contactPhone)]).toEqual([e.id, expect.stringMatching(/^138000000\d{2}$/)]);
      expect([e.id, String(e.email)]).toEqual([e.id, expect.stringMatching(/@example\.com$/)]);
    }
  });

  it('spreads over the six fields, every holder type, low and high TRLs, and some anonymous holders', () => {
    const fields = new Set(examples.map((e) => e.field));
    expect([...fields].sort()).toEqual([...INDUSTRY_FIELDS].sort());
    for (const field of INDUSTRY_FIELDS) expect(examples.filter((e) => e.field === field).length).toBeGreaterThanOrEqual(4);
    expect([...new Set(examples.map((e) => e.holderType))].sort()).toEqual([...HOLDER_TYPES].sort());
    const trls = examples.map((e) => Number(e.trl));
    expect(Math.min(...trls)).toBeLessThanOrEqual(4);
    expect(Math.max(...trls)).toBeGreaterThanOrEqual(8);
    const anonymous = examples.filter((e) => e.anonymous === true).length;
    expect(anonymous).toBeGreaterThan(0);
    expect(anonymous).toBeLessThan(examples.length / 4);
  });
});
