import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemandRepository } from '../../functions/src/demands/demand.repository';
import { mapRecord, parseJsonl } from './jstec-mapping';

export const SEED_OWNER_ID = 'system_jstec';
export const SEED_FILE = join(__dirname, '..', '..', 'data', 'jstec-demands.jsonl');

export interface SeedReport {
  records: number;
  created: number;
  alreadyThere: number;
  skipped: { id: string; fields: Record<string, string> }[];
}

/** Stores every valid real demand as published and anonymous. Running it again changes nothing already stored. */
export async function seedDemands(repo: Pick<DemandRepository, 'create'>, at = new Date().toISOString()): Promise<SeedReport> {
  const records = parseJsonl(readFileSync(SEED_FILE, 'utf8'));
  const report: SeedReport = { records: records.length, created: 0, alreadyThere: 0, skipped: [] };
  const mapped = records.map((r) => mapRecord(r, { ownerId: SEED_OWNER_ID, at }));
  const valid = mapped.flatMap((m) => (m.ok ? [m.demand] : []));
  for (const m of mapped) if (!m.ok) report.skipped.push({ id: m.id, fields: m.fields });
  // Eight writes at a time: fast enough on DynamoDB Local without flooding it.
  for (let i = 0; i < valid.length; i += 8) {
    const outcomes = await Promise.all(valid.slice(i, i + 8).map((d) => repo.create(d)));
    for (const o of outcomes) {
      if (o === 'created') report.created += 1;
      else report.alreadyThere += 1;
    }
  }
  return report;
}
