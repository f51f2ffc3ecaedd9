// One JSON line per event, so CloudWatch Logs Insights can query it. Callers pass no secrets and no personal data.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel | 'silent', number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** LOG_LEVEL (debug | info | warn | error | silent) sets the least severe level written; info by default. */
function enabled(level: LogLevel): boolean {
  const min = process.env.LOG_LEVEL as LogLevel | 'silent' | undefined;
  return RANK[level] >= RANK[min && min in RANK ? min : 'info'];
}

/** Receives every line, whatever LOG_LEVEL says, instead of the console. */
export type LogSink = (line: string, level: LogLevel) => void;

let sink: LogSink | undefined;

/**
 * Sends the lines to `next` instead of the console, until called again with undefined. For tests about a log line
 * (that it is written, that it holds no secret): they read every line while LOG_LEVEL keeps a passing run quiet.
 */
export function setLogSink(next: LogSink | undefined): void {
  sink = next;
}

function write(level: LogLevel, msg: string, data?: Record<string, unknown>): void {
  if (!sink && !enabled(level)) return;
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...data });
  if (sink) sink(line, level);
  else if (level === 'error' || level === 'warn') console.error(line);
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
