/**
 * An editor in suggesting mode without a browser: a ProseMirror EditorState bound to the
 * Y.Doc of a stock y-websocket provider the way y-tiptap's sync plugin binds a view.
 *
 *   - a local edit is turned into a suggestion (suggestTransaction), applied to the state,
 *     and written to Yjs with updateYFragment inside one transaction, as the binding's
 *     _prosemirrorChanged does;
 *   - a remote update rebuilds the state's document from the Y.XmlFragment, with a fresh
 *     node mapping, as the binding's _typeChanged does; the selection is kept, clamped.
 *
 * No plugins, no view: what reaches the server is exactly what suggesting mode and the
 * binding make of the edit.
 */
import { getSchema, type JSONContent } from '@tiptap/core'
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT, documentExtensions } from '../../model/schema/extensions'
import { suggestTransaction } from '../../editor/suggesting/suggest-transaction'
import type { Suggester } from '../../editor/suggesting/suggester'
import { as, type SignedIn } from './accounts'
import { connectClient, type TestClient } from './clients'
import type { TestServer } from './server'

export const schema: Schema = getSchema(documentExtensions())

type BindingMeta = ReturnType<typeof initProseMirrorDoc>['meta']

export interface ServerClose {
  code: number
  reason: string
}

export class SuggestingEditor {
  state: EditorState
  private meta: BindingMeta
  private readonly fragment: Y.XmlFragment
  /** The origin of this editor's own Yjs transactions, so they are not read back as remote. */
  private readonly origin = Symbol('local edit')

  constructor(
    readonly ydoc: Y.Doc,
    readonly who: Suggester,
  ) {
    this.fragment = ydoc.getXmlFragment(DOCUMENT_FRAGMENT)
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema)
    this.meta = meta
    this.state = EditorState.create({ schema, doc })
    ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.origin) this.readBack()
    })
  }

  /** Places the caret, or selects [from, to), as a click or a drag would. */
  select(from: number, to = from): void {
    this.state = this.state.apply(this.state.tr.setSelection(TextSelection.create(this.state.doc, from, to)))
  }

  /**
   * Makes the edit `change` builds from the current state, as a suggestion. Returns false
   * (and changes nothing) when suggesting mode refuses part of it, as the editor would tell
   * the person; `partial` lets the part it could suggest through anyway, as the editor does.
   */
  edit(change: (state: EditorState) => Transaction | null, { partial = false } = {}): boolean {
    const original = change(this.state)
    if (!original?.docChanged) return true
    const { transaction, refused } = suggestTransaction(original, this.state, this.who)
    if (refused && !partial) return false
    this.state = this.state.apply(transaction)
    this.ydoc.transact(() => updateYFragment(this.ydoc, this.fragment, this.state.doc, this.meta), this.origin)
    return !refused
  }

  /** The document as everyone reads it from Yjs. */
  shared(): ProseMirrorNode {
    return readDocument(this.ydoc)
  }

  private readBack(): void {
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema)
    this.meta = meta
    const { anchor, head } = this.state.selection
    const clamp = (pos: number) => Math.min(pos, doc.content.size)
    const selection = TextSelection.between(doc.resolve(clamp(anchor)), doc.resolve(clamp(head)))
    this.state = EditorState.create({ schema, doc, selection })
  }
}

/** A Y.Doc's document as ProseMirror reads it. */
export function readDocument(doc: Y.Doc): ProseMirrorNode {
  return initProseMirrorDoc(doc.getXmlFragment(DOCUMENT_FRAGMENT), schema).doc
}

/** A contributor's editor, with the connection its Y.Doc syncs through. */
export interface ConnectedEditor {
  editor: SuggestingEditor
  client: TestClient
  /** Every close the server initiated on this client's connections. */
  closes: ServerClose[]
}

/** A contributor's editor on `documentId`, connected and synced. */
export async function openSuggestingEditor(server: TestServer, documentId: string, person: SignedIn, who: Suggester): Promise<ConnectedEditor> {
  const client = connectClient(server, documentId, { cookie: person.cookie })
  const editor = new SuggestingEditor(client.doc, who)
  const closes: ServerClose[] = []
  client.provider.on('connection-close', (event: ServerClose | null) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  await client.synced()
  return { editor, client, closes }
}

/**
 * A new document, public and open to contributions, holding `content`: created by `admin`
 * through the API and written by their direct (not suggesting) client.
 */
export async function createOpenDocument(server: TestServer, admin: SignedIn, content: JSONContent): Promise<string> {
  const api = as(server, admin)
  const created = await api.post('/api/documents', { title: 'Random session' })
  if (!created.ok) throw new Error(`creating a document answered ${created.status}: ${await created.text()}`)
  const { id } = (await created.json()) as { id: string }
  const opened = await api.patch(`/api/documents/${id}`, { openToContributions: true })
  if (!opened.ok) throw new Error(`opening the document answered ${opened.status}: ${await opened.text()}`)
  const writer = connectClient(server, id, { cookie: admin.cookie })
  try {
    await writer.synced()
    const fragment = writer.doc.getXmlFragment(DOCUMENT_FRAGMENT)
    const { meta } = initProseMirrorDoc(fragment, schema)
    writer.doc.transact(() => updateYFragment(writer.doc, fragment, schema.nodeFromJSON(content), meta))
    await writer.allSaved()
  } finally {
    writer.destroy()
  }
  return id
}
