/**
 * Draws each break proposed inside the text (PARAGRAPH_BREAK and LINE_BREAK, model/schema/suggestion-model.ts)
 * as a break: a decoration gives the character the class that suggestions.css turns into a pilcrow
 * (or a return arrow) and a new line, so the text after it starts where it would once accepted. The character stays
 * one character for the caret, the selection and Backspace.
 *
 * Found again only in the blocks a change touched; Yjs replaces the whole document when someone
 * else's change arrives, so those are read whole, one indexOf per text node.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { breakOffsets } from '../../model/schema/suggestion-breaks'
import { LINE_BREAK } from '../../model/schema/suggestion-model'

const proposedBreaksKey = new PluginKey<DecorationSet>('proposedBreaks')

export const ProposedBreaks = Extension.create({
  name: 'proposedBreaks',

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: proposedBreaksKey,
        state: {
          init: (_config, state) => DecorationSet.create(state.doc, breaksBetween(state.doc, 0, state.doc.content.size)),
          apply: (tr, decorations) => (tr.docChanged ? readChangedBlocks(tr, decorations.map(tr.mapping, tr.doc)) : decorations),
        },
        props: {
          decorations: (state) => proposedBreaksKey.getState(state),
        },
      }),
    ]
  },
})

function readChangedBlocks(tr: Transaction, mapped: DecorationSet): DecorationSet {
  let decorations = mapped
  const { doc } = tr
  tr.mapping.maps.forEach((map, index) => {
    const later = tr.mapping.slice(index + 1)
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const from = blockStart(doc, later.map(newStart, -1))
      const to = blockEnd(doc, later.map(newEnd, 1))
      decorations = decorations.remove(decorations.find(from, to)).add(doc, breaksBetween(doc, from, to))
    })
  })
  return decorations
}

function breaksBetween(doc: ProseMirrorNode, from: number, to: number): Decoration[] {
  const found: Decoration[] = []
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true
    const text = node.text ?? ''
    for (const at of breakOffsets(text)) found.push(Decoration.inline(pos + at, pos + at + 1, { class: 'proposed-break' }))
    for (const at of breakOffsets(text, LINE_BREAK)) found.push(Decoration.inline(pos + at, pos + at + 1, { class: 'proposed-line-break' }))
    return false
  })
  return found
}

/** The start of the textblock around `pos` (or `pos` itself between blocks). */
function blockStart(doc: ProseMirrorNode, pos: number): number {
  const $pos = doc.resolve(Math.min(pos, doc.content.size))
  return $pos.parent.isTextblock ? $pos.start() : $pos.pos
}

function blockEnd(doc: ProseMirrorNode, pos: number): number {
  const $pos = doc.resolve(Math.min(pos, doc.content.size))
  return $pos.parent.isTextblock ? $pos.end() : $pos.pos
}
