// Awards: given only on a published (or matched) demand; shown with the demand's hidden values masked as they are
// when the award is read, so a demand made anonymous after its award no longer names its company through it.
import type { AwardRequest, Demand, DemandStatus, Solution } from '@cic/shared';
import type { AuthUser } from '../../../src/auth/auth-user';
import { createAwardService, toPublicAward } from '../../../src/contest/award.service';
import type { StoredAward } from '../../../src/contest/contest.ports';
import { MASK } from '../../../src/demands/demand.view';
import { completeForm, createMockDemand } from '../../fakes/demand.factory';
import { createFixedClock } from '../../fakes/fixed-clock';
import { errorOf, unwrap } from '../services/expect-result';

const ADMIN: AuthUser = { id: 'admin-1', role: 'admin' };
const COMPANY = '南京钛合新材料科技有限公司';

function setup(demand: Demand) {
  const stored: StoredAward[] = [];
  let n = 0;
  const service = createAwardService({
    awards: {
      create: async (award) => {
        stored.push(award);
      },
      listByDemand: async (demandId) => stored.filter((a) => a.demandId === demandId),
      listByWinner: async (userId) => stored.filter((a) => a.winnerId === userId),
      clearWinner: async () => undefined,
    },
    demands: {
      get: async (id) => (id === demand.id ? structuredClone(demand) : undefined),
      getMany: async (ids) => (ids.includes(demand.id) ? [structuredClone(demand)] : []),
    },
    solutions: { get: async (): Promise<Solution | undefined> => undefined },
    clock: createFixedClock(),
    newId: () => `award-${(n += 1)}`,
  });
  return { service, stored };
}

const toOwner = (demandId: string): AwardRequest => ({ demandId, kind: 'best_open_enterprise', target: 'owner', year: 2025 });

const demandIn = (status: DemandStatus, overrides: Partial<Demand> = {}): Demand =>
  createMockDemand({ ...completeForm({ companyName: COMPANY }), status, ...overrides });

describe('award creation', () => {
  it.each<DemandStatus>(['published', 'matched'])('gives an award on a %s demand', async (status) => {
    const demand = demandIn(status);
    const { service, stored } = setup(demand);
    const award = unwrap(await service.create(ADMIN, toOwner(demand.id)));
    expect(award).toMatchObject({ demandId: demand.id, target: 'owner', winnerName: COMPANY, label: '最佳开放式创新企业奖' });
    expect(stored).toHaveLength(1);
  });

  it.each<DemandStatus>(['draft', 'pending_review', 'rejected', 'closed'])(
    'refuses an award on a %s demand, saying why',
    async (status) => {
      const demand = demandIn(status);
      const { service, stored } = setup(demand);
      const error = errorOf(await service.create(ADMIN, toOwner(demand.id)), 'DEMAND.INVALID_TRANSITION');
      expect(error.message).toContain('只能为已发布的需求颁奖');
      expect(stored).toEqual([]);
    },
  );

  it('checks the caller and the demand first', async () => {
    const demand = demandIn('draft');
    const { service } = setup(demand);
    errorOf(await service.create({ id: 'user-1', role: 'user' }, toOwner(demand.id)), 'AUTH.FORBIDDEN');
    errorOf(await service.create(ADMIN, toOwner('no-such-demand')), 'DEMAND.NOT_FOUND');
  });
});

describe('toPublicAward', () => {
  it('masks the company, by its full and its short name, once the demand became anonymous after the award', async () => {
    const open = demandIn('published');
    const { service, stored } = setup(open);
    unwrap(await service.create(ADMIN, { ...toOwner(open.id), note: '钛合新材料在开放创新方面表现突出，联系 139 1234 5678。' }));
    const award = stored[0] as StoredAward;
    expect(award.winnerName).toBe(COMPANY);

    const later: Demand = { ...open, anonymous: true, contactPhone: '13912345678' };
    const shown = toPublicAward(award, later);
    expect(shown.winnerName).toBe(MASK);
    expect(shown.note).toBe(`${MASK}在开放创新方面表现突出，联系 ${MASK}。`);
    expect(shown).not.toHaveProperty('winnerId');
    expect(JSON.stringify(shown)).not.toContain('钛合新材料');

    // A winner named by the short name alone (a team's organisation, say) is masked as well.
    expect(toPublicAward({ ...award, winnerName: '钛合新材料研发团队' }, later).winnerName).toBe(`${MASK}研发团队`);
    // While the demand stays open, the award reads as given.
    expect(toPublicAward(award, open).winnerName).toBe(COMPANY);
  });
});
