import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { describe, expect, it, onTestFinished } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { LEAST_GAP_MS, RemoteChanges, type Clock } from '../../editor/document/remote-changes'
import { MESSAGE_SYNC } from '../../model/protocol'

/** A clock the test moves by hand: nothing here depends on how long anything takes. */
function handClock(): Clock & { advance(ms: number): void } {
  let now = 0
  const due: Array<{ at: number; run: () => void }> = []
  return {
    now: () => now,
    after: (ms, run) => {
      const entry = { at: now + ms, run }
      due.push(entry)
      return () => due.splice(due.indexOf(entry), 1)
    },
    advance(ms) {
      now += ms
      for (const entry of due.filter((entry) => entry.at <= now)) {
        due.splice(due.indexOf(entry), 1)
        entry.run()
      }
    },
  }
}

/** A provider that never connects: messages are handed to its handlers as the socket would. */
function unconnectedProvider(): WebsocketProvider {
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', new Y.Doc(), { connect: false, disableBc: true, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket })
  onTestFinished(() => provider.destroy())
  return provider
}

function receive(provider: WebsocketProvider, write: (encoder: encoding.Encoder) => void): void {
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, MESSAGE_SYNC)
  write(message)
  const decoder = decoding.createDecoder(encoding.toUint8Array(message))
  decoding.readVarUint(decoder)
  provider.messageHandlers[MESSAGE_SYNC]!(encoding.createEncoder(), decoder, provider, true, MESSAGE_SYNC)
}

/** Someone else's keystrokes, each a Yjs update as the server relays it. */
function typist(): () => Uint8Array {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  return () => {
    let update: Uint8Array = new Uint8Array()
    doc.once('update', (made: Uint8Array) => (update = made))
    text.insert(text.length, 'a')
    return update
  }
}

describe('RemoteChanges', () => {
  it('applies a change that arrives after a quiet spell at once, and those arriving sooner together in one transaction', () => {
    const provider = unconnectedProvider()
    const clock = handClock()
    new RemoteChanges(provider, clock)
    const key = typist()
    let transactions = 0
    provider.doc.on('afterTransaction', () => transactions++)

    receive(provider, (message) => syncProtocol.writeUpdate(message, key()))
    expect(provider.doc.getText('t').toString()).toBe('a')
    receive(provider, (message) => syncProtocol.writeUpdate(message, key()))
    receive(provider, (message) => syncProtocol.writeUpdate(message, key()))
    expect(provider.doc.getText('t').toString()).toBe('a')

    clock.advance(LEAST_GAP_MS)
    expect(provider.doc.getText('t').toString()).toBe('aaa')
    expect(transactions).toBe(2)
  })

  it('applies what is waiting before a step of the handshake, so their order holds', () => {
    const provider = unconnectedProvider()
    new RemoteChanges(provider, handClock())
    const key = typist()
    receive(provider, (message) => syncProtocol.writeUpdate(message, key()))
    receive(provider, (message) => syncProtocol.writeUpdate(message, key()))
    expect(provider.doc.getText('t').toString()).toBe('a')

    receive(provider, (message) => syncProtocol.writeSyncStep2(message, new Y.Doc()))
    expect(provider.doc.getText('t').toString()).toBe('aa')
  })
})
