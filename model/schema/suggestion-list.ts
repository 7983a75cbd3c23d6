/**
 * The suggestions pending in a document, as people review them: who proposed what, where,
 * and which ones compete for the same text. The editor's review panel reads its own live
 * document with this; the server reads the same from the shared document, so both agree.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { blockSuggestionOf, deletionsOf, formatChangesOf, insertionOf } from './suggestion-stamps'
import { LINE_BREAK, PARAGRAPH_BREAK, type SuggestionStamp } from './suggestion-model'
import { blockTypeName, markupOf } from './suggestion-retype'
import { wrapperName } from './suggestion-wrap'

/** What a suggestion does: several at once for a replacement or a pasted paragraph. */
export type SuggestionKind = 'insert' | 'delete' | 'format' | 'paragraph' | 'retype' | 'wrap' | 'unwrap'

export interface SuggestionSummary {
  id: string
  /** The proposer's user id. */
  author: string
  /** Milliseconds since 1970, from the proposer's clock. */
  createdAt: number
  kinds: SuggestionKind[]
  /** The text it would add, and the text it would remove. */
  inserted: string
  deleted: string
  /** The heading of the section it is in; null before the first heading. */
  section: string | null
  /** Where it starts and ends in the document (ProseMirror positions). */
  from: number
  to: number
  /** Other suggestions that change some of the same characters. */
  competing: string[]
  /** For a change of block type, the type it was and the type proposed ("paragraph", "heading 2"); null otherwise. */
  retype: { from: string; to: string } | null
  /** For blocks proposed to go in a list or a quote, what they would go in ("bulleted list", "quote"); null otherwise. */
  wrap: string | null
  /** For a list or quote proposed for taking away, what it is ("bulleted list", "quote"); null otherwise. */
  unwrap: string | null
}

interface Piece {
  from: number
  to: number
  /** Deleted or reformatted characters: the ones two suggestions can fight over. */
  contested: boolean
}

interface Collected {
  stamp: SuggestionStamp
  kinds: Set<SuggestionKind>
  inserted: string[]
  deleted: string[]
  section: string | null
  pieces: Piece[]
  retype: { from: string; to: string } | null
  wrap: string | null
  unwrap: string | null
}

export function listSuggestions(doc: ProseMirrorNode): SuggestionSummary[] {
  const found = new Map<string, Collected>()
  let section: string | null = null
  const note = (stamp: SuggestionStamp, kind: SuggestionKind, piece: Piece, text?: { inserted?: string; deleted?: string }) => {
    let entry = found.get(stamp.id)
    if (!entry) {
      entry = { stamp, kinds: new Set(), inserted: [], deleted: [], section, pieces: [], retype: null, wrap: null, unwrap: null }
      found.set(stamp.id, entry)
    }
    entry.kinds.add(kind)
    entry.pieces.push(piece)
    if (text?.inserted) entry.inserted.push(text.inserted)
    if (text?.deleted) entry.deleted.push(text.deleted)
  }
  doc.descendants((node, pos, parent) => {
    if (parent === doc && node.type.name === 'heading') section = node.textContent
    const block = blockSuggestionOf(node)
    if (block?.change === 'retype') {
      note(block, 'retype', { from: pos + 1, to: pos + node.nodeSize - 1, contested: false })
      found.get(block.id)!.retype ??= { from: blockTypeName(block.from), to: blockTypeName(markupOf(node)) }
    } else if (block?.change === 'wrap') {
      note(block, 'wrap', { from: pos + 1, to: pos + node.nodeSize - 1, contested: false })
      found.get(block.id)!.wrap ??= wrapperName(node.type.name)
    } else if (block?.change === 'unwrap') {
      note(block, 'unwrap', { from: pos + 1, to: pos + node.nodeSize - 1, contested: true })
      found.get(block.id)!.unwrap ??= wrapperName(node.type.name)
    } else if (block) {
      note(block, 'paragraph', { from: pos, to: pos + 1, contested: block.change === 'join' || block.change === 'remove' })
    }
    if (!node.isText) return true
    const piece = { from: pos, to: pos + node.nodeSize }
    const text = node.text ?? ''
    const inserted = insertionOf(node.marks)
    if (inserted) note(inserted, 'insert', { ...piece, contested: false }, { inserted: text })
    if (inserted && text.includes(PARAGRAPH_BREAK)) found.get(inserted.id)!.kinds.add('paragraph')
    for (const deleted of deletionsOf(node.marks)) note(deleted, 'delete', { ...piece, contested: true }, { deleted: text })
    for (const formatChange of formatChangesOf(node.marks)) note(formatChange, 'format', { ...piece, contested: true })
    return false
  })
  const summaries = [...found.values()].map((entry) => summarise(entry))
  for (const summary of summaries) summary.competing = competitorsOf(summary.id, found)
  return summaries
}

function summarise({ stamp, kinds, inserted, deleted, section, pieces, retype, wrap, unwrap }: Collected): SuggestionSummary {
  return {
    id: stamp.id,
    author: stamp.author,
    createdAt: stamp.createdAt,
    kinds: [...kinds],
    // A break proposed inside the text reads as the sign the editor shows for it.
    inserted: inserted.join('').replaceAll(PARAGRAPH_BREAK, '¶').replaceAll(LINE_BREAK, '↵'),
    deleted: deleted.join(''),
    section,
    from: Math.min(...pieces.map((piece) => piece.from)),
    to: Math.max(...pieces.map((piece) => piece.to)),
    competing: [],
    retype,
    wrap,
    unwrap,
  }
}

/**
 * Two suggestions compete when both would delete or reformat the same characters: accepting
 * one leaves the other nothing to act on. Insertions side by side do not compete; both can be kept.
 */
function competitorsOf(id: string, found: Map<string, Collected>): string[] {
  const mine = found.get(id)!.pieces.filter((piece) => piece.contested)
  const competing: string[] = []
  for (const [other, entry] of found) {
    if (other === id) continue
    const overlaps = entry.pieces.some((theirs) => theirs.contested && mine.some((piece) => piece.from < theirs.to && theirs.from < piece.to))
    if (overlaps) competing.push(other)
  }
  return competing
}
