/**
 * The public Decisions log of a document: every accept, reject, supersede, reopen and
 * withdrawal, newest first, with who, when, the suggestion's text and the reason.
 *
 *   GET /api/documents/:id/decisions        JSON, for the Decisions page
 *   GET /api/documents/:id/decisions.atom   an Atom feed (RFC 4287), for feed readers
 *
 * Open to everyone who may read the document, anonymous readers of public documents included.
 */
import { Router, type Request, type Response } from 'express'
import type { Accounts } from '../auth/accounts'
import { isoTime, peopleTable, personLookup } from '../attribution/people'
import type { Store } from '../storage/store'
import type { Review } from '../suggestions/review'
import { reviewRecords, type ReviewRecord } from '../suggestions/review-model'
import { currentUser } from './current-user'
import { decisionsFeed } from './decisions-feed'
import { readableDocument } from './document-access'

export interface DecisionRoutesOptions {
  store: Store
  accounts: Accounts
  review: Review
}

/** The newest first: a log is read from the top. */
export function decisionLog(record: ReviewRecord) {
  return record.decisions
    .map((decision) => ({ ...decision, suggestion: { id: decision.suggestion, ...record.suggestions[decision.suggestion]?.proposed } }))
    .reverse()
}

export type DecisionLogEntry = ReturnType<typeof decisionLog>[number]

export function decisionRoutes({ store, accounts, review }: DecisionRoutesOptions): Router {
  const router = Router()
  const lookup = personLookup(accounts)

  const readLog = async (request: Request, response: Response) => {
    const { document } = await readableDocument(store, String(request.params.id), currentUser(response))
    return { document, log: decisionLog(await store.records(reviewRecords).read(document.id)) }
  }

  router.get('/documents/:id/decisions', async (request, response) => {
    const { log } = await readLog(request, response)
    response.json({
      decisions: log.map((entry) => ({
        ...entry,
        at: isoTime(entry.at),
        suggestion: { ...entry.suggestion, createdAt: isoTime(entry.suggestion.createdAt ?? null) },
      })),
      people: peopleTable(log.flatMap((entry) => [entry.by, entry.suggestion.author ?? null]), lookup),
    })
  })

  router.get('/documents/:id/decisions.atom', async (request, response) => {
    const { document, log } = await readLog(request, response)
    response.type('application/atom+xml').send(decisionsFeed(document, log, lookup, siteOf(request)))
  })

  return router
}

/** The address the reader used, so the feed's links work wherever the server is hosted. */
function siteOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`
}
