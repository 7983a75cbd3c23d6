/**
 * An author who holds only their own paragraph. The document as it was when the crowd was set up
 * (empty paragraphs, one per author) is applied once; after that the author types into their
 * paragraph and never applies what others write. Each keystroke is a real Yjs update, sent the
 * moment it is made as the stock provider sends it, followed by the caret in presence as the
 * editor's caret plugin publishes it. The author notes the Yjs clock and time of each keystroke,
 * which is how the probes (edit-probe.ts) time it.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { LightSocket } from './light-socket'
import { machineNow } from './machine-clock'

export interface AuthorPlan {
  /** The paragraph's index in the document's fragment. */
  paragraph: number
  /** Typed one character per edit, from the start, wrapping round. */
  text: string
  cookie?: string
  /** The server it types through (an index into ClientPlan.collabUrls). */
  node: number
}

export interface AuthorLog {
  clientId: number
  paragraph: number
  /** The Yjs clock after each keystroke, and when it was sent (machineNow). */
  clocks: number[]
  sentAt: number[]
  typed: string
}

export class LightAuthor {
  private readonly doc = new Y.Doc()
  private readonly awareness: awarenessProtocol.Awareness
  private readonly line: Y.XmlText
  private readonly socket: LightSocket
  private readonly log: AuthorLog

  constructor(
    url: string,
    base: Uint8Array,
    private readonly plan: AuthorPlan,
    private readonly withCaret: boolean,
  ) {
    Y.applyUpdate(this.doc, base)
    const paragraph = this.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(plan.paragraph)
    const line = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined
    if (!(line instanceof Y.XmlText)) throw new Error(`paragraph ${plan.paragraph} has no text to type into`)
    this.line = line
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.socket = new LightSocket({ url, cookie: plan.cookie, doc: this.doc })
    this.log = { clientId: this.doc.clientID, paragraph: plan.paragraph, clocks: [], sentAt: [], typed: '' }
    this.doc.on('update', (update: Uint8Array) => this.socket.sendUpdate(update))
  }

  ready(): Promise<void> {
    return this.socket.ready()
  }

  /** Types the next character at the end of the paragraph, and moves the caret after it. */
  type(): void {
    const character = this.plan.text[this.log.typed.length % this.plan.text.length]!
    // Read before the insert, which sends the update as it happens: read after, a process descheduled
    // in between stamped the keystroke later than a probe received it (a negative latency in CI).
    const sentAt = machineNow()
    this.line.insert(this.line.length, character)
    this.log.typed += character
    this.log.clocks.push(Y.getState(this.doc.store, this.doc.clientID))
    this.log.sentAt.push(sentAt)
    if (!this.withCaret) return
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(this.line, this.line.length))
    this.awareness.setLocalStateField('cursor', { anchor: caret, head: caret })
    this.socket.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]))
  }

  /** Settles if the server closes the connection. */
  get closed(): Promise<unknown> {
    return this.socket.closed
  }

  report(): AuthorLog {
    return this.log
  }

  close(): void {
    this.awareness.destroy()
    this.socket.close()
    this.doc.destroy()
  }
}
