type Resolver = { resolveVariable(name: string): Promise<unknown> };

export declare const LOCAL_STAGE: string;
/** Throws on an entry that is not exactly `https://host[:port]`. */
export declare function parseOrigins(list: unknown): string[];
export declare function allowedOrigins(resolver: Resolver): Promise<string[]>;
