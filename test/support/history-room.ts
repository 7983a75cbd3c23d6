/**
 * A manifesto with a history, made through the real server: people edit with real clients and a
 * maintainer names versions through the API, which records one at once (no idle timers).
 */
import * as Y from 'yjs'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { as, signUpMaintainer, type SignedIn } from './accounts'
import { appendParagraph, connectClient, type TestClient } from './clients'
import type { TestServer } from './server'

export const VERSIONS_API = `/api/documents/${MANIFESTO_ID}/versions`

export interface Editor {
  person: SignedIn
  client: TestClient
}

/** Someone who maintains the manifesto (so their edits change the text directly), connected and synced. */
export async function joinAsEditor(server: TestServer, username: string, displayName: string): Promise<Editor> {
  const person = await signUpMaintainer(server, username, { displayName })
  const client = connectClient(server, MANIFESTO_ID, person)
  await client.synced()
  return { person, client }
}

export async function writeParagraph(editor: Editor, text: string): Promise<void> {
  appendParagraph(editor.client.doc, text)
  await editor.client.allSaved()
}

/** Deletes the first occurrence of `words` in the document's text, as a person selecting them and pressing Delete would. */
export async function deleteWords(editor: Editor, words: string): Promise<void> {
  const text = findText(editor.client.doc.getXmlFragment(DOCUMENT_FRAGMENT), words)
  if (!text) throw new Error(`"${words}" is not in the document`)
  text.delete(plainText(text).indexOf(words), words.length)
  await editor.client.allSaved()
}

function findText(parent: Y.XmlFragment | Y.XmlElement, words: string): Y.XmlText | null {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      if (plainText(child).includes(words)) return child
    } else if (child instanceof Y.XmlElement) {
      const found = findText(child, words)
      if (found) return found
    }
  }
  return null
}

export interface NamedVersion {
  id: string
  number: number
}

/** Names the current text through the API, as a maintainer; resolves with the version it recorded. */
export async function nameVersion(server: TestServer, maintainer: SignedIn, name: string, note?: string): Promise<NamedVersion> {
  const response = await as(server, maintainer).post(VERSIONS_API, note === undefined ? { name } : { name, note })
  if (response.status !== 201) throw new Error(`naming a version answered ${response.status}: ${await response.text()}`)
  const { version } = (await response.json()) as { version: NamedVersion }
  return version
}

/** The characters of a text, without the formatting tags toString() writes around marked runs. */
function plainText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : ' ')).join('')
}
