// The log lines of functions/src/log/logger.ts, read by a test that is about one of them (that it is written, that it
// holds no secret). The unit project runs with LOG_LEVEL=silent so that a passing run prints nothing
// (test/unit-setup.ts); a capture still sees every line, of every level, so such a test asserts what it reads.
import { setLogSink, type LogLevel } from '../../src/log/logger';

export interface LogRecord {
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

export interface LogCapture {
  /** The lines as they would be printed, in order. */
  readonly lines: string[];
  /** Every line parsed. */
  records(): LogRecord[];
  /** The lines with this msg (say 'push.dead_letter'). */
  named(msg: string): LogRecord[];
  /** All lines, one a line: for `toContain` and `not.toContain` of a secret. */
  text(): string;
  /** Forgets what was captured so far. */
  clear(): void;
}

function capture(): LogCapture {
  const lines: string[] = [];
  const records = () => lines.map((line) => JSON.parse(line) as LogRecord);
  return {
    lines,
    records,
    named: (msg) => records().filter((r) => r.msg === msg),
    text: () => lines.join('\n'),
    clear: () => void lines.splice(0),
  };
}

/** Captures the log lines of each test of the file (or describe) it is called in, from a fresh start each test. */
export function useLogCapture(): LogCapture {
  const logs = capture();
  beforeEach(() => {
    logs.clear();
    setLogSink((line) => logs.lines.push(line));
  });
  afterEach(() => setLogSink(undefined));
  return logs;
}
