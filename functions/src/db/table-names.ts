import { tableName, tables, type LogicalTable } from '../../../infra/tables.cjs';

export type TableNames = Record<LogicalTable, string>;

export function tableNames(prefix: string): TableNames {
  const names = {} as TableNames;
  for (const logical of Object.keys(tables) as LogicalTable[]) names[logical] = tableName(prefix, logical);
  return names;
}
