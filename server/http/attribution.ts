/**
 * Who wrote what, for anyone who may read the document (readers included):
 *
 *   GET /api/documents/:id/authorship               the current text with authored ranges and sections
 *   GET /api/documents/:id/contributors             per person: surviving, written, deleted, first, last
 *   GET /api/documents/:id/contributors/:username   one person's stats and their passages in the current text
 *   GET /api/documents/:id/credits                  per section: who wrote it, most characters first
 *   GET /api/documents/:id/attribution              the raw index by Yjs client id, for editors
 *                                                   that compute authorship of their own live copy
 *
 * docs/attribution.md describes each response.
 */
import { Router, type Response } from 'express'
import type { Accounts } from '../auth/accounts'
import type { Attribution } from '../attribution/attribution-extension'
import type { AttributionIndex } from '../attribution/attribution-index'
import { readAuthorship, type Authorship } from '../attribution/authorship'
import { countContributions, type ContributorStats } from '../attribution/contributors'
import { creditSections } from '../attribution/credits'
import { isoTime, peopleTable, personLookup } from '../attribution/people'
import type { CollabServer } from '../collab/collab-server'
import type { DocumentView } from '../collab/hooks'
import { withRoom } from '../collab/with-room'
import type { DocumentModel } from '../documents/content'
import type { Store } from '../storage/store'
import { currentUser } from './current-user'
import { readableDocument } from './document-access'
import { ApiError } from './errors'

export interface AttributionRoutesOptions {
  store: Store
  attribution: Attribution
  collab: CollabServer
  accounts: Accounts
  model: DocumentModel
}

/** A loaded document with who wrote what in it. */
interface LiveDocument {
  doc: DocumentView['doc']
  attribution: AttributionIndex
}

export function attributionRoutes({ store, collab, accounts, model, attribution }: AttributionRoutesOptions): Router {
  const router = Router()
  const lookup = personLookup(accounts)

  /** Runs `read` on the document's live room, loading it if nobody has it open. */
  const readRoom = async <T>(id: string, response: Response, read: (room: LiveDocument) => T): Promise<T> => {
    const { document } = await readableDocument(store, id, currentUser(response))
    return withRoom(collab, document.id, (room) => read({ doc: room.doc, attribution: attribution.indexOf(room) }))
  }
  const authorshipOf = (room: LiveDocument) => readAuthorship(room.doc, room.attribution, model.schema)
  const describe = (stats: ContributorStats) => ({
    person: stats.person === null ? null : lookup(stats.person),
    surviving: stats.surviving,
    written: stats.written,
    deleted: stats.deleted,
    firstContribution: isoTime(stats.firstContribution),
    lastContribution: isoTime(stats.lastContribution),
  })

  router.get('/documents/:id/authorship', async (request, response) => {
    const authorship = await readRoom(request.params.id, response, authorshipOf)
    response.json({
      text: authorship.text,
      ranges: authorship.ranges.map((range) => ({ ...range, time: isoTime(range.time) })),
      sections: authorship.sections,
      people: peopleTable(authorship.ranges.map((range) => range.author), lookup),
    })
  })

  router.get('/documents/:id/contributors', async (request, response) => {
    const stats = await readRoom(request.params.id, response, (room) =>
      countContributions(room.doc, room.attribution, authorshipOf(room)),
    )
    stats.sort((a, b) => b.surviving - a.surviving || b.written - a.written)
    response.json({ contributors: stats.map(describe) })
  })

  router.get('/documents/:id/contributors/:username', async (request, response) => {
    // Access first: someone who may not read the document must not learn which usernames exist.
    const { document } = await readableDocument(store, request.params.id, currentUser(response))
    const user = accounts.findByUsername(request.params.username)
    if (!user) throw new ApiError(404, 'user_not_found', `Nobody has the username "${request.params.username.slice(0, 40)}".`)
    const { stats, passages } = await readRoom(document.id, response, (room) => {
      const authorship = authorshipOf(room)
      return {
        stats: countContributions(room.doc, room.attribution, authorship).find((entry) => entry.person === user.id),
        passages: passagesOf(authorship, user.id),
      }
    })
    const none = { person: user.id, surviving: 0, written: 0, deleted: 0, firstContribution: null, lastContribution: null }
    response.json({ contributor: describe(stats ?? none), passages })
  })

  router.get('/documents/:id/credits', async (request, response) => {
    const sections = await readRoom(request.params.id, response, (room) => creditSections(authorshipOf(room)))
    response.json({
      sections: sections.map((section) => ({
        ...section,
        credits: section.credits.map((credit) => ({ person: credit.person === null ? null : lookup(credit.person), characters: credit.characters })),
      })),
    })
  })

  router.get('/documents/:id/attribution', async (request, response) => {
    const clients = await readRoom(request.params.id, response, (room) =>
      [...room.attribution.clients()].map(([client, { owner, runs }]) => ({
        client,
        owner: owner ?? null,
        runs: runs.map((run) => [run.start, run.end, run.person, run.time] as const),
      })),
    )
    const people = peopleTable(
      clients.flatMap((client) => client.runs.map((run) => run[2])),
      lookup,
    )
    response.json({ people, clients })
  })

  return router
}

export interface Passage {
  from: number
  to: number
  text: string
  /** The heading of the section it is in; null for the opening section. */
  section: string | null
  /** When the earliest part of it was written. */
  time: string | null
}

/** One person's words in the current text: their ranges, joined where they touch. */
function passagesOf(authorship: Authorship, person: string): Passage[] {
  const passages: Array<{ from: number; to: number; time: number | null }> = []
  for (const range of authorship.ranges) {
    if (range.author !== person) continue
    const last = passages.at(-1)
    if (last && last.to === range.from) {
      last.to = range.to
      if (range.time !== null && (last.time === null || range.time < last.time)) last.time = range.time
    } else passages.push({ from: range.from, to: range.to, time: range.time })
  }
  return passages.map((passage) => ({
    from: passage.from,
    to: passage.to,
    text: authorship.text.slice(passage.from, passage.to),
    section: authorship.sections.find((section) => section.from <= passage.from && passage.from < section.to)?.heading ?? null,
    time: isoTime(passage.time),
  }))
}
