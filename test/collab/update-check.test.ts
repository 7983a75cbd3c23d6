import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ContentShape } from '../../server/collab/content-shape'
import { checkUpdate, InvalidUpdateError } from '../../server/collab/update-check'

/** The structural checks alone: these tests write bare text where the schema wants paragraphs. */
const ROOTS: ContentShape = { roots: new Set(['default']), refusal: () => null }

/** A server-side document with some text, and a client that is in sync with it. */
function setup() {
  const server = new Y.Doc({ gc: false })
  const client = new Y.Doc()
  client.getXmlFragment('default').insert(0, [new Y.XmlText('hello')])
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
  return { server, client }
}

/** The update a client produces for one edit. */
function edit(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  let captured: Uint8Array | null = null
  const capture = (update: Uint8Array) => {
    captured = update
  }
  doc.on('update', capture)
  doc.transact(() => change(doc))
  doc.off('update', capture)
  if (!captured) throw new Error('the change produced no update')
  return captured
}

const textIn = (doc: Y.Doc) => doc.getXmlFragment('default').get(0) as Y.XmlText

describe('checking an update before it is applied', () => {
  it('accepts an ordinary edit', () => {
    const { server, client } = setup()
    expect(() => checkUpdate(server, edit(client, (doc) => textIn(doc).insert(5, ' world')), ROOTS)).not.toThrow()
  })

  it('accepts an update the document already has', () => {
    const { server, client } = setup()
    expect(() => checkUpdate(server, Y.encodeStateAsUpdate(client), ROOTS)).not.toThrow()
  })

  it('refuses an update that skips clocks it does not carry', () => {
    const { server, client } = setup()
    edit(client, (doc) => textIn(doc).insert(5, ' skipped'))
    const later = edit(client, (doc) => textIn(doc).insert(0, '>'))
    expect(() => checkUpdate(server, later, ROOTS)).toThrow(/skips clocks/)
  })

  it('refuses an update whose origin the server has never seen', () => {
    const { server, client } = setup()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client))
    edit(other, (doc) => textIn(doc).insert(0, 'unseen'))
    Y.applyUpdate(client, Y.encodeStateAsUpdate(other))
    const dependent = edit(client, (doc) => textIn(doc).insert(3, '!'))
    expect(() => checkUpdate(server, dependent, ROOTS)).toThrow(InvalidUpdateError)
  })

  it('refuses a root type that is not in the schema', () => {
    const { server, client } = setup()
    expect(() => checkUpdate(server, edit(client, (doc) => doc.getMap('smuggled').set('a', 1)), ROOTS)).toThrow(/root type "smuggled"/)
  })

  it('refuses subdocuments', () => {
    const { server, client } = setup()
    const withSubdocument = edit(client, (doc) => {
      const holder = new Y.XmlElement('paragraph')
      doc.getXmlFragment('default').insert(0, [holder])
      holder.setAttribute('doc', new Y.Doc() as unknown as string)
    })
    expect(() => checkUpdate(server, withSubdocument, ROOTS)).toThrow(/subdocuments/)
  })

  it('refuses a deletion of content that does not exist', () => {
    const { server } = setup()
    const bytes = new Uint8Array([0, 1, 123, 1, 0, 5]) // no structs; delete 5 clocks of client 123
    expect(() => checkUpdate(server, bytes, ROOTS)).toThrow(/deletes content that does not exist/)
  })

  it('refuses bytes that are not an update', () => {
    const { server } = setup()
    expect(() => checkUpdate(server, new Uint8Array([7, 7, 7]), ROOTS)).toThrow(InvalidUpdateError)
  })

  it('applies two back-to-back sections of one client as one, instead of dropping the first', () => {
    const { server, client } = setup()
    const a = edit(client, (doc) => textIn(doc).insert(5, 'a'))
    const b = edit(client, (doc) => textIn(doc).insert(6, 'b'))
    // Yjs itself would read only the second of two sections for the same client.
    Y.applyUpdate(server, checkUpdate(server, sectionsOf(client.clientID, [a, b]), ROOTS).bytes)
    expect(textIn(server).toString()).toBe('helloab')
  })

  it('refuses sections of one client that overlap or run backwards', () => {
    const { server, client } = setup()
    const a = edit(client, (doc) => textIn(doc).insert(5, 'a'))
    const b = edit(client, (doc) => textIn(doc).insert(6, 'b'))
    expect(() => checkUpdate(server, sectionsOf(client.clientID, [a, b, a]), ROOTS)).toThrow(/appears twice/)
  })
})

/** One update holding each given update's structs as a separate section of the same client. */
function sectionsOf(client: number, updates: Uint8Array[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, updates.length)
  for (const update of updates) {
    const { structs } = Y.decodeUpdate(update)
    encoding.writeVarUint(encoder.restEncoder, structs.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, structs[0]?.id.clock ?? 0)
    for (const struct of structs) (struct as Y.Item).write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, 0)
  return encoder.toUint8Array()
}
