/**
 * A Coffeehouse room in this process, with the extensions server/app.ts runs (syncExtensions),
 * over a real FileStore in a temporary directory: access control, attribution, the suggestion
 * rules, the registry, persistence (the update log, each write durable), the schema guard and
 * the history recorder. Members are in-process: what the room sends them is counted, not sent.
 * With `disk: false` the documents are in a MemoryStore instead, whose log is durable at once:
 * the same work without the disk's, which is the noisiest part of a shared machine.
 *
 * For measuring what the server spends per update without a network in the way
 * (bench/update-cost.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import { syncExtensions } from '../../server/app'
import { attribution as createAttribution } from '../../server/attribution/attribution-extension'
import { accessControl as createAccessControl } from '../../server/auth/access'
import type { Accounts, User } from '../../server/auth/accounts'
import { FileAccounts } from '../../server/auth/file-accounts'
import { FileSessionStore } from '../../server/auth/file-session-store'
import { createSessions } from '../../server/auth/sessions'
import type { AnyExtension, ConnectionInfo } from '../../server/collab/hooks'
import { Room, type RoomMember } from '../../server/collab/room'
import { runHook } from '../../server/collab/run-hooks'
import { createDocumentModel, type DocumentModel } from '../../server/documents/content'
import { History } from '../../server/history/history'
import { FileStore } from '../../server/storage/file-store'
import { MemoryStore } from '../../server/storage/memory-store'
import type { Store } from '../../server/storage/store'

/** A day: no version is recorded by History's idle timers while a stream runs. */
const NEVER_MS = 24 * 60 * 60 * 1000
/** The default (server/config.ts): a stream of a few thousand keystrokes never compacts. */
const COMPACT_LOG_BYTES = 4 * 1024 * 1024

/** A member that counts what the room sends it. */
export interface CountingMember extends RoomMember {
  readonly received: { frames: number; bytes: number }
}

export interface RoomServer {
  /** Opens a new document holding `state` (written by nobody: the server's own text), with the writers as its maintainers; anyone may read it. */
  openRoom(name: string, state: Uint8Array): Promise<OpenRoom>
  close(): Promise<void>
}

export interface OpenRoom {
  room: Room
  writers: CountingMember[]
  readers: CountingMember[]
  /** Stores what is pending, as the last client leaving does, and drops the room. */
  close(): Promise<void>
}

export async function roomServer(options: { writers: number; readers: number; disk: boolean }): Promise<RoomServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'coffeehouse-update-cost-'))
  const fail = (error: unknown) => {
    throw error
  }
  const store = options.disk ? await FileStore.open({ dataDir, warn: (warning) => fail(new Error(warning.message)), onBackgroundError: fail }) : new MemoryStore()
  const sessionStore = await FileSessionStore.open(dataDir, fail)
  const accounts = await FileAccounts.open(dataDir)
  const people: User[] = []
  for (let index = 0; index < options.writers + options.readers; index++) {
    people.push(await accounts.create({ username: `person${index}`, password: 'correct horse battery staple', displayName: `Person ${index}` }, new Date()))
  }
  const model = createDocumentModel()
  const extensions = extensionsLikeTheServer(store, accounts, sessionStore, model)
  let clock = Date.UTC(2026, 11, 7)
  let rooms = 0

  return {
    async openRoom(name, state) {
      const documentId = `update-cost-${++rooms}`
      const members = Object.fromEntries(people.slice(0, options.writers).map((person) => [person.id, 'maintainer'] as const))
      await store.createDocument(
        { id: documentId, title: name, access: { visibility: 'public', openToContributions: false, members, blocked: [] } },
        { update: state, author: null, time: clock },
      )
      const room = new Room({
        documentId,
        extensions,
        shape: model.shape,
        onStorageFailure: (_room, error) => fail(error),
        onHookFailure: (_room, _extension, error) => fail(error),
        // Every update a millisecond after the one before.
        now: () => ++clock,
      })
      await runHook(extensions, 'onLoadDocument', (extension) => ({ documentId, document: room, state: room.stateOf(extension) }))
      room.open()
      const all = people.map((person, index) => countingMember(documentId, person.id, index))
      for (const member of all) {
        room.join(member)
        await runHook(extensions, 'onJoin', (extension) => ({ documentId, document: room, connection: member.info, state: room.stateOf(extension) }))
      }
      return {
        room,
        writers: all.slice(0, options.writers),
        readers: all.slice(options.writers),
        async close() {
          await room.settle()
          await runHook(extensions, 'onStoreDocument', (extension) => ({ documentId, document: room, state: room.stateOf(extension) }))
          room.destroy()
        },
      }
    },
    async close() {
      await store.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

function extensionsLikeTheServer(store: Store, accounts: Accounts, sessionStore: FileSessionStore, model: DocumentModel): AnyExtension[] {
  const sessions = createSessions({ store: sessionStore, secret: 'update-cost benchmark secret, not a real one', secureCookies: false, accounts })
  const accessControl = createAccessControl({ store, sessions, accounts, loadedDocument: () => undefined })
  const attribution = createAttribution()
  const history = new History({
    store,
    model,
    attribution,
    loadedDocument: () => undefined,
    now: Date.now,
    idleMs: NEVER_MS,
    maxMs: NEVER_MS,
    visitGapMs: NEVER_MS,
    onError: (_document, error) => {
      throw error
    },
  })
  return syncExtensions({
    store,
    model,
    accessControl,
    attribution,
    history,
    compactLogBytes: COMPACT_LOG_BYTES,
    logger: pino({ level: 'silent' }),
    onCompactionError: (_document, error) => {
      throw error
    },
  })
}

function countingMember(documentId: string, user: string, index: number): CountingMember {
  const info: ConnectionInfo = {
    id: `member-${index}`,
    documentId,
    remoteAddress: undefined,
    user,
    close: (error) => {
      throw error
    },
  }
  const received = { frames: 0, bytes: 0 }
  return {
    info,
    received,
    send(frame) {
      received.frames++
      received.bytes += frame.length
    },
    refuse(error) {
      throw error
    },
  }
}
