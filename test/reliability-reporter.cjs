// Prints the reliability suite's figures (written by test/reliability/figures.ts) as one table after the run.
const { existsSync, readFileSync } = require('node:fs');

class ReliabilityReporter {
  onRunComplete() {
    const file = process.env.RELIABILITY_FIGURES_FILE;
    if (!file || !existsSync(file)) return;
    const figures = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    if (figures.length === 0) return;
    const rows = figures.map((f) => [
      f.section,
      f.name,
      typeof f.value === 'number' ? f.value.toLocaleString('en-US') : String(f.value),
      f.target ?? '',
      f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL',
    ]);
    const head = ['section', 'figure', 'value', 'target', ''];
    const width = (i) => Math.max(...[head, ...rows].map((r) => [...r[i]].length));
    const widths = head.map((_, i) => width(i));
    const line = (r) => `| ${r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ')} |`;
    const out = [
      '',
      'Reliability figures',
      line(head),
      `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
      ...rows.map(line),
      '',
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  }
}
module.exports = ReliabilityReporter;
