// Pure state changes of a demand. The service loads, calls one of these, and stores the result under a version check.
import { provinceOf, type Demand, type DemandComplete, type DemandDraft } from '@cic/shared';
import { listingLifecycle, moved } from '../listings/listing.lifecycle';
import { DEMAND_FORM_KEYS } from './demand.view';

/** The demand as a listing (listings/listing.lifecycle.ts): its form is the 附件3 form. */
export const demandLifecycle = listingLifecycle<Demand, DemandDraft>(DEMAND_FORM_KEYS);
const lifecycle = demandLifecycle;

/** Keeps the metadata and replaces every 附件3 field with the draft's. */
export const withForm = lifecycle.withForm;

export function newDraft(input: { id: string; ownerId: string; form: DemandDraft; at: string }): Demand {
  return lifecycle.newDraft(input, { followerCount: 0 });
}

export function submitted(demand: Demand, complete: DemandComplete, at: string, safety?: Demand['safety']): Demand {
  return lifecycle.submitted(demand, complete, at, safety);
}

export const { approved, rejected, closed } = lifecycle;

/** The province a demand is filed under, for the region index. */
export function demandProvince(demand: Pick<Demand, 'region'>): string | undefined {
  return demand.region ? provinceOf(demand.region) : undefined;
}

/** The owner signed an intent agreement (意向协议) with a solution's team. */
export function matched(demand: Demand, at: string): Demand {
  return { ...moved(demand, 'matched', at), matchedAt: at };
}

/** An organiser put the demand in a track (专场), or took it out (null). The status does not change. */
export function inTrack(demand: Demand, trackId: string | null, at: string): Demand {
  const next: Demand = { ...demand, updatedAt: at, version: demand.version + 1 };
  if (trackId) next.trackId = trackId;
  else delete next.trackId;
  return next;
}
