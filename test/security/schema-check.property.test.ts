/**
 * Property-based: the schema check (server/documents/document-shape.ts) lets through whatever
 * the editor's binding writes for any document of the schema, and refuses each hostile change
 * whatever document it is made in. Together with the random editing sessions through a real
 * server (test/suggestions/random-sessions.test.ts), which must never see a refusal, this pins
 * the check from both sides.
 */
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { checkUpdate, SchemaViolationError } from '../../server/collab/update-check'
import { createDocumentModel } from '../../server/documents/content'
import { startingDocument } from '../support/random-editing'
import { HOSTILE_CHANGES } from './hostile-content'

const model = createDocumentModel()

const withLinksAndSuggestions = startingDocument({ codeBlocks: true }).map((doc) => ({
  ...doc,
  content: [
    ...(doc.content ?? []),
    {
      type: 'paragraph',
      attrs: { suggestion: { id: 's1', author: 'u1', createdAt: 1, change: 'insert' } },
      content: [
        { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
        { type: 'text', text: ' proposed', marks: [{ type: 'insertion', attrs: { id: 's1', author: 'u1', createdAt: 1 } }] },
      ],
    },
  ],
}))

describe('the schema check', () => {
  it('accepts every document of the schema as the editor writes it', () => {
    fc.assert(
      fc.property(withLinksAndSuggestions, (content) => {
        const client = prosemirrorJSONToYDoc(model.schema, content, DOCUMENT_FRAGMENT)
        const server = new Y.Doc({ gc: false })
        expect(() => checkUpdate(server, Y.encodeStateAsUpdate(client), model.shape)).not.toThrow()
      }),
      { numRuns: 200 },
    )
  })

  it('refuses each hostile change in any document of the schema', () => {
    fc.assert(
      fc.property(withLinksAndSuggestions, fc.constantFrom(...HOSTILE_CHANGES), (content, change) => {
        const server = prosemirrorJSONToYDoc(model.schema, content, DOCUMENT_FRAGMENT)
        const client = new Y.Doc()
        Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
        const before = Y.encodeStateVector(client)
        change.apply(client)
        expect(() => checkUpdate(server, Y.encodeStateAsUpdate(client, before), model.shape)).toThrow(SchemaViolationError)
      }),
      { numRuns: 300 },
    )
  })
})
