// What each viewer may see of a demand. On an anonymous demand the hidden fields are removed, and any of their
// values that the owner also typed into a public text (a phone number in the description, say) is masked there too:
// the promise is that no hidden value appears anywhere in a public response.
import {
  DEMAND_FIELD_LABELS,
  DEMAND_SUMMARY_KEYS,
  HIDDEN_WHEN_ANONYMOUS,
  type Demand,
  type DemandFieldKey,
  type DemandSummary,
  type PublicDemand,
} from '@cic/shared';
import { formFieldsOf, listingView, summaryOf, type HiddenSources } from '../listings/listing.view';
import { compileMasker, type Masker } from './hidden-value-masking';

export { MASK } from './hidden-value-masking';

/** Public texts that could repeat a hidden value. */
const PUBLIC_TEXT_FIELDS = ['title', 'description', 'companyIntro', 'region', 'fieldOther', 'cooperationOther'] as const;

export const DEMAND_FORM_KEYS = Object.keys(DEMAND_FIELD_LABELS) as DemandFieldKey[];

/** The 附件3 fields of a stored demand, without its metadata. */
export const formOf = (demand: Demand): Partial<Record<DemandFieldKey, unknown>> => formFieldsOf(demand, DEMAND_FORM_KEYS);

/**
 * Masks the hidden values in a text, however they are spelled there (hidden-value-masking.ts). To mask several texts
 * of one demand, compile once with maskerOf (or compileMasker for a list of values).
 */
export function maskHiddenValues(text: string, hiddenValues: readonly string[]): string {
  return compileMasker(hiddenValues)(text);
}

const view = listingView({
  sources: (demand: Demand): HiddenSources => ({
    anonymous: demand.anonymous,
    values: HIDDEN_WHEN_ANONYMOUS.map((key) => demand[key]),
    organisation: demand.companyName,
    region: demand.region,
    phones: [demand.contactPhone, demand.brokerPhone],
    email: demand.email,
  }),
  texts: PUBLIC_TEXT_FIELDS,
  hidden: HIDDEN_WHEN_ANONYMOUS,
});

/**
 * The values an anonymous demand keeps from the public (none when it is not anonymous): the hidden fields as stored,
 * and the other forms people write them in (listing.view.ts): the company's short name, the phone numbers' other
 * spellings, the number of a QQ mail address.
 */
export const hiddenValuesOf: (demand: Demand) => string[] = view.hiddenValuesOf;

/** The masker of a demand's hidden values, compiled once for all its texts; undefined when it hides nothing. */
export const maskerOf: (demand: Demand) => Masker | undefined = view.maskerOf;

/**
 * The demand with its public texts (title, description, …) as the public sees them: on an anonymous demand, any
 * hidden value the owner repeated in them is masked. Everything that copies, indexes or matches a demand's text for
 * other people (search, alerts, inbox titles, pushes, the fit of solutions) starts from this.
 */
export const withPublicText: (demand: Demand) => Demand = view.withPublicText;

/** A demand's title as anyone but its owner and the organisers may see it. */
export const publicTitleOf = (demand: Demand): string => withPublicText(demand).title ?? '';

export const toPublicDemand: (demand: Demand) => PublicDemand = view.toPublic;

export const toSummary = (view: PublicDemand): DemandSummary => summaryOf(view, DEMAND_SUMMARY_KEYS, view.description);
