import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importGraph } from '../support/import-graph'

const root = fileURLToPath(new URL('../..', import.meta.url))
const graph = importGraph(root, ['server'])

/**
 * What storage may import besides itself: the rule for document ids, which name its files.
 * persistence.ts is the extension that joins storage to the sync server, so it meets the
 * sync server's hooks and attribution; it is the one module of the folder allowed them.
 */
const ALLOWED = ['server/documents/ids.ts']
const JOINS_THE_SYNC_SERVER = 'server/storage/persistence.ts'

describe('the storage seam', () => {
  it('keeps storage from importing any capability: capabilities declare their own record kinds', () => {
    const crossings: string[] = []
    for (const [module, imports] of graph) {
      const own = path.relative(root, module)
      if (!own.startsWith('server/storage/') || own === JOINS_THE_SYNC_SERVER) continue
      for (const target of imports) {
        const theirs = path.relative(root, target)
        if (!theirs.startsWith('server/storage/') && !ALLOWED.includes(theirs)) crossings.push(`${own} imports ${theirs}`)
      }
    }
    expect(crossings).toEqual([])
  })
})
