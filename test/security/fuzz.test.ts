import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP_2 } from '../../model/protocol'
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from '../../server/collab/server-frames'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { until } from '../support/events'
import { checkHealth, report, type HealthCheck } from '../support/fuzz-report'
import { seededRandom, type SeededRandom } from '../support/seeded-random'
import { defaultLimits, startServer, type TestServer } from '../support/server'
import { createDocumentModel } from '../../server/documents/content'
import { HeldModel } from '../support/held-model'
import { HOSTILE_CHANGES } from './hostile-content'

/** 10,000 in CI, about half a minute; `npm run fuzz` sends 100,000. */
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000)
/** Independent connections sending at once, each waiting for the verdict on its own frame. */
const LANES = 4
/** One health request per this many frames, timed, to see whether the server stays responsive during the storm. */
const HEALTH_EVERY = 250
// To explore: FUZZ_SEED=<n> picks other frame sequences; FUZZ_LOG=error shows the server's own errors.

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

/** Well-formed updates with content the schema does not allow (hostile-content.ts), each as a new author would send it. */
function hostileFrames(doc: Y.Doc): Uint8Array[] {
  return HOSTILE_CHANGES.map((change) => {
    const attacker = new Y.Doc()
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(attacker)
    change.apply(attacker)
    const update = Y.encodeStateAsUpdate(attacker, before)
    attacker.destroy()
    return encodeSyncUpdate(update)
  })
}

function mutate(frames: Uint8Array[], rng: SeededRandom): Uint8Array {
  const base = frames[rng.int(frames.length)] ?? new Uint8Array()
  switch (rng.int(5)) {
    case 4:
      // As it is: a hostile update must be refused whole, a valid frame accepted.
      return base
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
  connections = 0

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
    this.connections++
    // Joined once the server's own sync step 1 arrives.
    return new Promise((resolve, reject) => {
      socket.once('message', () => resolve(socket))
      socket.once('error', reject)
    })
  }
}

describe('fuzzing the sync server', () => {
  it('survives random, truncated and bit-flipped frames with the document intact', async () => {
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
    const frames = [...validFrames(author.doc, updates), ...hostileFrames(author.doc)]
    author.destroy()

    const writer = connectClient(server, MANIFESTO_ID, contributor)
    const observer = connectClient(server, MANIFESTO_ID)
    // No presence from the real clients, so the only awareness traffic is the fuzzer's.
    writer.provider.awareness.setLocalState(null)
    observer.provider.awareness.setLocalState(null)
    await Promise.all([writer.synced(), observer.synced()])

    const handle = await server.app.collab.openDocument(MANIFESTO_ID)
    const serverDoc = handle.document.doc
    // What the server must end with: its state plus exactly the updates it accepted.
    const expected = new Y.Doc({ gc: false })
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(serverDoc))
    // An update that builds on content the document lacks is held, not applied, as the server does.
    const held = new HeldModel(expected, createDocumentModel().shape)

    const ping = encodeSyncStep1(serverDoc)
    let accepted = 0
    let sent = 0
    const health: Promise<HealthCheck>[] = []
    const probes = Array.from({ length: LANES }, () => new Probe(server, ping, contributor.cookie))
    await Promise.all(
      probes.map(async (probe, lane) => {
        const rng = seededRandom(Number(process.env.FUZZ_SEED ?? 0xc0ffee) + lane)
        for (let i = 0; i < FRAMES / LANES; i++) {
          if (sent++ % HEALTH_EVERY === 0) health.push(checkHealth(server))
          const frame = mutate(frames, rng)
          if (!(await probe.send(frame))) {
            held.closed(lane)
            continue
          }
          accepted++
          const decoder = decoding.createDecoder(frame)
          if (decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) > 0) {
            held.accepted(lane, decoding.readVarUint8Array(decoder))
          }
        }
        probe.close()
      }),
    )

    const closeCodes = probes.flatMap((probe) => probe.closeCodes)
    const checks = await Promise.all(health)
    report({
      frames: sent,
      accepted,
      connections: probes.reduce((sum, probe) => sum + probe.connections, 0),
      closeCodes,
      // A frame that broke the server instead of being refused: an internal-error close, or a failed health check.
      crashes: closeCodes.filter((code) => code === CloseCode.internalError).length + checks.filter((check) => check.status !== 200).length,
      // A frame that got neither an answer nor a close; the lanes would still be waiting, so this is 0 when we get here.
      stalls: sent - accepted - closeCodes.length,
      healthMs: checks.map((check) => check.ms),
    })
    expect(closeCodes.length).toBeGreaterThan(FRAMES / 2)
    // Refused as malformed, or (a flipped client id that lands on someone else's) as writing under another person's id.
    expect([...new Set(closeCodes)].filter((code) => code !== CloseCode.malformedMessage && code !== CloseCode.clientIdTaken)).toEqual([])
    expect(accepted + closeCodes.length).toBe(sent)
    // Byte-identical to the starting state plus the frames the server accepted. Some
    // mutations are valid edits (a flipped client id at clock 0 is a new author typing
    // the same text; a flipped delete range deletes other text); no server can tell
    // them from a real client's edits. What must hold is that every refused frame
    // changed nothing and every accepted one applied exactly as Yjs applies it, once what
    // it builds on was there (held-model.ts).
    expect(Buffer.from(Y.encodeStateAsUpdate(serverDoc)).equals(Buffer.from(Y.encodeStateAsUpdate(expected)))).toBe(true)
    await handle.release()

    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    for (const format of ['text', 'html', 'markdown', 'json']) {
      expect((await fetch(`${server.url}/api/documents/${MANIFESTO_ID}/export?format=${format}`)).status, format).toBe(200)
    }
    expect((await fetch(`${server.url}/api/documents/${MANIFESTO_ID}/suggestions`)).status).toBe(200)
    appendParagraph(writer.doc, 'Still converging after the storm.')
    await until(() => textOf(observer.doc) === textOf(writer.doc) && textOf(writer.doc).includes('after the storm'), [observer.doc, writer.doc], 'update')
  }, Math.max(180_000, FRAMES * 12))
})
