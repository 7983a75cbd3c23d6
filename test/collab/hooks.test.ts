import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import type { AnyExtension, ConnectionInfo, Extension } from '../../server/collab/hooks'
import { Room, type RoomMember } from '../../server/collab/room'
import { createDocumentModel } from '../../server/documents/content'

const shape = createDocumentModel().shape

function member(): RoomMember {
  const info: ConnectionInfo = {
    id: 'writer',
    documentId: 'paper',
    remoteAddress: undefined,
    user: 'ada',
    close: (error) => {
      throw error
    },
  }
  return { info, send: () => {}, refuse: (error) => {
    throw error
  } }
}

/** A paragraph's worth of update, as a client sends it. */
function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph])
  return Y.encodeStateAsUpdate(doc)
}

function roomWith(extensions: AnyExtension[]) {
  const failures = { storage: [] as unknown[], hooks: [] as string[] }
  const room = new Room({
    documentId: 'paper',
    extensions,
    shape,
    onStorageFailure: (_room, error) => failures.storage.push(error),
    onHookFailure: (_room, extension) => failures.hooks.push(extension.name),
    now: () => 1_000,
  })
  room.open()
  return { room, failures }
}

describe('the sync core’s hooks', () => {
  // Regression: every onChange ran as part of storing, so a failing metrics-like hook closed everyone with 4503.
  it('acknowledges a change whose onChange hook fails, reports the hook, and reports no storage failure', async () => {
    const stored: Uint8Array[] = []
    const storing: Extension = { name: 'store', onStoreChange: ({ update }) => void stored.push(update) }
    const failing: Extension = {
      name: 'failing-listener',
      onChange: () => {
        throw new Error('a listener broke')
      },
    }
    const { room, failures } = roomWith([failing, storing])
    await expect(room.applyClientUpdate(paragraphUpdate('Kept.'), member())).resolves.toBeUndefined()
    expect(stored).toHaveLength(1)
    expect(failures).toEqual({ storage: [], hooks: ['failing-listener'] })
    room.destroy()
  })

  it('refuses to acknowledge a change that could not be stored, and reports the storage failure', async () => {
    const failingStore: Extension = { name: 'store', onStoreChange: () => Promise.reject(new Error('disk full')) }
    const { room, failures } = roomWith([failingStore])
    await expect(room.applyClientUpdate(paragraphUpdate('Lost?'), member())).rejects.toThrow('disk full')
    await room.settle()
    expect(failures.storage).toHaveLength(1)
    room.destroy()
  })

  it('gives each extension its own state for the document, and disposes of it when the room goes', () => {
    const disposed: string[] = []
    const counting: Extension<{ changes: number }> = {
      name: 'counting',
      createState: () => ({ changes: 0 }),
      disposeState: () => void disposed.push('counting'),
      onChange: ({ state }) => {
        state.changes++
      },
    }
    const { room } = roomWith([counting])
    room.doc.transact(() => room.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]), { author: 'ada', time: 5 })
    expect(room.stateOf(counting)).toEqual({ changes: 1 })
    room.destroy()
    expect(disposed).toEqual(['counting'])
  })

  it('stamps every transaction with who made it and when, for every extension to read', () => {
    const seen: Array<{ author: string | null; time: number }> = []
    const watching: Extension = { name: 'watching', afterTransaction: ({ provenance }) => void seen.push(provenance) }
    const { room } = roomWith([watching])
    const fragment = room.doc.getXmlFragment(DOCUMENT_FRAGMENT)
    // Setting the room up may transact on the document too; only these two are this test's.
    seen.length = 0
    room.doc.transact(() => fragment.insert(0, [new Y.XmlElement('paragraph')]), { author: 'ada', time: 5 })
    room.doc.transact(() => fragment.insert(0, [new Y.XmlElement('paragraph')]))
    expect(seen).toEqual([
      { author: 'ada', time: 5 },
      { author: null, time: 1_000 },
    ])
    room.destroy()
  })
})
