/**
 * Real typing as the server receives it: a trace's transactions, each one client's update in
 * a sync-update frame, as the stock provider sends them. The document is first typed up to
 * `start` (the state a server would load), then the next `updates` transactions are written by
 * `writers` people taking turns, each under a client id of their own.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { MESSAGE_SYNC, SYNC_UPDATE } from '../../model/protocol'
import type { Trace } from '../../test/support/traces'
import { TraceWriter } from './trace-writer'

export interface TypingStreamOptions {
  /** Trace transactions already in the document when the stream starts. */
  start: number
  updates: number
  writers: number
  /** Transactions each writer types before the next takes over: people type in bursts. */
  turn: number
}

export interface TypingStream {
  /** The document's whole state before the stream, history included. */
  state: Uint8Array
  /** Characters of text in that state. */
  characters: number
  /** One sync-update frame per transaction, in order. */
  frames: Uint8Array[]
  /** Which writer sent each frame, by index. */
  writerOf: number[]
  /** The state vector once every frame is applied: a pipeline that ends elsewhere lost updates. */
  endStateVector: Uint8Array
}

/** Client ids the writers use: any that the starting state does not use. */
const FIRST_WRITER_ID = 1000

export function typingStream(trace: Trace, options: TypingStreamOptions): TypingStream {
  const doc = new Y.Doc({ gc: false })
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
  const writer = new TraceWriter(doc, trace)
  const end = Math.min(options.start + options.updates, writer.length)
  for (let transaction = 0; transaction < options.start; transaction++) writer.write(transaction)
  const state = Y.encodeStateAsUpdate(doc)
  const characters = doc.getXmlFragment(DOCUMENT_FRAGMENT).length - 1 + textLength(doc)
  const frames: Uint8Array[] = []
  const writerOf: number[] = []
  let sent: Uint8Array | null = null
  doc.on('update', (update: Uint8Array) => (sent = update))
  for (let transaction = options.start; transaction < end; transaction++) {
    const who = Math.floor((transaction - options.start) / options.turn) % options.writers
    doc.clientID = FIRST_WRITER_ID + who
    sent = null
    writer.write(transaction)
    if (sent === null) continue
    frames.push(syncUpdateFrame(sent))
    writerOf.push(who)
  }
  const endStateVector = Y.encodeStateVector(doc)
  doc.destroy()
  return { state, characters, frames, writerOf, endStateVector }
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_UPDATE)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function textLength(doc: Y.Doc): number {
  let length = 0
  for (const paragraph of doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray()) {
    const text = (paragraph as Y.XmlElement).get(0)
    if (text instanceof Y.XmlText) length += text.length
  }
  return length
}
