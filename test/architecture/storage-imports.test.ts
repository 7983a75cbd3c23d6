import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importGraph } from '../support/import-graph'

const root = fileURLToPath(new URL('../..', import.meta.url))
const graph = importGraph(root, ['server'])

/**
 * Storage imports nothing but itself. persistence.ts is the extension that joins storage to the
 * sync server, so it meets the sync server's hooks; it is the one module allowed them.
 */
const JOINS_THE_SYNC_SERVER = 'server/storage/persistence.ts'
const THE_SYNC_SERVER = 'server/collab/'

describe('the storage seam', () => {
  it('keeps storage from importing any capability: capabilities declare their own record kinds', () => {
    const crossings: string[] = []
    for (const [module, imports] of graph) {
      const own = path.relative(root, module)
      if (!own.startsWith('server/storage/')) continue
      for (const target of imports) {
        const theirs = path.relative(root, target)
        const allowed = theirs.startsWith('server/storage/') || (own === JOINS_THE_SYNC_SERVER && theirs.startsWith(THE_SYNC_SERVER))
        if (!allowed) crossings.push(`${own} imports ${theirs}`)
      }
    }
    expect(crossings).toEqual([])
  })
})
