/**
 * The editing traces in ../shared/traces: real keystroke-by-keystroke recordings.
 * Used by tests and benchmarks wherever realistic editing is needed.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

export type TracePatch = [position: number, deleted: number, inserted: string]

export interface Trace {
  startContent: string
  endContent: string
  txns: Array<{ time?: string; patches: TracePatch[] }>
}

export type TraceName = 'seph-blog1' | 'automerge-paper'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function tracesDirectory(): string {
  return process.env.COFFEEHOUSE_TRACES_DIR ?? path.resolve(repositoryRoot, '../shared/traces')
}

export function loadTrace(name: TraceName): Trace {
  return JSON.parse(gunzipSync(readFileSync(path.join(tracesDirectory(), `${name}.json.gz`))).toString('utf8')) as Trace
}
