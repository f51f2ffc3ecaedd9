import type { LogicalTable } from './tables.cjs';

export type DynamoAction = 'GetItem' | 'Query' | 'BatchGetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

export interface FunctionDef {
  handler: string;
  http?: string;
  stream?: 'demands' | 'achievements' | 'notifications';
  access: Partial<Record<LogicalTable, DynamoAction[]>>;
  timeout?: number;
}

type Resolver = { resolveVariable(name: string): Promise<unknown> };

export declare const functions: Record<string, FunctionDef>;
/** The tables whose streams functions read, and where a new reader starts. */
export declare const STREAMS: Record<
  NonNullable<FunctionDef['stream']>,
  { param: string; startingPosition: 'LATEST' | 'TRIM_HORIZON' }
>;
export declare function allows(functionName: string, logicalTable: string, action: string): boolean;
export declare function serverlessFunctions(resolver: Resolver): Promise<Record<string, unknown>>;
export declare function roleResources(resolver: Resolver): Promise<{ Resources: Record<string, unknown> }>;
