/**
 * A room in-process, for deterministic regression tests of suggesting mode: the room's
 * Y.Doc, the server's check of every contributor update (TrialDocument) and suggesting
 * editors whose updates reach it only when a test delivers them, so a test decides what
 * happens at once and in which order.
 */
import type { JSONContent } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { TrialDocument } from '../../server/suggestions/trial-document'
import { readDocument, schema, SuggestingEditor } from './suggesting-editor'

export class SuggestionRoom {
  readonly doc = new Y.Doc({ gc: false })
  private readonly trial = new TrialDocument(this.doc)
  private clock = 1_700_000_000_000

  constructor(content: JSONContent) {
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema, content, DOCUMENT_FRAGMENT)))
  }

  /** A contributor's editor on a copy of the room's document, with a fixed Yjs client id so merges come out the same every run. */
  join(author: string, clientID: number): SuggestingEditor {
    const doc = new Y.Doc()
    doc.clientID = clientID
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.doc))
    let count = 0
    return new SuggestingEditor(doc, { author, now: () => ++this.clock, newId: () => `${author}-${++count}` })
  }

  /** Sends what `editor` has that the room lacks, as the server receives it: checked first; throws SuggestionRuleError if refused. */
  send(editor: SuggestingEditor): void {
    this.deliver(Y.encodeStateAsUpdate(editor.ydoc, Y.encodeStateVector(this.doc)), editor.who.author)
  }

  /** Checks `update` from `author` as the server does, then applies it. */
  deliver(update: Uint8Array, author: string): void {
    this.trial.check(update, author)
    Y.applyUpdate(this.doc, update)
    this.trial.follow(update)
  }

  /** Brings `editor` up to date with the room. */
  receive(editor: SuggestingEditor): void {
    Y.applyUpdate(editor.ydoc, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(editor.ydoc)), this)
  }

  /** The room's document as ProseMirror reads it. */
  read(): ProseMirrorNode {
    return readDocument(this.doc)
  }
}
