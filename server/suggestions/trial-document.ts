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
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { readSuggestionView, StampKeys } from './accepted-view'
import { before, NOW } from './moment'
import { itemsOf, touchedSegments } from './touched-segments'

export class SuggestionRuleError extends Error {
  override name = 'SuggestionRuleError'
}

export class TrialDocument {
  private copy: Y.Doc | null = null
  private readonly stamps = new StampKeys()

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
    let checked = false
    let problem: string | null = null
    let failure: unknown = null
    // Checked as the transaction ends, before Yjs merges the new items into the ones beside them:
    // once "e write " typed after the sender's own "W" is merged into one item "We write ", the
    // moment before the update can no longer tell which of its characters existed then.
    const check = (applied: Y.Transaction) => {
      if (checked) return
      checked = true
      try {
        problem = findBrokenRule(copy, applied, author, this.stamps)
      } catch (error) {
        // Thrown from here it would cut Yjs's own clean-up of the transaction short.
        failure = error
      }
    }
    copy.on('afterTransaction', check)
    try {
      Y.applyUpdate(copy, update)
    } finally {
      copy.off('afterTransaction', check)
    }
    if (failure !== null) {
      this.discard()
      throw failure
    }
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) {
      // Only a circular reference gets past update-check.ts with parts left over; the room refuses
      // such an update after applying what integrated, and this copy must not keep the rest.
      this.discard()
      return
    }
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

function findBrokenRule(doc: Y.Doc, transaction: Y.Transaction, author: string | null, stamps: StampKeys): string | null {
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
  const earlier = before(transaction)
  for (const segment of touchedSegments(doc, fragment, transaction)) {
    const was = readSuggestionView(itemsOf(fragment, segment), earlier, author, stamps)
    const is = readSuggestionView(itemsOf(fragment, segment), NOW, author, stamps)
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
