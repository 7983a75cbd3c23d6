/**
 * A contributor's editor in this process, doing what the browser does with each keystroke:
 * the ProseMirror transaction is turned into a suggestion (editor/suggesting/suggest-transaction.ts),
 * applied to the editor state, and written into the Y.Doc by y-tiptap's updateYFragment inside
 * one Yjs transaction, as the Collaboration extension's sync plugin does. Each edit returns
 * the update the browser would send to the server.
 */
import { splitBlock } from '@tiptap/pm/commands'
import type { Schema } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { suggestTransaction } from '../../editor/suggesting/suggest-transaction'
import type { Suggester } from '../../editor/suggesting/suggester'

type BindingMetadata = ReturnType<typeof initProseMirrorDoc>['meta']

export class SuggestingClient {
  readonly doc = new Y.Doc()
  private readonly fragment: Y.XmlFragment
  private readonly meta: BindingMetadata
  private current: EditorState
  /** How long the binding took to write each edit into Yjs (updateYFragment), in milliseconds. */
  readonly writeTimes: number[] = []

  /** Starts from the server's document `state` (a Yjs update). */
  constructor(
    state: Uint8Array,
    schema: Schema,
    private readonly who: Suggester,
  ) {
    Y.applyUpdate(this.doc, state)
    this.fragment = this.doc.getXmlFragment(DOCUMENT_FRAGMENT)
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema)
    this.meta = meta
    this.current = EditorState.create({ schema, doc })
  }

  get state(): EditorState {
    return this.current
  }

  /** Puts the caret at `position`, or selects [position, to). Sends nothing. */
  select(position: number, to = position): void {
    this.current = this.current.apply(this.current.tr.setSelection(TextSelection.create(this.current.doc, position, to)))
  }

  /** Types `text` at the caret, replacing the selection. */
  type(text: string): Uint8Array {
    return this.edit(this.current.tr.insertText(text))
  }

  /** Backspace with the caret inside text: the browser deletes the character before it. */
  backspace(): Uint8Array {
    const head = this.current.selection.head
    return this.edit(this.current.tr.delete(head - 1, head))
  }

  /** Enter: ProseMirror's splitBlock command. */
  enter(): Uint8Array {
    let split: Transaction | null = null
    splitBlock(this.current, (transaction) => {
      split = transaction
    })
    if (split === null) throw new Error('Enter did nothing here')
    return this.edit(split)
  }

  private edit(original: Transaction): Uint8Array {
    const { transaction, refused } = suggestTransaction(original, this.current, this.who)
    if (refused) throw new Error('the editor refused part of an edit that suggesting mode supports')
    this.current = this.current.apply(transaction)
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    this.doc.on('update', collect)
    try {
      const start = performance.now()
      this.doc.transact(() => updateYFragment(this.doc, this.fragment, this.current.doc, this.meta))
      this.writeTimes.push(performance.now() - start)
    } finally {
      this.doc.off('update', collect)
    }
    if (updates.length !== 1) throw new Error(`an edit made ${updates.length} updates, not 1`)
    return updates[0]!
  }
}
