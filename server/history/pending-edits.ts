/**
 * When to record a version after people edit: once editing pauses for `idleMs`, or after
 * `maxMs` of editing that never pauses that long (server/config.ts gives the values and why).
 * Kept per loaded document, with the people who edited since the last version.
 */
import type { HistoryRoom } from './history-room'

interface Tracked {
  room: HistoryRoom
  authors: Set<string>
  idle: NodeJS.Timeout | null
  longest: NodeJS.Timeout | null
}

export interface PendingEditsOptions {
  idleMs: number
  maxMs: number
  /** Records a version of the document's edits so far. */
  due: (documentId: string, room: HistoryRoom) => void
}

export class PendingEdits {
  private readonly documents = new Map<string, Tracked>()

  constructor(private readonly options: PendingEditsOptions) {}

  track(documentId: string, room: HistoryRoom): void {
    this.documents.set(documentId, { room, authors: new Set(), idle: null, longest: null })
  }

  roomOf(documentId: string): HistoryRoom | undefined {
    return this.documents.get(documentId)?.room
  }

  /** Someone changed the document (author null: the server itself). */
  changed(documentId: string, author: string | null): void {
    const tracked = this.documents.get(documentId)
    if (!tracked) return
    if (author !== null) tracked.authors.add(author)
    const due = () => this.options.due(documentId, tracked.room)
    if (tracked.idle) clearTimeout(tracked.idle)
    tracked.idle = setTimeout(due, this.options.idleMs).unref()
    tracked.longest ??= setTimeout(due, this.options.maxMs).unref()
  }

  /** Whether edits are waiting for a version. */
  waiting(documentId: string): boolean {
    const tracked = this.documents.get(documentId)
    return tracked !== undefined && tracked.idle !== null
  }

  /** A version is being recorded: returns who edited since the last one, and starts afresh. */
  take(documentId: string): Set<string> {
    const tracked = this.documents.get(documentId)
    if (!tracked) return new Set()
    this.stopTimers(tracked)
    const authors = tracked.authors
    tracked.authors = new Set()
    return authors
  }

  untrack(documentId: string): void {
    const tracked = this.documents.get(documentId)
    if (tracked) this.stopTimers(tracked)
    this.documents.delete(documentId)
  }

  private stopTimers(tracked: Tracked): void {
    if (tracked.idle) clearTimeout(tracked.idle)
    if (tracked.longest) clearTimeout(tracked.longest)
    tracked.idle = null
    tracked.longest = null
  }
}
