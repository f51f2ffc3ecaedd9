// Pure state changes of a demand. The service loads, calls one of these, and stores the result under a version check.
import { provinceOf, type Demand, type DemandComplete, type DemandDraft, type DemandStatus } from '@cic/shared';
import { formOf } from './demand.view';

function moved(demand: Demand, status: DemandStatus, at: string, note?: string): Demand {
  return {
    ...demand,
    status,
    updatedAt: at,
    version: demand.version + 1,
    history: [...demand.history, { status, at, ...(note ? { note } : {}) }],
  };
}

/** Keeps the metadata and replaces every 附件3 field with the draft's. */
export function withForm(demand: Demand, form: DemandDraft, at: string): Demand {
  const meta = { ...demand };
  for (const key of Object.keys(formOf(demand)) as (keyof DemandDraft)[]) delete meta[key];
  return { ...meta, ...form, updatedAt: at, version: demand.version + 1 };
}

export function newDraft(input: { id: string; ownerId: string; form: DemandDraft; at: string }): Demand {
  return {
    ...input.form,
    id: input.id,
    ownerId: input.ownerId,
    status: 'draft',
    createdAt: input.at,
    updatedAt: input.at,
    followerCount: 0,
    version: 1,
    history: [{ status: 'draft', at: input.at }],
  };
}

export function submitted(demand: Demand, complete: DemandComplete, at: string, safety?: Demand['safety']): Demand {
  const next = moved(withForm(demand, complete, at), 'pending_review', at);
  delete next.rejectReason;
  delete next.safety;
  return { ...next, version: demand.version + 1, submittedAt: at, ...(safety ? { safety } : {}) };
}

export function approved(demand: Demand, at: string): Demand {
  return { ...moved(demand, 'published', at), publishedAt: at };
}

export function rejected(demand: Demand, reason: string, at: string): Demand {
  return { ...moved(demand, 'rejected', at, reason), rejectReason: reason };
}

export function closed(demand: Demand, at: string): Demand {
  return { ...moved(demand, 'closed', at), closedAt: at };
}

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
