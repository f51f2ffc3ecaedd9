// Masking that survives other spellings. Anonymous demands repeat their hidden values (phone, landline, e-mail, contact
// name, company) in their public text, each in a spelling of its own: full-width digits, spaces, hyphens, zero-width
// characters between the characters, +86, a landline without its area code, an upper-case full-width e-mail, the
// company's short name. Then every public view is read — the detail (anonymously and as another user), the list, and
// a search for each hidden value and each spelling — and a subscriber follows the company's short name. No response
// may contain a hidden value in any spelling (compared after folding width, case, spaces and separators), no search may
// find an anonymous demand by it, and no alert may fire on it. A control demand, not anonymous, with the same text is
// found and alerts, so the checks can see a leak.
import type { AuthResponse, Demand, DemandListResponse, Notification, Page, Subscription } from '@cic/shared';
import { call, completeForm, login, published, uniq } from '../../functions/test/support/api';
import { eventually } from '../../functions/test/support/stack-env';
import { recordFigure } from './figures';

const SECTION = 'confidentiality';

/** Folds what a reader does not see as a difference: width, case, spaces, invisible characters and separators. */
const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff\-\u2010-\u2015.·()/_+]/g, '');

const RUN = uniq('')
  .replace(/[^a-z0-9]/g, '')
  .slice(-6);
/** Two characters unlikely to meet in a real demand, so the company's short name is this run's own. */
const RARE = '澜珩瑾璟琦玥沣岚';
const pickRare = (n: number) => RARE[n % RARE.length] as string;
const digits = String(Number.parseInt(RUN, 36) % 10_000_000).padStart(7, '0');

const hidden = {
  mobile: `139${digits}1`.slice(0, 11),
  landline: `025-8${digits}`,
  email: `hv${RUN}@example.com`,
  contactName: `司马${pickRare(digits.charCodeAt(0))}${pickRare(digits.charCodeAt(1))}`,
  company: `南京${pickRare(digits.charCodeAt(2))}${pickRare(digits.charCodeAt(3) + 3)}新材料科技有限公司`,
};
const shortName = hidden.company.replace(/^南京/, '').replace(/科技有限公司$/, '');
const fullWidth = (s: string) => s.replace(/[0-9a-z@.]/gi, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const zeroWidth = (s: string) => [...s].join('\u200b');
const local = hidden.landline.split('-')[1] as string;

/** Each spelling, in the public text of an anonymous demand of its own. */
const SPELLINGS: Record<string, string> = {
  'mobile, full-width': fullWidth(hidden.mobile),
  'mobile, spaced': hidden.mobile.replace(/^(\d{3})(\d{4})(\d{4})$/, '$1 $2 $3'),
  'mobile, hyphens': hidden.mobile.replace(/^(\d{3})(\d{4})(\d{4})$/, '$1-$2-$3'),
  'mobile, zero-width between digits': zeroWidth(hidden.mobile),
  'mobile, +86': `+86 ${hidden.mobile}`,
  'landline, brackets': `(025) ${local.slice(0, 4)}-${local.slice(4)}`,
  'landline, local number only': `${local.slice(0, 4)} ${local.slice(4)}`,
  'e-mail, upper-case full-width': fullWidth(hidden.email.toUpperCase()),
  'contact name, spaced': [...hidden.contactName].join(' '),
  'company, short name': shortName,
  'company, region in brackets': `${shortName}（南京）科技有限公司`,
};

/** A description with no digit of its own, so a search for a number can only find what is hidden. */
const description = (spelling: string) =>
  `我们需要开发一种耐高温的新型热障涂层材料，用于燃气轮机叶片的长期防护，并希望合作方提供完整的中试工艺方案。如有疑问请联系${spelling}，欢迎高校与科研院所揭榜。`;

const form = (spelling: string, anonymous: boolean) =>
  completeForm({
    title: `热障涂层材料联合研发${RUN}`.slice(0, 60),
    description: description(spelling),
    companyName: hidden.company,
    contactName: hidden.contactName,
    contactPhone: hidden.mobile,
    email: hidden.email,
    brokerName: '钱经纪',
    brokerPhone: hidden.landline,
    region: '江苏省 / 南京市 / 江宁区',
    anonymous,
  });

const HIDDEN_FOLDED = [...Object.values(hidden), shortName, local].map(fold);
const leaksIn = (text: string) => HIDDEN_FOLDED.filter((value) => fold(text).includes(value));

describe('masking: hidden values in other spellings', () => {
  let admin: string;
  let owner: string;
  let stranger: AuthResponse;
  let follower: AuthResponse;
  const anonymous = new Map<string, Demand>();
  let control: Demand;

  beforeAll(async () => {
    [admin, owner, stranger, follower] = await Promise.all([
      login('admin').then((a) => a.token),
      login('user').then((a) => a.token),
      login('user'),
      login('user'),
    ]);
    // The subscriber follows the company by its short name, before anything is published.
    const sub = await call<Subscription>('POST', '/me/subscriptions', { token: follower.token, json: { keywords: [shortName] } });
    expect(sub.status).toBe(201);
    for (const [name, spelling] of Object.entries(SPELLINGS))
      anonymous.set(name, await published(owner, admin, form(spelling, true)));
    control = await published(owner, admin, form(SPELLINGS['company, short name'] as string, false));
  }, 180_000);

  it('no public view shows a hidden value, no search finds an anonymous demand by one, and no alert fires on one', async () => {
    const leaks: string[] = [];
    let tried = 0;
    // Each detail, with no token and as another user.
    for (const [name, demand] of anonymous) {
      for (const token of [undefined, stranger.token]) {
        const res = await call('GET', `/demands/${demand.id}`, { token });
        tried += 1;
        for (const value of leaksIn(res.text)) leaks.push(`detail (${name}): ${value}`);
      }
    }
    // The list, page by page until it has passed this run's demands.
    let cursor: string | null = null;
    const ids = new Set([...anonymous.values()].map((d) => d.id));
    let seen = 0;
    do {
      const page: { body: DemandListResponse } = await call<DemandListResponse>(
        'GET',
        `/demands?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      for (const item of page.body.items.filter((d) => ids.has(d.id))) {
        seen += 1;
        for (const value of leaksIn(JSON.stringify(item))) leaks.push(`list: ${value}`);
      }
      cursor = page.body.nextCursor;
    } while (cursor && seen < ids.size);
    expect(seen).toBe(ids.size);
    // A search for every hidden value and every spelling finds no anonymous demand.
    const queries = [...new Set([...Object.values(hidden), shortName, local, ...Object.values(SPELLINGS)])].filter(
      (q) => [...q].length <= 50,
    );
    for (const q of queries) {
      const res = await call<DemandListResponse>('GET', `/demands?q=${encodeURIComponent(q)}&limit=50`);
      tried += 1;
      for (const item of res.body.items.filter((d) => ids.has(d.id))) leaks.push(`search "${q}" found ${item.id}`);
    }
    // The control, not anonymous, is found by its company's short name: the search could find a leak.
    const controlFound = (
      await call<DemandListResponse>('GET', `/demands?q=${encodeURIComponent(shortName)}&limit=50`)
    ).body.items.some((d) => d.id === control.id);
    // The subscriber to the short name hears of the control only.
    const alerted = await eventually(
      'the control demand’s alert',
      async () => {
        const items = (await call<Page<Notification>>('GET', '/me/notifications', { token: follower.token })).body.items;
        return items.some((n) => n.demandId === control.id) ? items : undefined;
      },
      20_000,
    );
    for (const n of alerted.filter((n) => n.demandId !== control.id)) leaks.push(`alert on ${n.demandId}`);
    recordFigure({
      section: SECTION,
      name: `hidden values in other spellings (${Object.keys(SPELLINGS).length}) tried over detail, list, ${queries.length} searches and alerts`,
      value: `${leaks.length} leaks`,
      target: '0',
      pass: leaks.length === 0 && controlFound,
    });
    expect({ leaks, controlFound, tried: tried > 0 }).toEqual({ leaks: [], controlFound: true, tried: true });
  }, 180_000);
});
