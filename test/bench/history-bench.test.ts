import { describe, expect, it, onTestFinished } from 'vitest'
import * as Y from 'yjs'
import { textOf, versionedDocument } from '../../bench/support/versioned-document'
import { createDocumentModel, readContent } from '../../server/documents/content'
import { decodeChain } from '../../server/history/snapshots'
import { compareVersions, readVersion } from '../../server/history/version-reader'
import { loadTrace } from '../support/traces'

// The history benchmark's document, on the first 20,000 edits of its trace: what it times must read right.
async function shortHistory() {
  const versioned = await versionedDocument(loadTrace('automerge-paper'), { versions: 10, people: ['ada', 'ben'], turn: 500, msPerEdit: 200, edits: 20_000 })
  onTestFinished(() => versioned.close())
  const { versions } = await versioned.history.read(versioned.documentId)
  return { ...versioned, versions, chain: decodeChain(versions.map((version) => version.snapshot)) }
}

describe('the history benchmark', () => {
  it('records the versions it asks for, each reading as raw Yjs reads the same snapshot', async () => {
    const { room, versions, chain } = await shortHistory()
    expect(versions).toHaveLength(10)
    expect(Y.equalSnapshots(chain.at(-1)!, Y.snapshot(room.doc))).toBe(true)
    const model = createDocumentModel()
    const copy = new Y.Doc({ gc: false })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
    const texts = chain.map((snapshot) => {
      const old = Y.createDocFromSnapshot(copy, snapshot)
      const text = textOf(readContent(model, old).toJSON())
      old.destroy()
      expect(textOf(readVersion(room.doc, snapshot))).toBe(text)
      return text
    })
    expect(new Set(texts).size).toBe(10)
  })

  it('compares with the attribution of both people who typed', async () => {
    const { room, attribution, versions, chain } = await shortHistory()
    const { summary } = compareVersions(room.doc, attribution, chain[4]!, versions[4]!.at, chain[9]!)
    expect(summary.people.map(({ person }) => person).sort()).toEqual(['ada', 'ben'])
    expect(summary.added).toBeGreaterThan(0)
  })
})
