/**
 * The public Decisions log of a document (server/suggestions/decision-log.ts says what is in it):
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
import { peopleInLog, readDecisionLog } from '../suggestions/decision-log'
import { currentUser } from './current-user'
import { decisionsFeed } from './decisions-feed'
import { readableDocument } from './document-access'

export interface DecisionRoutesOptions {
  store: Store
  accounts: Accounts
  review: Review
}

export function decisionRoutes({ store, accounts, review }: DecisionRoutesOptions): Router {
  const router = Router()
  const lookup = personLookup(accounts)

  const readLog = async (request: Request, response: Response) => {
    const { document } = await readableDocument(store, String(request.params.id), currentUser(response))
    return { document, log: await readDecisionLog(store, document.id) }
  }

  router.get('/documents/:id/decisions', async (request, response) => {
    const { log } = await readLog(request, response)
    response.json({
      decisions: log.map((entry) => ({
        ...entry,
        at: isoTime(entry.at),
        suggestion: { ...entry.suggestion, createdAt: isoTime(entry.suggestion.createdAt ?? null) },
      })),
      people: peopleTable(peopleInLog(log), lookup),
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
