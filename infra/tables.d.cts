import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export interface KeyDef {
  name: string;
  type: 'S' | 'N';
}

export interface TableDef {
  hashKey: KeyDef;
  rangeKey?: KeyDef;
  stream?: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE';
  ttl?: string;
  indexes?: { name: string; hashKey: KeyDef; rangeKey?: KeyDef }[];
  localIndexes?: { name: string; rangeKey: KeyDef }[];
  /** Holds nothing that must outlive a layout change: the local stack may drop and recreate it (scripts/lib/tables.ts). */
  ephemeral?: boolean;
}

export type LogicalTable =
  | 'users'
  | 'demands'
  | 'follows'
  | 'subscriptions'
  | 'percolator'
  | 'notifications'
  | 'quotas'
  | 'system'
  | 'deadLetters'
  | 'solutions'
  | 'finals'
  | 'tracks'
  | 'awards'
  | 'stats'
  | 'rateLimits';

export declare const tables: Record<LogicalTable, TableDef>;
export declare function createTableInput(logicalName: LogicalTable, tableName: string): CreateTableCommandInput;
export declare function tableName(prefix: string, logicalName: LogicalTable): string;
export declare function cloudFormationResources(ctx: {
  resolveVariable: (name: string) => Promise<string>;
}): Promise<{ Resources: Record<string, unknown> }>;
