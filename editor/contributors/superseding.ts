/**
 * Who wrote the suggestion that was accepted over a superseded one. The person's own list
 * names only the winning suggestion's id; the public Decisions log has its author, so it is
 * read only when there is something superseded to explain.
 */
import { getDecisionLog, type People, type SuggestionRecord } from '../http/suggestions'

export interface Superseding {
  /** Superseded suggestion id → the user id of the author of the suggestion accepted over it. */
  readonly authors: ReadonlyMap<string, string>
  readonly people: People
}

export async function supersedingAuthors(
  documentId: string,
  suggestions: readonly SuggestionRecord[],
  signal: AbortSignal,
): Promise<Superseding> {
  const winners = new Map<string, string>()
  for (const suggestion of suggestions) {
    const winner = suggestion.status === 'superseded' ? suggestion.decisions.at(-1)?.supersededBy : undefined
    if (winner !== undefined) winners.set(suggestion.id, winner)
  }
  if (winners.size === 0) return { authors: new Map(), people: {} }
  const log = await getDecisionLog(documentId, signal)
  const authorOf = new Map(log.decisions.map((entry) => [entry.suggestion.id, entry.suggestion.author]))
  const authors = new Map<string, string>()
  for (const [superseded, winner] of winners) {
    const author = authorOf.get(winner)
    if (author !== undefined) authors.set(superseded, author)
  }
  return { authors, people: log.people }
}
