// One JSON line per event, so CloudWatch Logs Insights can query it. Callers pass no secrets and no personal data.
type Level = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<Level | 'silent', number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** LOG_LEVEL (debug | info | warn | error | silent) sets the least severe level written; info by default. */
function enabled(level: Level): boolean {
  const min = process.env.LOG_LEVEL as Level | 'silent' | undefined;
  return RANK[level] >= RANK[min && min in RANK ? min : 'info'];
}

function write(level: Level, msg: string, data?: Record<string, unknown>): void {
  if (!enabled(level)) return;
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...data });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}

export const log = {
  debug: (msg: string, data?: Record<string, unknown>) => write('debug', msg, data),
  info: (msg: string, data?: Record<string, unknown>) => write('info', msg, data),
  warn: (msg: string, data?: Record<string, unknown>) => write('warn', msg, data),
  error: (msg: string, data?: Record<string, unknown>) => write('error', msg, data),
};

export function errorData(err: unknown): Record<string, unknown> {
  return err instanceof Error ? { error: err.name, detail: err.message, stack: err.stack } : { error: String(err) };
}
