// What each viewer may see of a demand. On an anonymous demand the hidden fields are removed, and any of their
// values that the owner also typed into a public text (a phone number in the description, say) is masked there too:
// the promise is that no hidden value appears anywhere in a public response.
import {
  charCount,
  DEMAND_FIELD_LABELS,
  HIDDEN_WHEN_ANONYMOUS,
  type Demand,
  type DemandFieldKey,
  type DemandSummary,
  type PublicDemand,
} from '@cic/shared';

export const MASK = '***';
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Separators people put inside phone numbers: spaces, hyphens, dots, brackets. */
const PHONE_GAP = '[\\s\\-.()（）]*';

/**
 * Patterns for the forms a hidden value may take in free text: as typed (any case), and, for a phone number, its
 * digits with any separators between them and with or without the +86 country code.
 */
function patternsOf(value: string): RegExp[] {
  const patterns: RegExp[] = [];
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length >= 7) {
    patterns.push(new RegExp(`(?:\\+?86${PHONE_GAP})?${[...digits].join(PHONE_GAP)}`, 'gu'));
  }
  if (charCount(trimmed) >= 2) patterns.push(new RegExp(escapeRegExp(trimmed), 'giu'));
  return patterns;
}

export function maskHiddenValues(text: string, hiddenValues: readonly string[]): string {
  let out = text;
  for (const value of hiddenValues) {
    for (const pattern of patternsOf(value)) out = out.replace(pattern, MASK);
  }
  return out;
}

/** The values an anonymous demand keeps from the public (none when it is not anonymous). */
export function hiddenValuesOf(demand: Demand): string[] {
  if (!demand.anonymous) return [];
  return HIDDEN_WHEN_ANONYMOUS.flatMap((key) => {
    const value = demand[key];
    return typeof value === 'string' ? [value] : [];
  });
}

/**
 * The demand with its public texts (title, description, …) as the public sees them: on an anonymous demand, any
 * hidden value the owner repeated in them is masked. Everything that copies, indexes or matches a demand's text for
 * other people (search, alerts, inbox titles, pushes, the fit of solutions) starts from this, so a hidden value can
 * neither be read nor found by searching for it.
 */
export function withPublicText(demand: Demand): Demand {
  const hiddenValues = hiddenValuesOf(demand);
  if (hiddenValues.length === 0) return demand;
  const masked: Demand = { ...demand };
  for (const key of PUBLIC_TEXT_FIELDS) {
    const value = masked[key];
    if (typeof value === 'string') masked[key] = maskHiddenValues(value, hiddenValues);
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
