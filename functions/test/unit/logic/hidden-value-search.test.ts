// The search index holds an anonymous demand's public text only: searching for its hidden phone (in full-width digits,
// as the outside review did) or its company's short name does not find it, while a demand that is not anonymous, with
// the same values in the same text, is found by the same searches.
import type { Demand } from '@cic/shared';
import { createDemandSearch } from '../../../src/search/demand-search';
import { completeForm, createMockDemand } from '../../fakes/demand.factory';
import { createFixedClock } from '../../fakes/fixed-clock';

const PHONE = '13912345678';
const DESCRIPTION =
  '钛合新材料需要解决薄板激光焊接的变形与气孔问题，焊后变形量小于0.2毫米。请致电１３９１２３４５６７８，' +
  '或发邮件到 ＲＤ＠ＥＸＡＭＰＬＥ．ＣＯＭ 联系王建国。';

function demandOf(id: string, anonymous: boolean): Demand {
  return createMockDemand({
    ...completeForm({
      companyName: '南京钛合新材料科技有限公司',
      region: '江苏省 / 南京市 / 江宁区',
      contactName: '王建国',
      contactPhone: PHONE,
      email: 'rd@example.com',
      title: `薄板激光焊接变形控制${id}`,
      description: DESCRIPTION,
      anonymous,
    }),
    id,
    status: 'published',
  });
}

async function searchOver(demands: readonly Demand[]) {
  const search = createDemandSearch({
    demands: {
      listPublished: async () => ({ items: [...demands] }),
      listChangedSince: async () => ({ items: [] }),
    },
    clock: createFixedClock(),
    refreshMs: 60_000,
  });
  return async (query: string): Promise<string[]> => (await search.search(query, {}, 10)).hits.map((h) => h.id).sort();
}

describe('search over anonymous demands', () => {
  it('does not find an anonymous demand by its hidden values; finds the open one with the same text', async () => {
    const find = await searchOver([demandOf('hidden', true), demandOf('open', false)]);
    // The index works: both are found by their public words.
    expect(await find('激光焊接')).toEqual(['hidden', 'open']);
    for (const query of [PHONE, '１３９１２３４５６７８', '钛合新材料', '王建国', 'rd@example.com']) {
      expect({ query, found: await find(query) }).toEqual({ query, found: ['open'] });
    }
  });
});
