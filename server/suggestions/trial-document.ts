/**
 * A copy of a room's document on which a suggester's update is tried before the room
 * applies it.
 *
 * The rules (suggestion-rules.ts) compare the document before and after an update, and an
 * update cannot be taken back once applied: Yjs has no undo that leaves no trace, and a
 * refused update must never reach the live document, the log or anyone else. So it is
 * applied here first. The copy follows every change the room makes; a refused update
 * leaves it ahead of the room, so it is thrown away and copied again when next needed.
 *
 * Costs: one copy of the document in memory while people who must suggest are writing
 * (made on their first update, dropped when the document unloads), and every update
 * applied twice. See docs/benchmarks.md, "suggestion check".
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../editor/schema/extensions'
import { readSuggestionView } from './accepted-view'
import { before, NOW } from './moment'
import { itemsOf, touchedSegments } from './touched-segments'

export class SuggestionRuleError extends Error {
  override name = 'SuggestionRuleError'
}

export class TrialDocument {
  private copy: Y.Doc | null = null

  constructor(readonly source: Y.Doc) {}

  /** Keeps the copy in step with the room's document. */
  follow(update: Uint8Array): void {
    if (this.copy) Y.applyUpdate(this.copy, update)
  }

  /**
   * Throws SuggestionRuleError if `update`, sent by `author`, would change the accepted text
   * or somebody else's suggestion.
   */
  check(update: Uint8Array, author: string | null): void {
    const copy = (this.copy ??= copyOf(this.source))
    let transaction: Y.Transaction | null = null
    const capture = (applied: Y.Transaction) => {
      transaction ??= applied
    }
    copy.on('afterTransaction', capture)
    try {
      Y.applyUpdate(copy, update)
    } finally {
      copy.off('afterTransaction', capture)
    }
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) {
      // Only a circular reference gets past update-check.ts with parts left over; the room refuses
      // such an update after applying what integrated, and this copy must not keep the rest.
      this.discard()
      return
    }
    if (transaction === null) return
    const problem = findBrokenRule(copy, transaction, author)
    if (problem) {
      this.discard()
      throw new SuggestionRuleError(problem)
    }
  }

  discard(): void {
    this.copy?.destroy()
    this.copy = null
  }
}

function findBrokenRule(doc: Y.Doc, transaction: Y.Transaction, author: string | null): string | null {
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
  const earlier = before(transaction)
  for (const segment of touchedSegments(doc, fragment, transaction)) {
    const was = readSuggestionView(itemsOf(fragment, segment), earlier, author)
    const is = readSuggestionView(itemsOf(fragment, segment), NOW, author)
    if (!sameList(was.accepted, is.accepted)) return 'it changes the accepted text instead of suggesting a change'
    if (!sameList(was.others, is.others)) return 'it changes a suggestion made by someone else'
  }
  return null
}

function copyOf(source: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(source))
  return copy
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index])
}
