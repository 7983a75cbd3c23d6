import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP_2 } from '../../server/collab/protocol'
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from '../../server/collab/server-frames'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { until } from '../support/events'
import { defaultLimits, startServer, type TestServer } from '../support/server'

const FRAMES = 10_000
/** Independent connections sending at once, each waiting for the verdict on its own frame. */
const LANES = 4
// To explore: FUZZ_SEED=<n> picks other frame sequences; FUZZ_LOG=error shows the server's own errors.

/** A small seeded generator, so that a failure can be replayed exactly. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (below: number) => Math.floor(next() * below) }
}

type Random = ReturnType<typeof random>

/** Valid frames of every kind, as a real client sends them, for the mutations to start from. */
function validFrames(doc: Y.Doc, updates: Uint8Array[]): Uint8Array[] {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.setLocalState({ user: { name: 'Fuzzy', color: '#336699' } })
  const awarenessFrame = encoding.createEncoder()
  encoding.writeVarUint(awarenessFrame, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(awarenessFrame, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]))
  awareness.destroy()
  return [
    encodeSyncStep1(doc),
    encodeSyncStep1(new Y.Doc()),
    encodeSyncStep2(doc, Y.encodeStateVector(doc)),
    encodeSyncStep2(doc, new Uint8Array([0])),
    encoding.toUint8Array(awarenessFrame),
    new Uint8Array([MESSAGE_QUERY_AWARENESS]),
    ...updates.map(encodeSyncUpdate),
  ]
}

function mutate(frames: Uint8Array[], rng: Random): Uint8Array {
  const base = frames[rng.int(frames.length)] ?? new Uint8Array()
  switch (rng.int(4)) {
    case 0:
      return Uint8Array.from({ length: rng.int(48) }, () => rng.int(256))
    case 1:
      return base.slice(0, rng.int(base.length))
    case 2: {
      const flipped = base.slice()
      for (let flips = 1 + rng.int(3); flips > 0 && flipped.length > 0; flips--) flipped[rng.int(flipped.length)]! ^= 1 << rng.int(8)
      return flipped
    }
    default: {
      // Valid framing around a random payload: reaches the update decoder itself.
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      encoding.writeVarUint(encoder, 1 + rng.int(2))
      encoding.writeVarUint8Array(encoder, Uint8Array.from({ length: rng.int(64) }, () => rng.int(256)))
      return encoding.toUint8Array(encoder)
    }
  }
}

/**
 * A raw websocket that sends one frame at a time and learns whether the server
 * accepted it: after each frame it sends a sync step 1 with the server's own state
 * vector, whose answer (a step 2) arrives only if the frame before it was accepted.
 */
class Probe {
  private socket: WebSocket | null = null
  closeCodes: number[] = []

  constructor(
    private readonly server: TestServer,
    private readonly ping: Uint8Array,
    /** Signed in as a contributor, so that valid edits are allowed and only malformed ones are refused. */
    private readonly cookie: string,
  ) {}

  async send(frame: Uint8Array): Promise<boolean> {
    const socket = await this.open()
    return new Promise((resolve) => {
      const onMessage = (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === SYNC_STEP_2) {
          done(true)
        }
      }
      const onClose = (code: number) => {
        this.closeCodes.push(code)
        this.socket = null
        done(false)
      }
      const done = (accepted: boolean) => {
        socket.off('message', onMessage)
        socket.off('close', onClose)
        resolve(accepted)
      }
      socket.on('message', onMessage)
      socket.on('close', onClose)
      socket.send(frame)
      socket.send(this.ping)
    })
  }

  close(): void {
    this.socket?.close()
  }

  private open(): Promise<WebSocket> {
    if (this.socket) return Promise.resolve(this.socket)
    const socket = new WebSocket(`${this.server.collabUrl}/${MANIFESTO_ID}`, { headers: { cookie: this.cookie } })
    this.socket = socket
    // Joined once the server's own sync step 1 arrives.
    return new Promise((resolve, reject) => {
      socket.once('message', () => resolve(socket))
      socket.once('error', reject)
    })
  }
}

describe('fuzzing the sync server', () => {
  it('survives ten thousand random, truncated and bit-flipped frames with the document intact', async () => {
    const server = await startServer({
      logLevel: (process.env.FUZZ_LOG as 'error' | undefined) ?? 'silent',
      // Thousands of connections from one address, as fast as possible: beyond what is allowed for people.
      limits: { ...defaultLimits(), connectionsPerMinute: 1e9, messagesPerSecond: 1e9, messageBurst: 1e9 },
    })
    const contributor = await signUp(server, 'fuzzer')
    // The frames to mutate come from an author who then leaves: a mutated frame may be a
    // valid edit under the author's client id, which would confuse a client still using it.
    const author = connectClient(server, MANIFESTO_ID, contributor)
    await author.synced()
    const updates: Uint8Array[] = []
    author.doc.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 12; i++) appendParagraph(author.doc, `Fuzz target ${i}`)
    const fragment = author.doc.getXmlFragment('default')
    author.doc.transact(() => fragment.delete(fragment.length - 3, 2))
    await author.allSaved()
    const frames = validFrames(author.doc, updates)
    author.destroy()

    const writer = connectClient(server, MANIFESTO_ID, contributor)
    const observer = connectClient(server, MANIFESTO_ID)
    // No presence from the real clients, so the only awareness traffic is the fuzzer's.
    writer.provider.awareness.setLocalState(null)
    observer.provider.awareness.setLocalState(null)
    await Promise.all([writer.synced(), observer.synced()])

    const handle = await server.app.collab.openDocument(MANIFESTO_ID)
    const serverDoc = handle.room.doc
    // What the server must end with: its state plus exactly the updates it accepted.
    const expected = new Y.Doc({ gc: false })
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(serverDoc))

    const ping = encodeSyncStep1(serverDoc)
    let accepted = 0
    const probes = Array.from({ length: LANES }, () => new Probe(server, ping, contributor.cookie))
    await Promise.all(
      probes.map(async (probe, lane) => {
        const rng = random(Number(process.env.FUZZ_SEED ?? 0xc0ffee) + lane)
        for (let i = 0; i < FRAMES / LANES; i++) {
          const frame = mutate(frames, rng)
          if (!(await probe.send(frame))) continue
          accepted++
          const decoder = decoding.createDecoder(frame)
          if (decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) > 0) {
            Y.applyUpdate(expected, decoding.readVarUint8Array(decoder))
          }
        }
        probe.close()
      }),
    )

    const closeCodes = probes.flatMap((probe) => probe.closeCodes)
    expect(closeCodes.length).toBeGreaterThan(FRAMES / 2)
    expect(new Set(closeCodes)).toEqual(new Set([CloseCode.malformedMessage]))
    expect(accepted + closeCodes.length).toBe(FRAMES)
    // Byte-identical to the starting state plus the frames the server accepted. Some
    // mutations are valid edits (a flipped client id at clock 0 is a new author typing
    // the same text; a flipped delete range deletes other text); no server can tell
    // them from a real client's edits. What must hold is that every refused frame
    // changed nothing and every accepted one applied exactly as Yjs applies it.
    expect(Buffer.from(Y.encodeStateAsUpdate(serverDoc)).equals(Buffer.from(Y.encodeStateAsUpdate(expected)))).toBe(true)
    await handle.release()

    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    appendParagraph(writer.doc, 'Still converging after the storm.')
    await until(() => textOf(observer.doc) === textOf(writer.doc) && textOf(writer.doc).includes('after the storm'), [observer.doc, writer.doc], 'update')
  }, 180_000)
})
