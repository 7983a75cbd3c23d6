import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importGraph } from '../support/import-graph'

const root = fileURLToPath(new URL('../..', import.meta.url))
const graph = importGraph(root, ['model', 'editor', 'server'])

/** "editor/app/App.tsx imports server/…", for every import from one top folder into a forbidden one. */
function crossings(from: string, forbidden: readonly string[]): string[] {
  const found: string[] = []
  for (const [module, imports] of graph) {
    const own = path.relative(root, module)
    if (!own.startsWith(`${from}/`)) continue
    for (const target of imports) {
      const theirs = path.relative(root, target)
      if (forbidden.some((folder) => theirs.startsWith(`${folder}/`))) found.push(`${own} imports ${theirs}`)
    }
  }
  return found
}

describe('the boundaries between editor, server and the shared model', () => {
  it('reads the import graph it checks', () => {
    expect(graph.size).toBeGreaterThan(100)
    expect([...graph.values()].flat().some((target) => path.relative(root, target).startsWith('model/'))).toBe(true)
  })

  it('keeps the editor from importing the server', () => {
    expect(crossings('editor', ['server'])).toEqual([])
  })

  it('keeps the server from importing the editor', () => {
    expect(crossings('server', ['editor'])).toEqual([])
  })

  it('keeps the shared model from importing either', () => {
    expect(crossings('model', ['editor', 'server'])).toEqual([])
  })
})
