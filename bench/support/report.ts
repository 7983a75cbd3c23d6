/**
 * What every benchmark reports: one row per figure, each beside a baseline measured in
 * the same run (these machines are noisy, so only same-run comparisons mean much), and
 * the target it is held to.
 */
import os from 'node:os'

export interface Result {
  benchmark: string
  figure: string
  value: string
  baseline: string
  target: string
  met: boolean
}

export interface Benchmark {
  name: string
  description: string
  run(): Promise<Result[]>
}

export function machine(): string {
  const cpus = os.cpus()
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`
}

/** A Markdown table, so the output can be pasted into docs/benchmarks.md as it is. */
export function formatTable(results: readonly Result[]): string {
  const header = ['benchmark', 'figure', 'result', 'baseline (same run)', 'target', 'met']
  const rows = results.map((result) => [result.benchmark, result.figure, result.value, result.baseline, result.target, result.met ? 'yes' : '**no**'])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
