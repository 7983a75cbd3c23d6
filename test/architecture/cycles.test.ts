/**
 * Dependencies point one way. A cycle means two modules (or two capabilities) can only be
 * understood, tested and changed together, which is what the folders are there to prevent.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importCycles, importGraph } from '../support/import-graph'

const root = fileURLToPath(new URL('../..', import.meta.url))
const graph = importGraph(root, ['model', 'editor', 'server'])

describe('the direction of dependencies', () => {
  it('has no import cycle between modules', () => {
    expect(importCycles(graph, root)).toEqual([])
  })
})
