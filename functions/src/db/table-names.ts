import { tableName, type LogicalTable } from '../../../infra/tables.cjs';

export type TableNames = Record<LogicalTable, string>;

export function tableNames(prefix: string): TableNames {
  return {
    users: tableName(prefix, 'users'),
    demands: tableName(prefix, 'demands'),
    follows: tableName(prefix, 'follows'),
  };
}
