// The 740 real demands of data/jstec-demands.jsonl, mapped onto our model as the seed does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Demand } from '@cic/shared';
import { mapRecord, parseJsonl, type JstecRecord } from '../../../../scripts/seed/jstec-mapping';

export const REAL_OWNER = 'seed-owner';

export function realRecords(): JstecRecord[] {
  return parseJsonl(readFileSync(resolve(__dirname, '../../../../data/jstec-demands.jsonl'), 'utf8'));
}

export function realDemands(): Demand[] {
  const out: Demand[] = [];
  for (const record of realRecords()) {
    const mapped = mapRecord(record, { ownerId: REAL_OWNER, at: '2025-01-01T00:00:00.000Z' });
    if (mapped.ok) out.push(mapped.demand);
  }
  return out;
}
