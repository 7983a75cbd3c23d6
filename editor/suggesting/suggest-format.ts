/**
 * Bold, italic, links and the other marks, as suggestions. The text shows the new
 * formatting at once; a formatChange mark remembers what this person added and removed,
 * so rejecting it can put the old formatting back. Changing it back removes the
 * suggestion. The person's own pending insertions are simply formatted: they are theirs.
 * Text carrying someone else's insertion or format change is left alone.
 */
import { Mark, type Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { FORMAT_CHANGE, SUGGESTION_MARKS, type FormatChangeAttrs, type MarkJSON, type SuggestionStamp } from '../../model/schema/suggestion-model'
import { formatChangesOf, insertionOf, stampOnly } from '../../model/schema/suggestion-stamps'
import { newStamp, type Suggester } from './suggester'

interface Piece {
  from: number
  to: number
  node: ProseMirrorNode
}

export function suggestFormat(tr: Transaction, from: number, to: number, mark: Mark, adding: boolean, who: Suggester): void {
  const pieces: Piece[] = []
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) pieces.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), node })
    return !node.isText
  })
  let stamp: SuggestionStamp | null = null
  for (const piece of pieces) {
    const inserted = insertionOf(piece.node.marks)
    if (inserted) {
      if (inserted.author === who.author) applyMark(tr, piece, mark, adding)
      continue
    }
    const changes = formatChangesOf(piece.node.marks)
    if (changes.some((change) => change.author !== who.author)) continue
    const own = piece.node.marks.find((candidate) => candidate.type.name === FORMAT_CHANGE)
    const change = own ? (own.attrs as FormatChangeAttrs) : null
    const schema = tr.doc.type.schema
    const formatting = piece.node.marks.filter((candidate) => !SUGGESTION_MARKS.includes(candidate.type.name))
    const original = change ? originalMarks(formatting, change, schema) : formatting
    const next = adding ? mark.addToSet(formatting) : mark.type.removeFromSet(formatting)
    if (Mark.sameSet(next, formatting)) continue
    applyMark(tr, piece, mark, adding)
    const added = next.filter((candidate) => !candidate.isInSet(original)).map((candidate) => candidate.toJSON() as MarkJSON)
    const removed = original.filter((candidate) => !candidate.isInSet(next)).map((candidate) => candidate.toJSON() as MarkJSON)
    // Format changes may overlap (one per person), so the person's own is replaced, not added to.
    if (own) tr.removeMark(piece.from, piece.to, own)
    if (added.length === 0 && removed.length === 0) continue
    stamp ??= change ? stampOnly(change) : newStamp(who)
    tr.addMark(piece.from, piece.to, schema.marks[FORMAT_CHANGE]!.create({ ...stamp, added, removed }))
  }
}

/** The formatting the text had before this person's pending change. */
function originalMarks(current: readonly Mark[], change: FormatChangeAttrs, schema: Schema): readonly Mark[] {
  let marks: readonly Mark[] = current.filter((candidate) => !change.added.some((json) => sameMark(candidate, json)))
  for (const json of change.removed) {
    const type = schema.marks[json.type]
    if (type) marks = type.create(json.attrs).addToSet([...marks])
  }
  return marks
}

function sameMark(mark: Mark, json: MarkJSON): boolean {
  return mark.type.name === json.type && JSON.stringify(mark.attrs) === JSON.stringify({ ...mark.type.create(json.attrs).attrs })
}

function applyMark(tr: Transaction, piece: Piece, mark: Mark, adding: boolean): void {
  if (adding) tr.addMark(piece.from, piece.to, mark)
  else tr.removeMark(piece.from, piece.to, mark.type)
}
