// What each viewer may see of a demand. On an anonymous demand the hidden fields are removed, and any of their
// values that the owner also typed into a public text (a phone number in the description, say) is masked there too:
// the promise is that no hidden value appears anywhere in a public response.
import {
  DEMAND_FIELD_LABELS,
  HIDDEN_WHEN_ANONYMOUS,
  type Demand,
  type DemandFieldKey,
  type DemandSummary,
  type PublicDemand,
} from '@cic/shared';
import { companyShortNames } from './company-short-name';
import { compileMasker, type Masker } from './hidden-value-masking';
import { MIN_PHONE_DIGITS, phoneForms } from './phone-forms';

export { MASK } from './hidden-value-masking';

const EXCERPT_CHARS = 80;

/** Public texts that could repeat a hidden value. */
const PUBLIC_TEXT_FIELDS = ['title', 'description', 'companyIntro', 'region', 'fieldOther', 'cooperationOther'] as const;

const FORM_KEYS = Object.keys(DEMAND_FIELD_LABELS) as DemandFieldKey[];

/** The 附件3 fields of a stored demand, without its metadata. */
export function formOf(demand: Demand): Partial<Record<DemandFieldKey, unknown>> {
  const form: Partial<Record<DemandFieldKey, unknown>> = {};
  for (const key of FORM_KEYS) if (demand[key] !== undefined) form[key] = demand[key];
  return form;
}

/**
 * Masks the hidden values in a text, however they are spelled there (hidden-value-masking.ts). To mask several texts
 * of one demand, compile once with maskerOf (or compileMasker for a list of values).
 */
export function maskHiddenValues(text: string, hiddenValues: readonly string[]): string {
  return compileMasker(hiddenValues)(text);
}

/**
 * The values an anonymous demand keeps from the public (none when it is not anonymous): the hidden fields as stored,
 * and the other forms people write them in: the company's short name (钛合新材料), a phone number without or with
 * its country code and a landline without its area code, and the number of a QQ mail address (12345678@qq.com).
 */
export function hiddenValuesOf(demand: Demand): string[] {
  if (!demand.anonymous) return [];
  const values = new Set<string>();
  for (const key of HIDDEN_WHEN_ANONYMOUS) {
    const value = demand[key];
    if (typeof value === 'string') values.add(value);
  }
  for (const short of demand.companyName ? companyShortNames(demand.companyName, demand.region) : []) values.add(short);
  for (const phone of [demand.contactPhone, demand.brokerPhone]) {
    for (const form of phone ? phoneForms(phone) : []) values.add(form);
  }
  // A mailbox named by its number is a QQ number, which people also give on its own (QQ：12345678).
  const mailbox = demand.email?.normalize('NFKC').split('@')[0]?.trim() ?? '';
  if (mailbox.length >= MIN_PHONE_DIGITS && /^\d+$/.test(mailbox)) values.add(mailbox);
  return [...values];
}

/** The masker of a demand's hidden values, compiled once for all its texts; undefined when it hides nothing. */
export function maskerOf(demand: Demand): Masker | undefined {
  const hidden = hiddenValuesOf(demand);
  return hidden.length === 0 ? undefined : compileMasker(hidden);
}

/**
 * The demand with its public texts (title, description, …) as the public sees them: on an anonymous demand, any
 * hidden value the owner repeated in them is masked. Everything that copies, indexes or matches a demand's text for
 * other people (search, alerts, inbox titles, pushes, the fit of solutions) starts from this, so a hidden value can
 * neither be read nor found by searching for it.
 */
export function withPublicText(demand: Demand): Demand {
  const mask = maskerOf(demand);
  if (!mask) return demand;
  const masked: Demand = { ...demand };
  for (const key of PUBLIC_TEXT_FIELDS) {
    const value = masked[key];
    if (typeof value === 'string') masked[key] = mask(value);
  }
  return masked;
}

/** A demand's title as anyone but its owner and the organisers may see it. */
export const publicTitleOf = (demand: Demand): string => withPublicText(demand).title ?? '';

export function toPublicDemand(demand: Demand): PublicDemand {
  const { ownerId: _owner, rejectReason: _reason, safety: _safety, ...rest } = withPublicText(demand);
  const history = rest.history.filter((e) => e.status === 'published' || e.status === 'matched' || e.status === 'closed');
  const view: PublicDemand = { ...rest, history: history.map(({ status, at }) => ({ status, at })) };
  if (!demand.anonymous) return view;
  for (const key of HIDDEN_WHEN_ANONYMOUS) delete view[key];
  return view;
}

export function toSummary(view: PublicDemand): DemandSummary {
  const description = (view.description ?? '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(description);
  return {
    id: view.id,
    status: view.status,
    title: view.title,
    field: view.field,
    fieldOther: view.fieldOther,
    region: view.region,
    budgetWan: view.budgetWan,
    cooperationModes: view.cooperationModes,
    cooperationOther: view.cooperationOther,
    publishedAt: view.publishedAt,
    followerCount: view.followerCount,
    anonymous: view.anonymous,
    excerpt: chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : description,
  };
}
