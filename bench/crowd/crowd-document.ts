/**
 * The document a crowd writes in: one empty paragraph per author, set up by a whole client and
 * confirmed by a second one, so that every author can start from the same state (the base) and
 * the server holds what the authors' first keystrokes refer to.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { loadTrace } from '../../test/support/traces'
import { connectPeer, openWritableDocument, signUp } from '../support/peers'
import type { ServerProcess } from '../support/processes'

export interface CrowdDocument {
  documentId: string
  base: Uint8Array
  /** Author k's paragraph is the fragment's child at `firstParagraph + k`. */
  firstParagraph: number
}

/**
 * A new document that `cookies[0]` owns and the other authors maintain. Maintainers edit directly;
 * on a document merely open to contributions the others could only suggest, and the server would
 * refuse their plain typing (4422), as it refuses anyone's who may only suggest.
 */
export async function openCrowdDocument(server: ServerProcess, name: string, authors: number, cookies: readonly (string | undefined)[]): Promise<CrowdDocument> {
  const { documentId } = await openWritableDocument(server, name, cookies[0])
  if (server.kind === 'coffeehouse') await makeMaintainers(server, documentId, cookies)
  const setup = connectPeer(server, documentId, cookies[0])
  const check = connectPeer(server, documentId)
  try {
    await setup.synced()
    const fragment = setup.doc.getXmlFragment(DOCUMENT_FRAGMENT)
    const firstParagraph = fragment.length
    setup.doc.transact(() => {
      for (let author = 0; author < authors; author++) {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText()])
        fragment.push([paragraph])
      }
    })
    await check.synced()
    const seen = check.doc.getXmlFragment(DOCUMENT_FRAGMENT)
    await new Promise<void>((resolve) => {
      const arrived = () => {
        if (seen.length < firstParagraph + authors) return
        seen.unobserve(arrived)
        resolve()
      }
      seen.observe(arrived)
      arrived()
    })
    return { documentId, base: Y.encodeStateAsUpdate(setup.doc), firstParagraph }
  } finally {
    setup.destroy()
    check.destroy()
  }
}

async function makeMaintainers(server: ServerProcess, documentId: string, cookies: readonly (string | undefined)[]): Promise<void> {
  // An author without an account stays anonymous, and may not write at all.
  for (const cookie of cookies.slice(1)) {
    if (cookie === undefined) continue
    const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json()) as { user: { id: string } }
    const made = await fetch(`${server.url}/api/documents/${documentId}/members/${me.user.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: cookies[0]! },
      body: JSON.stringify({ role: 'maintainer' }),
    })
    if (!made.ok) throw new Error(`making an author a maintainer failed: ${made.status}`)
  }
}

/** What every author's paragraph holds, read by a whole client that joins at the end. */
export async function readParagraphs(server: ServerProcess, document: CrowdDocument, authors: number): Promise<string[]> {
  const reader = connectPeer(server, document.documentId)
  try {
    await reader.synced()
    const fragment = reader.doc.getXmlFragment(DOCUMENT_FRAGMENT)
    return Array.from({ length: authors }, (_, author) => {
      const paragraph = fragment.get(document.firstParagraph + author)
      const line = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined
      return line instanceof Y.XmlText ? line.toString() : ''
    })
  } finally {
    reader.destroy()
  }
}

/**
 * A session cookie for each of `count` new accounts named `${name} k`; on the relay, which has no
 * accounts, nothing. One at a time: each sign-up hashes a password (scrypt), and many at once would
 * only queue in the server.
 */
export async function crowdAccounts(server: ServerProcess, count: number, name: string): Promise<(string | undefined)[]> {
  if (server.kind === 'relay') return Array.from({ length: count }, () => undefined)
  const cookies: string[] = []
  for (let index = 0; index < count; index++) cookies.push(await signUp(server, `${name} ${index}`))
  return cookies
}

/** What the crowd types: seph-blog1's text on one line, each author from their own place in it. */
export function crowdText(): string {
  return loadTrace('seph-blog1').endContent.replace(/\n/g, ' ')
}
