/**
 * How a comparison marks changed text, and how it counts the changes per person.
 *
 * The comparison is ProseMirror JSON in the document's schema, plus one mark the editor's
 * comparison view knows (editor/history/): versionChange {kind, by, at}. Added text is credited
 * to who wrote it; removed text to who deleted it, which is what people ask version history for.
 */
import type { JSONContent } from '@tiptap/core'

export const CHANGE_MARK = 'versionChange'

export type ChangeKind = 'added' | 'removed'

export interface ChangeCount {
  person: string | null
  added: number
  removed: number
}

export interface ChangeSummary {
  added: number
  removed: number
  /** Most characters changed first. */
  people: ChangeCount[]
}

export function changeMark(kind: ChangeKind, by: string | null, at: number | null): NonNullable<JSONContent['marks']>[number] {
  return { type: CHANGE_MARK, attrs: { kind, by, at: at === null ? null : new Date(at).toISOString() } }
}

/** Counts characters added and removed, per person, as a comparison finds them. */
export class ChangeTally {
  private readonly counts = new Map<string | null, ChangeCount>()

  count(kind: ChangeKind, person: string | null, characters: number): void {
    let entry = this.counts.get(person)
    if (!entry) {
      entry = { person, added: 0, removed: 0 }
      this.counts.set(person, entry)
    }
    entry[kind] += characters
  }

  summary(): ChangeSummary {
    const people = [...this.counts.values()].sort((a, b) => b.added + b.removed - (a.added + a.removed))
    return {
      added: people.reduce((sum, entry) => sum + entry.added, 0),
      removed: people.reduce((sum, entry) => sum + entry.removed, 0),
      people,
    }
  }
}
