/**
 * Version history (docs/history.md describes each response):
 *
 *   GET   /api/documents/:id/versions                         everyone who may read
 *   GET   /api/documents/:id/versions/:vid?format=json|markdown|html
 *   GET   /api/documents/:id/versions/:vid/changelog
 *   GET   /api/documents/:id/compare?from=&to=                 a version id, `current`, or `last-visit`
 *   POST  /api/documents/:id/versions            {name, note?}  maintainers: names the current text
 *   PATCH /api/documents/:id/versions/:vid       {name, note?}  maintainers: names an older version
 *   POST  /api/documents/:id/versions/:vid/restore              maintainers
 *
 * Permissions are checked here, before the document is touched.
 */
import { Router, type Response } from 'express'
import * as Y from 'yjs'
import { z } from 'zod'
import type { Accounts } from '../auth/accounts'
import type { Attribution } from '../attribution/attribution-extension'
import { readAuthorship } from '../attribution/authorship'
import { creditSections } from '../attribution/credits'
import { displayName, isoTime, peopleTable, personLookup } from '../attribution/people'
import type { CollabServer } from '../collab/collab-server'
import type { DocumentView } from '../collab/hooks'
import { withRoom } from '../collab/with-room'
import { readContent, type DocumentModel } from '../documents/content'
import type { Exporter } from '../documents/export'
import { changelog, changelogRange } from '../history/changelog'
import { History, HistoryError, type HistoryProblem } from '../history/history'
import { compareVersions, readVersion } from '../history/version-reader'
import type { StoredVersion } from '../history/version-model'
import type { Store } from '../storage/store'
import { reviewRecords } from '../suggestions/review-model'
import { currentUser, requireUser } from './current-user'
import { managedDocument, readableDocument } from './document-access'
import { ApiError, parseRequest } from './errors'

/** A name is a label for a list ("Draft 0.3 — sent to members"); a note is a paragraph or two. */
const nameBody = z.object({ name: z.string().trim().min(1).max(120), note: z.string().trim().max(2_000).optional() }).strict()
const versionQuery = z.object({ format: z.enum(['json', 'markdown', 'html']).default('json') })
const reference = z.string().min(1).max(100)
const compareQuery = z.object({ from: reference, to: reference.default('current') })

const PROBLEM_STATUS: Record<HistoryProblem, number> = { version_not_found: 404, no_last_visit: 404, suggestions_pending: 409 }

export interface VersionRoutesOptions {
  store: Store
  collab: CollabServer
  accounts: Accounts
  model: DocumentModel
  exporter: Exporter
  history: History
  attribution: Attribution
}

export function versionRoutes({ store, collab, accounts, model, exporter, history, attribution }: VersionRoutesOptions): Router {
  const router = Router()
  const lookup = personLookup(accounts)
  const people = (ids: Iterable<string | null>) => peopleTable(ids, lookup)

  const inRoom = <T>(documentId: string, use: (room: DocumentView) => Promise<T>): Promise<T> =>
    withRoom(collab, documentId, (room) => historyProblems(use(room)))
  const maintainer = async (response: Response, documentId: string) => {
    const user = requireUser(response)
    const { document } = await managedDocument(store, documentId, user)
    return { user, document }
  }

  router.get('/documents/:id/versions', async (request, response) => {
    const user = currentUser(response)
    const { document } = await readableDocument(store, request.params.id, user)
    let record = await history.list(document.id)
    // A document nobody has opened since it was made has no version yet; loading it records the first.
    if (record.versions.length === 0) record = await inRoom(document.id, async () => history.list(document.id))
    const visit = user ? history.lastVisitOf(record, user.id) : null
    response.json({
      versions: record.versions.map(versionJson),
      people: people(record.versions.flatMap((version) => [...version.people, version.namedBy, version.by])),
      lastVisit: visit === null ? null : { at: isoTime(visit) },
    })
  })

  router.get('/documents/:id/versions/:vid', async (request, response) => {
    const { format } = parseRequest(versionQuery, request.query)
    const { document } = await readableDocument(store, request.params.id, currentUser(response))
    await inRoom(document.id, async (room) => {
      const point = await history.point(room, request.params.vid)
      const version = versionOf(point, request.params.vid)
      if (format === 'json') {
        response.json({ version: versionJson(version), content: readVersion(room.doc, point.snapshot), people: people([...version.people, version.namedBy]) })
        return
      }
      // Yjs's own reader gives a document of that moment for the exporter and the credits.
      const old = Y.createDocFromSnapshot(room.doc, point.snapshot)
      try {
        const sections = creditSections(readAuthorship(old, attribution.indexOf(room), model.schema)).map(({ heading, credits }) => ({
          heading,
          credits: credits.map(({ person, characters }) => ({ name: displayName(person, lookup), characters })),
        }))
        const title = `${document.title} — ${version.name ?? `version ${version.number}`}`
        const rendered = exporter.render(readContent(model, old), format, title, { sections })
        response.type(rendered.mediaType).attachment(`${document.id}-version-${version.number}.${rendered.extension}`).send(rendered.body)
      } finally {
        old.destroy()
      }
    })
  })

  router.get('/documents/:id/versions/:vid/changelog', async (request, response) => {
    const { document } = await readableDocument(store, request.params.id, currentUser(response))
    const log = await inRoom(document.id, async (room) => {
      const point = await history.point(room, request.params.vid)
      const version = versionOf(point, request.params.vid)
      const { versions } = await history.list(document.id)
      const { since, covered } = changelogRange(versions, versions.findIndex((candidate) => candidate.id === version.id))
      const start = since ? await history.point(room, since.id) : { snapshot: Y.emptySnapshot, at: 0 }
      const { summary } = compareVersions(room.doc, attribution.indexOf(room), start.snapshot, start.at, point.snapshot)
      return changelog(version, since, covered, summary, await store.records(reviewRecords).read(document.id))
    })
    response.json({
      version: versionJson(log.version),
      since: log.since && versionJson(log.since),
      added: log.changes.added,
      removed: log.changes.removed,
      contributors: log.changes.people,
      editors: log.people,
      decisions: log.decisions.map(({ proposed, ...decision }) => ({
        id: decision.id,
        action: decision.action,
        by: decision.by,
        at: isoTime(decision.at),
        reason: decision.reason,
        suggestion: { id: decision.suggestion, ...proposed, createdAt: isoTime(proposed?.createdAt ?? null) },
      })),
      people: people([...log.people, ...log.changes.people.map(({ person }) => person), ...log.decisions.flatMap((decision) => [decision.by, decision.proposed?.author ?? null])]),
    })
  })

  router.get('/documents/:id/compare', async (request, response) => {
    const query = parseRequest(compareQuery, request.query)
    const user = currentUser(response)
    const { document } = await readableDocument(store, request.params.id, user)
    if (query.from === 'last-visit' && !user) throw new ApiError(401, 'sign_in_required', 'Sign in to see what changed since your last visit.')
    await inRoom(document.id, async (room) => {
      const given = [
        { point: await history.point(room, query.from, user?.id ?? null), reference: query.from },
        { point: await history.point(room, query.to, user?.id ?? null), reference: query.to },
      ]
      // Always from the earlier to the later: added text is then what people wrote, removed what they deleted.
      const [from, to] = given[0]!.point.at > given[1]!.point.at ? [given[1]!, given[0]!] : [given[0]!, given[1]!]
      const { content, summary } = compareVersions(room.doc, attribution.indexOf(room), from.point.snapshot, from.point.at, to.point.snapshot)
      response.json({
        from: pointJson(from.point, from.reference),
        to: pointJson(to.point, to.reference),
        content,
        summary,
        people: people(summary.people.map(({ person }) => person)),
      })
    })
  })

  router.post('/documents/:id/versions', async (request, response) => {
    const body = parseRequest(nameBody, request.body)
    const { user, document } = await maintainer(response, request.params.id)
    const version = await inRoom(document.id, (room) => history.name(room, { name: body.name, note: body.note ?? null, by: user.id }))
    response.status(201).json({ version: versionJson(version) })
  })

  router.patch('/documents/:id/versions/:vid', async (request, response) => {
    const body = parseRequest(nameBody, request.body)
    const { user, document } = await maintainer(response, request.params.id)
    const version = await historyProblems(history.rename(document.id, request.params.vid, { name: body.name, note: body.note ?? null, by: user.id }))
    response.json({ version: versionJson(version) })
  })

  router.post('/documents/:id/versions/:vid/restore', async (request, response) => {
    const { user, document } = await maintainer(response, request.params.id)
    const version = await inRoom(document.id, (room) => history.restore(room, request.params.vid, user.id))
    response.status(201).json({ version: versionJson(version) })
  })

  return router
}

export function versionJson({ snapshot: _snapshot, at, ...version }: StoredVersion) {
  return { ...version, at: isoTime(at) }
}

/** Only a recorded version has a page of its own; `current` and `last-visit` are for comparing. */
function versionOf(point: { version: StoredVersion | null }, reference: string): StoredVersion {
  if (point.version === null) throw new ApiError(404, 'version_not_found', `No version has the id "${reference.slice(0, 80)}".`)
  return point.version
}

function pointJson(point: { at: number; version: StoredVersion | null }, reference: string) {
  const { version } = point
  return { id: version?.id ?? reference, number: version?.number ?? null, at: isoTime(point.at), name: version?.name ?? null }
}

/** Turns history's own problems into API errors with their status. */
async function historyProblems<T>(outcome: Promise<T>): Promise<T> {
  try {
    return await outcome
  } catch (error) {
    if (error instanceof HistoryError) throw new ApiError(PROBLEM_STATUS[error.id], error.id, error.message)
    throw error
  }
}
