/**
 * Changes the server itself makes to a live document when someone decides on a suggestion.
 *
 * Each change is computed on a copy with a Yjs client id of its own, then applied to the
 * room as one update whose origin names its author and time. So it goes the way a person's
 * edit goes: the attribution index records it, the room broadcasts it and the log stores it.
 * A fresh client id per change means no person can ever have written under it.
 */
import { Transform } from '@tiptap/pm/transform'
import { updateYFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import type { Provenance } from '../collab/provenance'
import { readContent, type DocumentModel } from '../documents/content'

/**
 * Runs `edit` as a ProseMirror transform over the document and applies the result. Returns
 * the update it applied (only this change's items and deletions), or null if nothing changed.
 */
export function editDocument(model: DocumentModel, doc: Y.Doc, edit: (tr: Transform) => void, origin: Provenance): Uint8Array | null {
  return changeOnCopy(doc, origin, (copy) => {
    const fragment = copy.getXmlFragment(DOCUMENT_FRAGMENT)
    const tr = new Transform(readContent(model, doc))
    edit(tr)
    if (!tr.docChanged) return
    updateYFragment(copy, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() })
  })
}

/**
 * Undoes an earlier change (an update that `editDocument` returned), however the document
 * moved on since: Yjs restores what it deleted beside the neighbours it had, and deletes
 * what it added. That is how a rejected suggestion is reopened.
 */
export function undoChange(doc: Y.Doc, change: Uint8Array, origin: Provenance): Uint8Array | null {
  const { structs, ds } = Y.decodeUpdate(change)
  const added = Y.createDeleteSet()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const ranges = added.clients.get(struct.id.client) ?? []
    ranges.push({ clock: struct.id.clock, len: struct.length } as (typeof ranges)[number])
    added.clients.set(struct.id.client, ranges)
  }
  return changeOnCopy(doc, origin, (copy) => {
    const undo = new Y.UndoManager(copy.getXmlFragment(DOCUMENT_FRAGMENT), { trackedOrigins: new Set() })
    // The stack item Yjs would have recorded had it watched the change being made.
    undo.undoStack.push({ insertions: added, deletions: ds, meta: new Map() } as unknown as (typeof undo.undoStack)[number])
    undo.undo()
    undo.destroy()
  })
}

function changeOnCopy(doc: Y.Doc, origin: Provenance, change: (copy: Y.Doc) => void): Uint8Array | null {
  const copy = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    let update: Uint8Array | null = null
    copy.on('update', (changed: Uint8Array) => {
      update = update === null ? changed : Y.mergeUpdates([update, changed])
    })
    copy.transact(() => change(copy))
    if (update !== null) Y.applyUpdate(doc, update, origin)
    return update
  } finally {
    copy.destroy()
  }
}
