/**
 * `npm run bench` runs every benchmark; `npm run bench -- NAME...` runs some. Prints a
 * Markdown table (with the machine and date) for docs/benchmarks.md. Timings are never
 * part of `npm test`: only here, where each figure sits beside a same-run baseline.
 */
import { authors } from './authors'
import { authorship } from './authorship'
import { browserCrowd } from './browser-crowd'
import { coldLoad } from './cold-load'
import { history } from './history'
import { latency } from './latency'
import { memory } from './memory'
import { persistence } from './persistence'
import { readers } from './readers'
import { scaleOut } from './scale-out'
import { schemaCheck } from './schema-check'
import { suggestionCheck } from './suggestion-check'
import { formatTable, machine, type Benchmark, type Result } from './support'
import { throughput } from './throughput'
import { updateCost } from './update-cost'

const BENCHMARKS: readonly Benchmark[] = [latency, throughput, authors, readers, updateCost, authorship, coldLoad, persistence, memory, suggestionCheck, schemaCheck, history, browserCrowd, scaleOut]

// Each y-websocket provider in Node listens for the process's exit; the benchmarks open many at once.
process.setMaxListeners(5_000)

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name))
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. There are: ${BENCHMARKS.map((benchmark) => benchmark.name).join(', ')}.`)
    process.exitCode = 2
    return
  }
  const chosen = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((benchmark) => names.includes(benchmark.name))
  const results: Result[] = []
  for (const benchmark of chosen) {
    console.error(`running ${benchmark.name}: ${benchmark.description}…`)
    results.push(...(await benchmark.run()))
  }
  console.log(`Machine: ${machine()}\nDate: ${new Date().toISOString().slice(0, 10)}\n`)
  console.log(formatTable(results))
}

await main(process.argv.slice(2))
