// One JSON line per event, so CloudWatch Logs Insights can query it. Callers pass no secrets and no personal data.
type Level = 'debug' | 'info' | 'warn' | 'error';

function write(level: Level, msg: string, data?: Record<string, unknown>): void {
  if (level === 'debug' && process.env.LOG_DEBUG !== '1') return;
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
