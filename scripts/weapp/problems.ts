// What the weapp check reports: one problem per line, with the file and line a person has to open.
export type ProblemSource = 'wcc' | 'wcsc' | 'wxml-runtime' | 'config';

export interface Problem {
  source: ProblemSource;
  /** Relative to the build folder. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** The text around the position (Taro minifies, so a whole stylesheet is one line). */
  excerpt?: string;
}

export function formatProblem(p: Problem): string {
  const at = p.line === undefined ? p.file : `${p.file}:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
  return `${at}: [${p.source}] ${p.message}${p.excerpt ? `\n    near: ${p.excerpt}` : ''}`;
}

/** Up to 30 characters either side of a 1-based line and column of `text`, on one line. */
export function excerptAt(text: string, line: number, column: number): string | undefined {
  const lines = text.split('\n');
  const content = lines[line - 1];
  if (content === undefined) return undefined;
  const at = Math.max(0, column - 1);
  const start = Math.max(0, at - 30);
  const end = Math.min(content.length, at + 30);
  const snippet = `${start > 0 ? '…' : ''}${content.slice(start, end)}${end < content.length ? '…' : ''}`;
  return snippet.replace(/\s+/g, ' ').trim() || undefined;
}
