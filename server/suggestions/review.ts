/**
 * Deciding on suggestions: accept, reject, reopen, withdraw, and the words around them
 * (rationale, replies). Permission checks are the caller's (server/http/suggestions.ts);
 * this makes each decision happen to the live document and records it.
 *
 * A decision changes the document the way a person's edit does (document-edit.ts):
 *   accept    authored by the suggestion's proposer, so the text they wrote stays theirs
 *             and a deletion they proposed is credited to them;
 *   reject    authored by the maintainer who rejected it;
 *   reopen    authored by the proposer again: the restored text is theirs.
 * Competing suggestions (suggestion-list.ts) are superseded when one of them is accepted.
 *
 * Decisions on one document are made one at a time (server/documents/document-queue.ts, as
 * versions are), so two maintainers deciding at once each see the other's outcome.
 */
import { randomUUID } from 'node:crypto'
import { acceptSuggestion, rejectSuggestion } from '../../model/schema/decide-suggestion'
import { listSuggestions, type SuggestionSummary } from '../../model/schema/suggestion-list'
import type { DocumentView } from '../collab/hooks'
import { withRoom, type RoomOpener } from '../collab/with-room'
import { readContent, type DocumentModel } from '../documents/content'
import { DocumentQueue } from '../documents/document-queue'
import type { KindRecords } from '../storage/record-kind'
import type { Store } from '../storage/store'
import { editDocument, undoChange } from './document-edit'
import { reviewRecords, type Decision, type DecisionAction, type ProposedChange, type ReviewRecord, type SuggestionRecord } from './review-model'
import { insertedItems } from './surviving-text'
import { ownValue, setOwnValue } from '../storage/own-value'

export type SuggestionProblem = 'suggestion_not_found' | 'suggestion_not_pending' | 'suggestion_not_reopenable' | 'not_your_suggestion'

export class SuggestionError extends Error {
  override name = 'SuggestionError'
  constructor(
    readonly id: SuggestionProblem,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Where a decision becomes a version of its own (server/history/history.ts). Named here, narrowly,
 * so that suggestions need not import history: history reads decisions for its changelogs.
 */
export interface DecisionVersions {
  record(document: DocumentView, version: { kind: 'decision'; by: string | null; decisions: string[] }): Promise<unknown>
}

export interface ReviewOptions {
  store: Store
  collab: RoomOpener
  model: DocumentModel
  /** Every decision that changes the text is a version of its own. */
  history: DecisionVersions
  now: () => number
}

/** What a reader of the review sees: the live document's pending suggestions beside the record. */
export interface ReviewState {
  pending: SuggestionSummary[]
  record: ReviewRecord
  room: DocumentView
}

export class Review {
  /**
   * A queue of its own, not History's: a decision records its version through History, and
   * would wait on History's queue behind itself if both were one.
   */
  private readonly queue = new DocumentQueue()
  private readonly records: KindRecords<ReviewRecord>

  constructor(private readonly options: ReviewOptions) {
    this.records = options.store.records(reviewRecords)
  }

  /** Reads the pending suggestions and the record together, with the room for further reading. */
  read<T>(documentId: string, use: (state: ReviewState) => T): Promise<T> {
    // After any decision under way: between its change to the document and its record reaching
    // disk, a suggestion would be neither pending nor decided.
    return this.queue.idle(documentId).then(() => this.readNow(documentId, use))
  }

  private readNow<T>(documentId: string, use: (state: ReviewState) => T): Promise<T> {
    return withRoom(this.options.collab, documentId, async (room) => use({ pending: this.pending(room), record: await this.records.read(documentId), room }))
  }

  accept(documentId: string, id: string, by: string, reason: string | null): Promise<Decision[]> {
    return this.decide(documentId, async (room) => {
      const before = this.pending(room)
      const suggestion = await this.findPending(documentId, before, id)
      const acceptedText = insertedItems(room.doc, id)
      const time = this.options.now()
      editDocument(this.options.model, room.doc, (tr) => acceptSuggestion(tr, id), { author: suggestion.author, time })
      const decisions: Decision[] = [decision(id, 'accepted', by, time, reason)]
      const competitors = before.filter((other) => suggestion.competing.includes(other.id))
      const removals = competitors.map((competitor) => {
        decisions.push({ ...decision(competitor.id, 'superseded', by, time, reason), supersededBy: id })
        return editDocument(this.options.model, room.doc, (tr) => rejectSuggestion(tr, competitor.id), { author: by, time })
      })
      await this.record(documentId, room, decisions, (review) => {
        entry(review, id, proposal(suggestion)).acceptedText = acceptedText
        competitors.forEach((competitor, index) => {
          const record = entry(review, competitor.id, proposal(competitor))
          const removal = removals[index]
          if (removal) record.removal = Buffer.from(removal).toString('base64')
        })
      })
      return decisions
    })
  }

  reject(documentId: string, id: string, by: string, reason: string): Promise<Decision[]> {
    return this.decide(documentId, async (room) => {
      const before = this.pending(room)
      const suggestion = await this.findPending(documentId, before, id)
      const time = this.options.now()
      const removal = editDocument(this.options.model, room.doc, (tr) => rejectSuggestion(tr, id), { author: by, time })
      const swept = this.sweptAway(room, before, id)
      const decisions = [decision(id, 'rejected', by, time, reason), ...swept.map((other) => decision(other.id, 'rejected', by, time, sweptReason('rejected')))]
      await this.record(documentId, room, decisions, (review) => {
        const record = entry(review, id, proposal(suggestion))
        if (removal) record.removal = Buffer.from(removal).toString('base64')
        for (const other of swept) entry(review, other.id, proposal(other))
      })
      return decisions
    })
  }

  /** Puts a rejected or superseded suggestion back in the document, pending again. */
  reopen(documentId: string, id: string, by: string, reason: string | null): Promise<Decision[]> {
    return this.decide(documentId, async (room) => {
      const review = await this.records.read(documentId)
      const record = ownValue(review.suggestions, id)
      const last = lastDecisionOf(review, id)
      if (!record || !last) throw new SuggestionError('suggestion_not_found', `No suggestion has the id "${id.slice(0, 80)}".`)
      if ((last.action !== 'rejected' && last.action !== 'superseded') || !record.removal || !record.proposed) {
        throw new SuggestionError('suggestion_not_reopenable', `Only a rejected or superseded suggestion can be reopened; this one is ${last.action}.`)
      }
      const time = this.options.now()
      undoChange(room.doc, Buffer.from(record.removal, 'base64'), { author: record.proposed.author, time })
      const decisions = [decision(id, 'reopened', by, time, reason)]
      await this.record(documentId, room, decisions, (changed) => {
        delete entry(changed, id).removal
      })
      return decisions
    })
  }

  /** The proposer takes back their own pending suggestion. */
  withdraw(documentId: string, id: string, by: string): Promise<Decision[]> {
    return this.decide(documentId, async (room) => {
      const before = this.pending(room)
      const suggestion = await this.findPending(documentId, before, id)
      if (suggestion.author !== by) throw new SuggestionError('not_your_suggestion', 'Only its author can withdraw a suggestion.')
      const time = this.options.now()
      editDocument(this.options.model, room.doc, (tr) => rejectSuggestion(tr, id), { author: by, time })
      const swept = this.sweptAway(room, before, id)
      const decisions = [decision(id, 'withdrawn', by, time, null), ...swept.map((other) => decision(other.id, 'rejected', by, time, sweptReason('withdrawn')))]
      await this.record(documentId, room, decisions, (review) => {
        entry(review, id, proposal(suggestion))
        for (const other of swept) entry(review, other.id, proposal(other))
      })
      return decisions
    })
  }

  /** The proposer says why; an empty text removes the rationale. */
  explain(documentId: string, id: string, by: string, text: string): Promise<void> {
    return this.decide(documentId, async (room) => {
      const suggestion = this.pending(room).find((candidate) => candidate.id === id)
      const review = await this.records.read(documentId)
      const author = suggestion?.author ?? ownValue(review.suggestions, id)?.proposed?.author
      if (!author) throw new SuggestionError('suggestion_not_found', `No suggestion has the id "${id.slice(0, 80)}".`)
      if (author !== by) throw new SuggestionError('not_your_suggestion', 'Only its author can give the reason for a suggestion.')
      await this.records.update(documentId, (changed) => {
        const record = entry(changed, id, suggestion && proposal(suggestion))
        if (text === '') delete record.rationale
        else record.rationale = { text, at: this.options.now() }
      })
    })
  }

  reply(documentId: string, id: string, by: string, text: string): Promise<void> {
    return this.decide(documentId, async (room) => {
      const suggestion = this.pending(room).find((candidate) => candidate.id === id)
      const review = await this.records.read(documentId)
      if (!suggestion && !ownValue(review.suggestions, id)) throw new SuggestionError('suggestion_not_found', `No suggestion has the id "${id.slice(0, 80)}".`)
      await this.records.update(documentId, (changed) => {
        entry(changed, id, suggestion && proposal(suggestion)).replies.push({ id: randomUUID(), author: by, at: this.options.now(), text })
      })
    })
  }

  /**
   * Suggestions that went with `id`: those made inside a paragraph it proposed, which leave the
   * document with that paragraph. They are recorded, so their authors can see what became of them.
   */
  private sweptAway(room: DocumentView, before: SuggestionSummary[], id: string): SuggestionSummary[] {
    const after = new Set(this.pending(room).map((suggestion) => suggestion.id))
    return before.filter((suggestion) => suggestion.id !== id && !after.has(suggestion.id))
  }

  private pending(room: DocumentView): SuggestionSummary[] {
    return listSuggestions(readContent(this.options.model, room.doc))
  }

  private async findPending(documentId: string, pending: SuggestionSummary[], id: string): Promise<SuggestionSummary> {
    const suggestion = pending.find((candidate) => candidate.id === id)
    if (suggestion) return suggestion
    const review = await this.records.read(documentId)
    const last = lastDecisionOf(review, id)
    if (last) throw new SuggestionError('suggestion_not_pending', `That suggestion is no longer pending: it was ${last.action}.`)
    throw new SuggestionError('suggestion_not_found', `No pending suggestion has the id "${id.slice(0, 80)}".`)
  }

  /** Waits until the document change is durable and the record is on disk. */
  private async record(documentId: string, room: DocumentView, decisions: Decision[], change: (review: ReviewRecord) => void): Promise<void> {
    await Promise.all([
      room.settle(),
      this.records.update(documentId, (review) => {
        change(review)
        review.decisions.push(...decisions)
      }),
    ])
    await this.options.history.record(room, { kind: 'decision', by: decisions[0]?.by ?? null, decisions: decisions.map(({ id }) => id) })
  }

  /** Runs one change to the review, after any other on the same document, and tells every open editor. */
  private decide<T>(documentId: string, run: (room: DocumentView) => Promise<T>): Promise<T> {
    return this.queue.run(documentId, () =>
      withRoom(this.options.collab, documentId, async (room) => {
        const result = await run(room)
        // Editors read the record again when this changes (docs/PROTOCOL.md, presence).
        room.setServerPresence('review', { revision: randomUUID() })
        return result
      }),
    )
  }
}

export function lastDecisionOf(review: ReviewRecord, id: string): Decision | undefined {
  return review.decisions.findLast((candidate) => candidate.suggestion === id)
}

function sweptReason(outcome: 'rejected' | 'withdrawn'): string {
  return `It was made inside a new paragraph someone else proposed, and that paragraph was ${outcome}.`
}

function decision(suggestion: string, action: DecisionAction, by: string, at: number, reason: string | null): Decision {
  return { id: randomUUID(), suggestion, action, by, at, reason }
}

function proposal({ author, createdAt, kinds, inserted, deleted, section, retype, wrap, unwrap }: SuggestionSummary): ProposedChange {
  return { author, createdAt, kinds, inserted, deleted, section, retype, wrap, unwrap }
}

/** The record of suggestion `id`, created if new; `proposed` refreshes what it proposed. */
function entry(review: ReviewRecord, id: string, proposed?: ProposedChange): SuggestionRecord {
  const record = ownValue(review.suggestions, id) ?? setOwnValue<SuggestionRecord>(review.suggestions, id, { replies: [] })
  if (proposed) record.proposed = proposed
  return record
}
