/**
 * Dependencies point one way. A cycle means two modules (or two capabilities) can only be
 * understood, tested and changed together, which is what the folders are there to prevent.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importCycles, importGraph } from '../support/import-graph'

const root = fileURLToPath(new URL('../..', import.meta.url))
const graph = importGraph(root, ['model', 'editor', 'server'])

/** server/history/x.ts → "history"; null for server/main.ts and the like. */
function folderOf(module: string): string | null {
  const [top, folder, file] = path.relative(root, module).split(path.sep)
  if (top !== 'server' || folder === undefined || file === undefined) return null
  return path.join(root, 'server', folder)
}

/** The graph of server/'s folders: one folder imports another if any of its modules does. */
function folderGraph(): Map<string, string[]> {
  const folders = new Map<string, Set<string>>()
  for (const [module, imports] of graph) {
    const from = folderOf(module)
    if (from === null) continue
    const targets = folders.get(from) ?? folders.set(from, new Set()).get(from)!
    for (const target of imports) {
      const to = folderOf(target)
      if (to !== null && to !== from) targets.add(to)
    }
  }
  return new Map([...folders].map(([folder, targets]) => [folder, [...targets]]))
}

describe('the direction of dependencies', () => {
  it('finds a cycle when two modules import each other', () => {
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'].map((name) => path.join(root, name))
    expect(importCycles(new Map([[a!, [b!]], [b!, [c!, a!]], [c!, []]]), root)).toEqual([['a.ts', 'b.ts']])
  })

  it('has no import cycle between modules', () => {
    expect(importCycles(graph, root)).toEqual([])
  })

  it('has no cycle between the server\'s capability folders', () => {
    const folders = folderGraph()
    // Guards the check itself: a graph without edges would have no cycles either.
    expect(folders.size).toBeGreaterThan(4)
    expect([...folders.values()].flat().length).toBeGreaterThan(4)
    expect(importCycles(folders, root)).toEqual([])
  })
})
