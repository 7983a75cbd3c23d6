/**
 * Suggestions and the decisions on them (docs/suggestions.md describes each response):
 *
 *   GET  /api/documents/:id/suggestions?status=&author=   everyone who may read
 *   POST /api/documents/:id/suggestions/:sid/accept      {reason?}   maintainers
 *   POST /api/documents/:id/suggestions/:sid/reject      {reason}    maintainers
 *   POST /api/documents/:id/suggestions/:sid/reopen      {reason?}   maintainers
 *   POST /api/documents/:id/suggestions/decide           {action, ids, reason?}   maintainers, many at once
 *   POST /api/documents/:id/suggestions/:sid/withdraw                its author
 *   PUT  /api/documents/:id/suggestions/:sid/rationale   {text}      its author
 *   POST /api/documents/:id/suggestions/:sid/replies     {text}      anyone who may edit
 *
 * Permissions are checked here, before the document is touched.
 */
import { Router, type Response } from 'express'
import { z } from 'zod'
import type { Accounts } from '../auth/accounts'
import type { Attribution } from '../attribution/attribution-extension'
import { isoTime, peopleTable, personLookup } from '../attribution/people'
import type { Review } from '../suggestions/review'
import { SuggestionError, type SuggestionProblem } from '../suggestions/review'
import type { Decision } from '../suggestions/review-model'
import { SUGGESTION_STATUSES, suggestionViews, type SuggestionView } from '../suggestions/suggestion-views'
import type { Store } from '../storage/store'
import { currentUser, requireUser } from './current-user'
import { managedDocument, readableDocument } from './document-access'
import { ApiError, parseRequest } from './errors'

/** A reason is a sentence or a paragraph; 2,000 characters leaves room for a careful one. */
const reason = z.string().trim().min(1).max(2_000)
const acceptBody = z.object({ reason: reason.optional() }).strict()
const rejectBody = z.object({ reason }).strict()
/** Up to 500 at once: a whole document's suggestions by one busy contributor, with room to spare. */
const decideBody = z.union([
  z.object({ action: z.literal('accept'), ids: z.array(z.string().min(1).max(100)).min(1).max(500), reason: reason.optional() }).strict(),
  z.object({ action: z.literal('reject'), ids: z.array(z.string().min(1).max(100)).min(1).max(500), reason }).strict(),
])
const rationaleBody = z.object({ text: z.string().trim().max(2_000) }).strict()
const replyBody = z.object({ text: z.string().trim().min(1).max(4_000) }).strict()
const listQuery = z.object({ status: z.enum(SUGGESTION_STATUSES).optional(), author: z.string().max(100).optional() })

const PROBLEM_STATUS: Record<SuggestionProblem, number> = {
  suggestion_not_found: 404,
  suggestion_not_pending: 409,
  suggestion_not_reopenable: 409,
  not_your_suggestion: 403,
}

export interface SuggestionRoutesOptions {
  store: Store
  accounts: Accounts
  review: Review
  attribution: Attribution
}

export function suggestionRoutes({ store, accounts, review, attribution }: SuggestionRoutesOptions): Router {
  const router = Router()
  const lookup = personLookup(accounts)

  const maintainer = async (response: Response, documentId: string) => {
    const user = requireUser(response)
    const { document } = await managedDocument(store, documentId, user)
    return { user, document }
  }
  const describeDecisions = (decisions: Decision[]) => ({
    decisions: decisions.map(decisionJson),
    people: peopleTable(decisions.map((decision) => decision.by), lookup),
  })

  router.get('/documents/:id/suggestions', async (request, response) => {
    const query = parseRequest(listQuery, request.query)
    const { document } = await readableDocument(store, request.params.id, currentUser(response))
    const author = query.author === undefined ? undefined : accounts.findByUsername(query.author)?.id ?? null
    const views = (await review.read(document.id, (state) => suggestionViews(state, attribution.indexOf(state.room)))).filter(
      (view) => (query.status === undefined || view.status === query.status) && (author === undefined || view.author === author),
    )
    response.json({
      suggestions: views.map(viewJson),
      people: peopleTable(
        views.flatMap((view) => [view.author, ...view.decisions.map((decision) => decision.by), ...view.replies.map((reply) => reply.author), ...(view.survival?.editedBy ?? [])]),
        lookup,
      ),
    })
  })

  router.post('/documents/:id/suggestions/decide', async (request, response) => {
    const body = parseRequest(decideBody, request.body)
    const { user, document } = await maintainer(response, request.params.id)
    const results = []
    for (const id of body.ids) {
      try {
        const decisions =
          body.action === 'accept'
            ? await review.accept(document.id, id, user.id, body.reason ?? null)
            : await review.reject(document.id, id, user.id, body.reason)
        results.push({ id, decisions: decisions.map(decisionJson) })
      } catch (error) {
        if (!(error instanceof SuggestionError)) throw error
        // Accepting one may supersede another later in the list: that one is reported, not fatal.
        results.push({ id, error: { id: error.id, message: error.message } })
      }
    }
    response.json({ results, people: peopleTable([user.id], lookup) })
  })

  router.post('/documents/:id/suggestions/:sid/accept', async (request, response) => {
    const body = parseRequest(acceptBody, request.body ?? {})
    const { user, document } = await maintainer(response, request.params.id)
    response.json(describeDecisions(await decided(review.accept(document.id, request.params.sid, user.id, body.reason ?? null))))
  })

  router.post('/documents/:id/suggestions/:sid/reject', async (request, response) => {
    const body = parseRequest(rejectBody, request.body ?? {})
    const { user, document } = await maintainer(response, request.params.id)
    response.json(describeDecisions(await decided(review.reject(document.id, request.params.sid, user.id, body.reason))))
  })

  router.post('/documents/:id/suggestions/:sid/reopen', async (request, response) => {
    const body = parseRequest(acceptBody, request.body ?? {})
    const { user, document } = await maintainer(response, request.params.id)
    response.json(describeDecisions(await decided(review.reopen(document.id, request.params.sid, user.id, body.reason ?? null))))
  })

  router.post('/documents/:id/suggestions/:sid/withdraw', async (request, response) => {
    const user = requireUser(response)
    const { document } = await readableDocument(store, request.params.id, user)
    response.json(describeDecisions(await decided(review.withdraw(document.id, request.params.sid, user.id))))
  })

  router.put('/documents/:id/suggestions/:sid/rationale', async (request, response) => {
    const { text } = parseRequest(rationaleBody, request.body ?? {})
    const user = requireUser(response)
    const { document } = await readableDocument(store, request.params.id, user)
    await decided(review.explain(document.id, request.params.sid, user.id, text))
    response.json({ rationale: text === '' ? null : { text } })
  })

  router.post('/documents/:id/suggestions/:sid/replies', async (request, response) => {
    const { text } = parseRequest(replyBody, request.body ?? {})
    const user = requireUser(response)
    const { document, permissions } = await readableDocument(store, request.params.id, user)
    if (!permissions.canEdit()) throw new ApiError(403, 'forbidden', 'Only people who may contribute to this document can reply.')
    await decided(review.reply(document.id, request.params.sid, user.id, text))
    response.status(201).json({ reply: { text } })
  })

  return router
}

/** Turns the review's own problems into API errors with their status. */
async function decided<T>(outcome: Promise<T>): Promise<T> {
  try {
    return await outcome
  } catch (error) {
    if (error instanceof SuggestionError) throw new ApiError(PROBLEM_STATUS[error.id], error.id, error.message)
    throw error
  }
}

export function decisionJson(decision: Decision) {
  return { ...decision, at: isoTime(decision.at) }
}

function viewJson(view: SuggestionView) {
  return {
    ...view,
    createdAt: isoTime(view.createdAt),
    rationale: view.rationale && { text: view.rationale.text, at: isoTime(view.rationale.at) },
    replies: view.replies.map((reply) => ({ ...reply, at: isoTime(reply.at) })),
    decisions: view.decisions.map(decisionJson),
  }
}
