// What the public may see of a listing (a demand or a 成果), written once for both kinds. On an anonymous listing the
// hidden fields are removed, and any of their values the owner also typed into a public text (a phone number in the
// description, the company's short name in the title) is masked there, however it is spelled: no hidden value appears
// anywhere in a public response, a search or a match.
import { companyShortNames } from '../demands/company-short-name';
import { compileMasker, type Masker } from '../demands/hidden-value-masking';
import { MIN_PHONE_DIGITS, phoneForms } from '../demands/phone-forms';

/** Where a kind keeps the values an anonymous listing hides. */
export interface HiddenSources {
  anonymous?: boolean | undefined;
  /** The hidden fields as stored. */
  values: readonly unknown[];
  /** The organisation's registered name, whose short name people also write (钛合新材料). */
  organisation?: string | undefined;
  /** The listing's region: a place in front of the organisation's name is not part of its short name. */
  region?: string | undefined;
  phones: readonly (string | undefined)[];
  email?: string | undefined;
}

/**
 * The values an anonymous listing keeps from the public (none when it is not anonymous): the hidden fields as stored,
 * and the other forms people write them in: the organisation's short name, a phone number without or with its country
 * code and a landline without its area code, and the number of a QQ mail address (12345678@qq.com).
 */
export function hiddenValuesFrom(sources: HiddenSources): string[] {
  if (!sources.anonymous) return [];
  const values = new Set<string>();
  for (const value of sources.values) if (typeof value === 'string') values.add(value);
  for (const short of sources.organisation ? companyShortNames(sources.organisation, sources.region) : []) values.add(short);
  for (const phone of sources.phones) {
    for (const form of phone ? phoneForms(phone) : []) values.add(form);
  }
  // A mailbox named by its number is a QQ number, which people also give on its own (QQ：12345678).
  const mailbox = sources.email?.normalize('NFKC').split('@')[0]?.trim() ?? '';
  if (mailbox.length >= MIN_PHONE_DIGITS && /^\d+$/.test(mailbox)) values.add(mailbox);
  return [...values];
}

/** The masker of a listing's hidden values, compiled once for all its texts; undefined when it hides nothing. */
export function maskerFrom(sources: HiddenSources): Masker | undefined {
  const hidden = hiddenValuesFrom(sources);
  return hidden.length === 0 ? undefined : compileMasker(hidden);
}

/** A copy of the listing with its public texts (strings, or lists of them such as keywords) masked. */
export function withMaskedTexts<T extends object>(listing: T, textKeys: readonly (keyof T)[], mask: Masker | undefined): T {
  if (!mask) return listing;
  const masked: T = { ...listing };
  for (const key of textKeys) {
    const value: unknown = masked[key];
    if (typeof value === 'string') masked[key] = mask(value) as T[keyof T];
    else if (Array.isArray(value)) masked[key] = value.map((v: unknown) => (typeof v === 'string' ? mask(v) : v)) as T[keyof T];
  }
  return masked;
}

/** What the public view of any listing leaves out or narrows. */
interface ViewedListing {
  ownerId: string;
  anonymous?: boolean | undefined;
  rejectReason?: string;
  safety?: unknown;
  history: { status: string; at: string; note?: string }[];
}

/**
 * The public view of a listing: no owner id, review notes or content-check flag, only the public part of its
 * history, and on an anonymous listing none of its hidden fields. `listing` is already masked (withMaskedTexts).
 */
export function publicViewOf<T extends ViewedListing, H extends keyof T>(listing: T, hidden: readonly H[]) {
  const { ownerId: _owner, rejectReason: _reason, safety: _safety, ...rest } = listing;
  const history = rest.history.filter((e) => e.status === 'published' || e.status === 'matched' || e.status === 'closed');
  const view = { ...rest, history: history.map(({ status, at }) => ({ status, at })) } as Omit<
    T,
    'ownerId' | 'rejectReason' | 'safety'
  >;
  if (listing.anonymous) for (const key of hidden) delete (view as Partial<T>)[key];
  return view;
}

/**
 * The public side of one kind of listing: where its hidden values are, which texts the public reads, which fields
 * an anonymous listing hides. Everything that copies, indexes or matches a listing's text for other people starts
 * from `withPublicText`, so a hidden value can neither be read nor found by searching for it.
 */
export function listingView<T extends ViewedListing, H extends keyof T>(spec: {
  sources: (listing: T) => HiddenSources;
  texts: readonly (keyof T)[];
  hidden: readonly H[];
}) {
  const maskerOf = (listing: T): Masker | undefined => maskerFrom(spec.sources(listing));
  const withPublicText = (listing: T): T => withMaskedTexts(listing, spec.texts, maskerOf(listing));
  return {
    hiddenValuesOf: (listing: T): string[] => hiddenValuesFrom(spec.sources(listing)),
    maskerOf,
    withPublicText,
    toPublic: (listing: T) => publicViewOf(withPublicText(listing), spec.hidden),
  };
}

/** The form fields of a stored listing, without its metadata: those of `keys` that are set. */
export function formFieldsOf<K extends string>(
  listing: Partial<Record<K, unknown>>,
  keys: readonly K[],
): Partial<Record<K, unknown>> {
  const form: Partial<Record<K, unknown>> = {};
  for (const key of keys) if (listing[key] !== undefined) form[key] = listing[key];
  return form;
}

/** A listing's list card: the `keys` of its public view, and an excerpt of its main text. */
export function summaryOf<V, K extends keyof V>(
  view: V,
  keys: readonly K[],
  text: string | undefined,
): Pick<V, K> & { excerpt: string } {
  const card = {} as Pick<V, K>;
  for (const key of keys) card[key] = view[key];
  return { ...card, excerpt: excerptOf(text) };
}

const EXCERPT_CHARS = 80;

/** The first characters of a text on one line, for a list card. */
export function excerptOf(text: string | undefined): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : line;
}
