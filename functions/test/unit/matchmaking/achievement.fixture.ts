// Stored 成果 and demands for the matchmaking tests: complete forms (示例, no real institution), metadata consistent
// with a published 成果.
import type { Achievement, Demand } from '@cic/shared';
import { createMockDemand } from '../../fakes/demand.factory';
import { DEFAULT_START } from '../../fakes/fixed-clock';

let sequence = 0;

export function mockAchievement(overrides: Partial<Achievement> = {}): Achievement {
  sequence += 1;
  return {
    id: `ach-${String(sequence).padStart(4, '0')}`,
    ownerId: `holder-${sequence}`,
    status: 'published',
    createdAt: DEFAULT_START,
    updatedAt: DEFAULT_START,
    submittedAt: DEFAULT_START,
    publishedAt: DEFAULT_START,
    version: 3,
    history: [
      { status: 'draft', at: DEFAULT_START },
      { status: 'pending_review', at: DEFAULT_START },
      { status: 'published', at: DEFAULT_START },
    ],
    title: '谐波减速器柔轮长寿命设计与制造技术（示例）',
    holderName: '示例大学机械工程学院',
    holderType: 'university',
    field: 'equipment',
    keywords: ['谐波减速器', '减速器', '齿轮传动'],
    summary:
      '面向工业机器人关节的谐波减速器柔轮长寿命设计与制造技术：柔轮齿形修形与残余应力控制相结合，谐波减速器额定寿命由八千小时提升至两万小时，' +
      '传动精度保持在一弧分以内，回差小于十弧秒；已完成样机台架试验和小批量试制，可提供减速器设计、齿轮传动分析与工艺包。',
    trl: 7,
    ip: [
      { kind: 'invention', number: 'ZL202310000001.1', status: 'granted' },
      { kind: 'utility', number: 'ZL202320000002.2', status: 'pending' },
    ],
    cooperationModes: ['transfer'],
    priceWan: 80,
    region: '江苏省 / 苏州市',
    contactName: '王老师',
    contactPhone: '13900002222',
    anonymous: false,
    ...overrides,
  };
}

/** A published demand whose main topic is the harmonic reducer (in the title, twice in the description). */
export function reducerDemand(overrides: Partial<Demand> = {}): Demand {
  return createMockDemand({
    status: 'published',
    field: 'equipment',
    title: '工业机器人谐波减速器寿命提升',
    description:
      '工业机器人关节用谐波减速器的柔轮在长期交变载荷下出现疲劳裂纹，需将谐波减速器寿命提升至两万小时以上，传动精度保持在1弧分以内，' +
      '回差小于10弧秒，样机年内交付。现有工装的部分支架采用焊接结构。',
    region: '江苏省 / 苏州市 / 吴江区',
    budgetWan: 100,
    ...overrides,
  });
}
