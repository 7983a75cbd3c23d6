/**
 * Where a piece of work spends its CPU, from V8's sampling profiler run in this process
 * (node:inspector). Each sample is credited to a *pass*: the innermost function on its stack
 * that some pass names. A pass is named by a file and function names, so that a pass which
 * calls another (Y.applyUpdate calling the attribution hook) is not charged for it.
 *
 * Sampling, not instrumenting: the code measured is the product's, unchanged.
 */
import { Session } from 'node:inspector/promises'

export interface Pass {
  label: string
  /** A part of the file's URL: 'server/collab/room.ts', 'yjs/dist'. */
  file: string
  functions: readonly string[]
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}

export interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  /** Microseconds between consecutive samples. */
  timeDeltas: number[]
}

/** Labels for what V8 reports outside any JavaScript function. */
export const GARBAGE_COLLECTION = 'garbage collection'
export const OTHER = 'other (the driver, promises, V8)'

/** 50 µs: an update costs tens of µs, so coarser sampling would leave most passes with few samples. */
const SAMPLING_INTERVAL_US = 50

export async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session()
  session.connect()
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US })
    await session.post('Profiler.start')
    const result = await work()
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }
    return { result, profile }
  } finally {
    session.disconnect()
  }
}

/** Microseconds of CPU by pass; idle time is left out. */
export function timeByPass(profile: CpuProfile, passes: readonly Pass[]): Map<string, number> {
  const parents = new Map<number, ProfileNode>()
  const nodes = new Map<number, ProfileNode>()
  for (const node of profile.nodes) {
    nodes.set(node.id, node)
    for (const child of node.children ?? []) parents.set(child, node)
  }
  const labels = new Map<number, string | null>()
  const labelOf = (node: ProfileNode): string | null => {
    const known = labels.get(node.id)
    if (known !== undefined) return known
    const own = ownLabel(node, passes)
    const parent = parents.get(node.id)
    const label = own !== undefined ? own : parent ? labelOf(parent) : OTHER
    labels.set(node.id, label)
    return label
  }
  const times = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const label = labelOf(nodes.get(id)!)
    if (label === null) return
    times.set(label, (times.get(label) ?? 0) + (profile.timeDeltas[index] ?? 0))
  })
  return times
}

/** The pass a function belongs to, null for idle time, undefined for a function of no pass. */
function ownLabel({ callFrame: { functionName, url } }: ProfileNode, passes: readonly Pass[]): string | null | undefined {
  // The profiler's own work as it stops is not the work measured.
  if (functionName === '(idle)' || url.startsWith('node:inspector')) return null
  if (functionName === '(garbage collector)') return GARBAGE_COLLECTION
  if (functionName === '(program)') return OTHER
  return passes.find((pass) => url.includes(pass.file) && pass.functions.includes(functionName))?.label
}
