import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Demand } from '@cic/shared';
import type { DemandRepository } from '../../functions/src/demands/demand.repository';
import { mapRecord, parseJsonl } from './jstec-mapping';

export const SEED_OWNER_ID = 'system_jstec';
/** The stream position the seed counts its demands at: before any real change. */
export const SEED_ORDER = '0'.repeat(40);
export const SEED_FILE = join(__dirname, '..', '..', 'data', 'jstec-demands.jsonl');

export interface SeedReport {
  records: number;
  created: number;
  alreadyThere: number;
  skipped: { id: string; fields: Record<string, string> }[];
}

/**
 * Stores every valid real demand as published and anonymous. Running it again changes nothing already stored.
 * `counted` is called for each one after it is stored: the stats are kept from the demands stream, and the local
 * stream consumer starts after the seed (at LATEST), so the seed counts its own demands (an already counted demand
 * is not counted twice).
 */
export async function seedDemands(
  repo: Pick<DemandRepository, 'create'>,
  at = new Date().toISOString(),
  counted: (demand: Demand) => Promise<unknown> = async () => undefined,
): Promise<SeedReport> {
  const records = parseJsonl(readFileSync(SEED_FILE, 'utf8'));
  const report: SeedReport = { records: records.length, created: 0, alreadyThere: 0, skipped: [] };
  const mapped = records.map((r) => mapRecord(r, { ownerId: SEED_OWNER_ID, at }));
  const valid = mapped.flatMap((m) => (m.ok ? [m.demand] : []));
  for (const m of mapped) if (!m.ok) report.skipped.push({ id: m.id, fields: m.fields });
  // Eight writes at a time: fast enough on DynamoDB Local without flooding it.
  for (let i = 0; i < valid.length; i += 8) {
    const outcomes = await Promise.all(
      valid.slice(i, i + 8).map(async (d) => {
        const outcome = await repo.create(d);
        await counted(d);
        return outcome;
      }),
    );
    for (const o of outcomes) {
      if (o === 'created') report.created += 1;
      else report.alreadyThere += 1;
    }
  }
  return report;
}
