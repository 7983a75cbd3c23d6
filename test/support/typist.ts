/**
 * Someone typing numbered words (" 1", " 2", …) at the end of their own paragraph,
 * through a stock y-websocket provider with save acknowledgements, who knows how many
 * of their words the server has said are durable.
 *
 * The server acknowledges frames, not words ("the first N update-bearing frames you
 * sent on this connection are on disk", docs/PROTOCOL.md). Each word typed while the
 * socket is open leaves at once as its own frame, so we remember, per frame of the
 * current socket, how many words had been typed when it left; "saved N" then covers
 * every word up to the one remembered for the newest typed frame at or below N. A word
 * typed while offline travels in the next socket's sync step 2, which we do not number:
 * it counts as acknowledged only once a later word's frame is, which is never too much.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import type { SignedIn } from './accounts'
import { connectClient, type TestClient } from './clients'
import type { TestServer } from './server'

export class Typist {
  /** Words typed so far; word k is " k". */
  typed = 0
  /** The first `acknowledged` words are durable, as the server has said. */
  acknowledged = 0
  readonly client: TestClient
  private readonly text = new Y.XmlText()
  /** The socket that `wordsAtFrame` describes: frame counts start again on each one. */
  private socket: unknown = null
  /** wordsAtFrame[m - 1]: words typed when frame m of the socket left (holes: frames that carried no typing). */
  private wordsAtFrame: number[] = []

  constructor(
    server: Pick<TestServer, 'collabUrl'>,
    documentId: string,
    person: SignedIn,
    readonly name: string,
  ) {
    this.client = connectClient(server, documentId, person)
    this.client.provider.on('saved' as never, ((count: number) => this.onSaved(count)) as never)
  }

  /** Adds the paragraph that this typist writes in; call once the client has synced. */
  startParagraph(): void {
    this.text.insert(0, `${this.name}:`)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [this.text])
    this.client.doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph])
  }

  typeWord(): void {
    this.followSocket()
    const framesBefore = this.client.sent
    this.typed++
    this.text.insert(this.text.length, ` ${this.typed}`)
    if (this.client.sent > framesBefore) this.wordsAtFrame[this.client.sent - 1] = this.typed
  }

  private onSaved(count: number): void {
    this.followSocket()
    for (let frame = Math.min(count, this.wordsAtFrame.length); frame > 0; frame--) {
      const words = this.wordsAtFrame[frame - 1]
      if (words === undefined) continue
      this.acknowledged = Math.max(this.acknowledged, words)
      return
    }
  }

  private followSocket(): void {
    if (this.client.provider.ws === this.socket) return
    this.socket = this.client.provider.ws
    this.wordsAtFrame = []
  }
}

/** The words in `name`'s paragraph of `doc`, as numbers; empty if the paragraph is not there. */
export function wordsOf(doc: Y.Doc, name: string): Set<number> {
  for (const block of doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray()) {
    const text = block instanceof Y.XmlElement ? block.get(0) : null
    const content = text instanceof Y.XmlText ? text.toString() : ''
    if (content.startsWith(`${name}:`)) return new Set(content.slice(name.length + 1).split(' ').filter(Boolean).map(Number))
  }
  return new Set()
}
