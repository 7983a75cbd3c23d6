/**
 * Restoring an older version as a forward edit: the text becomes what the version held, and
 * the history before the restore stays as it was. Suggestions that were pending in that
 * version are left out (what they proposed was never accepted), so a restore can never bring
 * back a decided suggestion as if it were still open.
 *
 * The edit is the smallest change from the current text to the old one (y-prosemirror's
 * updateYFragment), so text that both share keeps its Yjs items and with them its writers.
 * Text that comes back after being deleted is written again, by the maintainer who restored it.
 */
import type { JSONContent } from '@tiptap/core'
import { Transform } from '@tiptap/pm/transform'
import type * as Y from 'yjs'
import { rejectSuggestion, suggestionIds } from '../../model/schema/decide-suggestion'
import type { Provenance } from '../collab/provenance'
import type { DocumentModel } from '../documents/content'
import { editDocument } from '../suggestions/document-edit'

/** Makes `doc` hold `version` (ProseMirror JSON) again; returns the update, or null if it already did. */
export function restoreVersion(model: DocumentModel, doc: Y.Doc, version: JSONContent, origin: Provenance): Uint8Array | null {
  const old = new Transform(model.schema.nodeFromJSON(version))
  for (const id of suggestionIds(old.doc)) rejectSuggestion(old, id)
  return editDocument(model, doc, (tr) => tr.replaceWith(0, tr.doc.content.size, old.doc.content), origin)
}
