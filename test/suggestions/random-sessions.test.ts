/**
 * Property-based: random editing sessions by contributors in suggesting mode, against a real
 * server on port 0, through stock y-websocket providers, each contributor with a ProseMirror
 * editor bound to their Y.Doc as y-tiptap binds one (test/support/suggesting-editor.ts).
 *
 * fast-check picks the starting document and the session (test/support/random-editing.ts):
 * typing, deleting a range (across blocks too), replacing a range, Enter (in list items too),
 * Backspace at the start of a block, adding and removing bold and italic, the ¶, H1, H2 and
 * H3 buttons and the bulleted list, numbered list and quote buttons (in turns only, see
 * random-editing.ts). Contributors take turns, edit at once while online, or edit offline and
 * reconnect; when they edit at once, they all type and press Enter in one paragraph. A failure prints the seed
 * and the shrunk session; pass `seed` and `path` to fc.assert to replay it.
 *
 * What "the text they typed" means: with several people editing at once, nobody typed the
 * merged result, so accepting everything has nothing exact to be compared with. It is compared
 * where it is exact: in sessions of turns (one contributor edits, everyone syncs, the next one
 * edits), each transaction is also made directly on a plain copy that starts as the original,
 * its steps mapped there through accepting everything (editing-commands.ts, sameStepsOn). Left
 * out of that comparison, and made in neither copy:
 *   - edits touching someone else's pending suggestion, which suggesting mode leaves alone by
 *     design while the plain copy has it as ordinary text (touchesOthers);
 *   - Enter in a block proposed for joining, which the plain copy has already joined
 *     (splitsJoinedBlock);
 *   - a change of a whole block (its type, a list or quote, a join) that holds a paragraph break
 *     proposed inside its text: the plain copy has two blocks there (reshapesBlockWithBreak);
 *   - edits suggesting mode refuses, as the editor would tell the person;
 *   - code blocks: a join into a code block cannot carry bold or italic made meanwhile, so the
 *     order in which the plain copy joined and formatted shows.
 * Concurrent sessions are checked for what holds whatever the interleaving: the server never
 * refuses an honest edit, everyone converges, and rejecting everything restores the original.
 * What concurrent rounds leave out, because of the binding rather than suggesting mode, is listed
 * in random-editing.ts (session).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { JSONContent } from '@tiptap/core'
import { EditorState } from '@tiptap/pm/state'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Suggester } from '../../editor/suggesting/suggester'
import { signUp, type SignedIn } from '../support/accounts'
import { decideAll, planEdit, reshapesBlockWithBreak, sameStepsOn, splitsJoinedBlock, touchesOthers, transactionFor } from '../support/editing-commands'
import { until } from '../support/events'
import { session, startingDocument, type EditCommand, type Round, type RoundMode } from '../support/random-editing'
import { defaultLimits, startServer, type TestServer } from '../support/server'
import { serverState } from '../support/server-document'
import { createOpenDocument, openSuggestingEditor, readDocument, schema, type ConnectedEditor, type SuggestingEditor } from '../support/suggesting-editor'

// Each run opens a new document on one server (a server and its accounts cost about half a
// second) and takes about 50 ms: 30 runs keep each property near 2 s on two cores.
const RUNS = Number(process.env.RUNS ?? 30)
// Past this, fast-check stops shrinking and reports the smallest session found so far, before
// the test's own 60 s timeout would cut it off with no counterexample.
const TIME_LIMIT_MS = 45_000

interface Cast {
  server: TestServer
  admin: SignedIn
  contributors: SignedIn[]
}

async function cast(count: number): Promise<Cast> {
  // Every run opens four connections and reconnects for offline rounds, all from one address:
  // well past the 60 a minute a server allows one address by default.
  const server = await startServer({ limits: { ...defaultLimits(), connectionsPerMinute: 100_000 } })
  // The first account is the site's admin; everyone after it contributes to documents open to contributions.
  const admin = await signUp(server, 'site-admin')
  const contributors: SignedIn[] = []
  for (const name of ['ada', 'bob', 'cyd'].slice(0, count)) contributors.push(await signUp(server, name))
  return { server, admin, contributors }
}

interface Session {
  documentId: string
  editors: ConnectedEditor[]
  original: ProseMirrorNode
  close(): void
}

async function openSession({ server, admin, contributors }: Cast, content: JSONContent): Promise<Session> {
  const documentId = await createOpenDocument(server, admin, content)
  const clock = { now: 1_700_000_000_000 }
  const editors = await Promise.all(contributors.map((person) => openSuggestingEditor(server, documentId, person, suggesterFor(person, clock))))
  return {
    documentId,
    editors,
    original: editors[0]!.editor.shared(),
    close: () => editors.forEach((editor) => editor.client.destroy()),
  }
}

/**
 * Readable, reproducible stamps (ada-1, ada-2, ...), on one clock for the whole session that
 * ticks with every new suggestion, so their times say in which order they were made.
 */
function suggesterFor(person: SignedIn, clock: { now: number }): Suggester {
  let count = 0
  return { author: person.user.id, now: () => ++clock.now, newId: () => `${person.user.username}-${++count}` }
}

/** Resolves once every editor is connected and holds everything anyone wrote; rejects if the server shuts anyone out. */
async function settle(editors: ConnectedEditor[]): Promise<void> {
  const docs = editors.map(({ client }) => client.doc)
  // The whole state, not the state vector: a withdrawn insertion is a deletion alone, which no clock counts.
  const state = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64')
  const shutOut = new Promise<never>((_resolve, reject) => {
    for (const { client } of editors) {
      client.provider.on('closed', ({ code, reason }: { code: number; reason: string }) => reject(new Error(`closed with ${code}: ${reason}`)))
    }
  })
  shutOut.catch(() => undefined)
  // Synced (the handshake after a reconnect) and acknowledged by the server, then passed on to everyone.
  await Promise.race([Promise.all(editors.map(({ client }) => client.synced().then(() => client.allSaved()))), shutOut])
  const converged = until(() => docs.every((doc) => state(doc) === state(docs[0]!)), docs, 'update', 'every editor holding every edit')
  await Promise.race([converged, shutOut])
}

/** Makes one command in `editor`, as suggesting mode makes it, part of it even if the rest is refused. */
function suggest(editor: SuggestingEditor, command: EditCommand, lane?: number): void {
  const edit = planEdit(command, editor.state.doc, lane)
  if (!edit) return
  editor.select(edit.from, edit.to)
  editor.edit((state) => transactionFor(edit, state), { partial: true })
}

type Make = (editor: SuggestingEditor, command: EditCommand, lane?: number) => void

/** Plays a round: who edits, whether they see each other's edits first, then everyone syncs. */
async function play(round: Round, editors: ConnectedEditor[], make: Make): Promise<void> {
  if (round.mode === 'turn') {
    const { editor } = editors[round.edits[0]!.who]!
    for (const command of round.edits) make(editor, command)
  } else {
    const blocks = editors[0]!.editor.state.doc.childCount
    const taking = [...new Set(round.edits.map((command) => command.who))]
    const offline = round.mode === 'offline' ? taking.map((who) => editors[who]!.client.provider) : []
    for (const provider of offline) provider.disconnect()
    const shared = round.lanes % blocks
    // Everyone types and presses Enter in one block at once; any other edit goes in a block of its
    // own (random-editing.ts, session).
    for (const command of round.edits) {
      const k = taking.indexOf(command.who)
      const together = command.kind === 'type' || command.kind === 'enter'
      const lane = together ? shared : k < blocks - 1 ? (shared + 1 + k) % blocks : null
      if (lane !== null) make(editors[command.who]!.editor, command, lane)
    }
    for (const provider of offline) provider.connect()
  }
  await settle(editors)
}

async function playConcurrently(shared: Cast, content: JSONContent, rounds: Round[]): Promise<Session> {
  const current = await openSession(shared, content)
  for (const round of rounds) await play(round, current.editors, suggest)
  return current
}

/** The server's own copy of the document, as the editors read theirs. */
async function storedDocument(server: TestServer, documentId: string): Promise<ProseMirrorNode> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await serverState(server, documentId))
  return readDocument(doc)
}

/**
 * The document as JSON with each text's marks in a fixed order: two people's deletions of the
 * same words are the same marks whichever was read first.
 */
function withMarksSorted(doc: ProseMirrorNode): unknown {
  return JSON.parse(JSON.stringify(doc.toJSON()), (key, value: unknown) =>
    key === 'marks' && Array.isArray(value) ? [...value].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : value,
  )
}

const concurrentModes: RoundMode[] = ['turn', 'together', 'offline']

describe('random suggesting sessions', () => {
  it('never trip the server’s enforcement, and every editor converges on the same document', async () => {
    const shared = await cast(3)
    await fc.assert(
      fc.asyncProperty(startingDocument({ codeBlocks: true }), session(3, concurrentModes), async (content, rounds) => {
        const current = await playConcurrently(shared, content, rounds)
        try {
          expect(current.editors.flatMap(({ closes }) => closes)).toEqual([])
          const stored = await storedDocument(shared.server, current.documentId)
          for (const { editor } of current.editors) {
            expect(editor.shared().toJSON()).toEqual(stored.toJSON())
            expect(withMarksSorted(editor.state.doc), 'what the editor shows').toEqual(withMarksSorted(stored))
          }
        } finally {
          current.close()
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    )
  })

  it('give back exactly the original document when every suggestion is rejected', async () => {
    const shared = await cast(3)
    await fc.assert(
      fc.asyncProperty(startingDocument({ codeBlocks: true }), session(3, concurrentModes), async (content, rounds) => {
        const current = await playConcurrently(shared, content, rounds)
        try {
          const rejected = decideAll(current.editors[0]!.editor.shared(), 'reject').doc
          expect(rejected.toJSON()).toEqual(current.original.toJSON())
          expect(rejected.eq(current.original)).toBe(true)
        } finally {
          current.close()
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    )
  })

  it('never trip the server’s enforcement when contributors type into one paragraph at the same moment', async () => {
    const PLAYS = 6
    const shared = await cast(3)
    const paragraph = (text?: string): JSONContent => ({ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) })
    const heading = (text?: string): JSONContent => ({ type: 'heading', attrs: { level: 1 }, ...(text ? { content: [{ type: 'text', text }] } : {}) })
    const type = (who: number, at: number, text: string): EditCommand => ({ kind: 'type', who, at, text })
    // Sessions fast-check found before the binding inserted text inside its own formatting. Which
    // letter lands first depends on the random Yjs client ids, so each is played several times.
    const sessions: Array<{ content: JSONContent; rounds: Round[] }> = [
      {
        content: { type: 'doc', content: [heading('in public in public '), heading(), paragraph('in public in public ')] },
        rounds: [
          { mode: 'together', lanes: 0, edits: [type(0, 0, 'a')] },
          { mode: 'turn', lanes: 0, edits: [type(0, 0, 'aa')] },
          { mode: 'turn', lanes: 0, edits: [{ kind: 'enter', who: 0, at: 673 }] },
          { mode: 'together', lanes: 3, edits: [type(0, 946, 'aa'), type(1, 691, 'ba')] },
        ],
      },
      {
        content: { type: 'doc', content: [paragraph('We write in public ')] },
        rounds: [{ mode: 'together', lanes: 0, edits: [type(0, 4, 'now '), type(1, 4, 'all '), type(2, 4, 'here ')] }],
      },
      {
        content: { type: 'doc', content: [paragraph('We write in public ')] },
        rounds: [{ mode: 'offline', lanes: 0, edits: [type(0, 4, 'now '), type(1, 4, 'all '), type(2, 9, 'here ')] }],
      },
      // Two people (not three: see random-editing.ts, session) starting an empty paragraph at once.
      {
        content: { type: 'doc', content: [paragraph(), paragraph()] },
        rounds: [
          { mode: 'together', lanes: 0, edits: [type(1, 0, 'ab'), type(0, 0, 'é')] },
          { mode: 'offline', lanes: 1, edits: [type(0, 0, 'éa'), type(1, 0, 'b')] },
        ],
      },
    ]
    for (const { content, rounds } of sessions.flatMap((session) => Array<typeof session>(PLAYS).fill(session))) {
      const current = await playConcurrently(shared, content, rounds)
      try {
        expect(current.editors.flatMap(({ closes }) => closes)).toEqual([])
        const stored = await storedDocument(shared.server, current.documentId)
        for (const { editor } of current.editors) expect(withMarksSorted(editor.state.doc)).toEqual(withMarksSorted(stored))
      } finally {
        current.close()
      }
    }
  })

  for (const count of [1, 3]) {
    const who = count === 1 ? 'a single contributor' : 'contributors taking turns'
    it(`give exactly what ${who} typed when every suggestion is accepted`, async () => {
      const shared = await cast(count)
      await fc.assert(
        fc.asyncProperty(startingDocument({ codeBlocks: false }), session(count, ['turn']), async (content, rounds) => {
          if (process.env.REPLAY) [content, rounds] = JSON.parse(process.env.REPLAY)
          const current = await openSession(shared, content)
          try {
            let plain = EditorState.create({ schema, doc: current.original })
            const compared = (editor: SuggestingEditor, command: EditCommand) => {
              plain = suggestAndMakeDirectly(editor, command, plain)
            }
            for (const round of rounds) await play(round, current.editors, compared)
            expect(decideAll(current.editors[0]!.editor.shared(), 'accept').doc.toJSON()).toEqual(plain.doc.toJSON())
          } finally {
            current.close()
          }
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
      )
    })
  }
})

/**
 * Makes `command` as a suggestion in `editor` and its very steps directly on the plain copy
 * (positions mapped through accepting everything), and returns the plain copy after it.
 * A command suggesting mode refuses, or one touching someone else's suggestion, is made in neither.
 */
function suggestAndMakeDirectly(editor: SuggestingEditor, command: EditCommand, plain: EditorState): EditorState {
  const edit = planEdit(command, editor.state.doc)
  if (!edit) return plain
  const accepted = decideAll(editor.state.doc, 'accept')
  expect(accepted.doc.toJSON(), 'accepting everything before the edit gives the plain copy').toEqual(plain.doc.toJSON())
  editor.select(edit.from, edit.to)
  const original = transactionFor(edit, editor.state)
  if (
    !original ||
    touchesOthers(original, editor.who.author) ||
    splitsJoinedBlock(edit, editor.state.doc) ||
    reshapesBlockWithBreak(edit, editor.state.doc, editor.who.author)
  ) {
    return plain
  }
  if (!editor.edit(() => original)) return plain
  const after = plain.apply(sameStepsOn(plain, original, accepted, edit.from))
  if (process.env.REPLAY) console.log('STEP', JSON.stringify(command), '\nBEFORE', JSON.stringify(original.before.toJSON()), '\nSUGGEST', JSON.stringify(editor.state.doc.toJSON()), '\nACCEPTED', JSON.stringify(decideAll(editor.state.doc, 'accept').doc.toJSON()), '\nPLAIN', JSON.stringify(after.doc.toJSON()))
  expect(decideAll(editor.state.doc, 'accept').doc.toJSON(), `accepting everything after ${JSON.stringify(command)}`).toEqual(after.doc.toJSON())
  return after
}
