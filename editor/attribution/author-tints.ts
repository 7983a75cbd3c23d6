/**
 * The editor extension that draws the "Show authors" decorations.
 *
 * It holds a DecorationSet and nothing else: the AuthorshipTracker computes the set from
 * the Yjs document and hands it over with setAuthorTints; between two computations the set
 * is mapped through each transaction, so tints follow the text as people type. With no set
 * handed over it draws nothing, so it is always installed and costs nothing when off.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Mapping, ReplaceStep, StepMap } from '@tiptap/pm/transform'
import { DecorationSet, type EditorView } from '@tiptap/pm/view'
import { type Passage, passageAt } from './author-decorations'

export const authorTintsKey = new PluginKey<DecorationSet>('authorTints')

export const AuthorTints = Extension.create({
  name: 'authorTints',

  addProseMirrorPlugins() {
    return [authorTintsPlugin()]
  },
})

export function authorTintsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: authorTintsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, decorations, before) {
        const replaced = tr.getMeta(authorTintsKey) as DecorationSet | undefined
        if (replaced) return replaced
        if (!tr.docChanged || decorations === DecorationSet.empty) return decorations
        return decorations.map(mappingOf(tr, before.doc), tr.doc)
      },
    },
    props: {
      decorations: (state) => authorTintsKey.getState(state),
    },
  })
}

/** Replaces the decorations (DecorationSet.empty removes them). Not an edit: nothing to undo or send. */
export function setAuthorTints(view: EditorView, decorations: DecorationSet): void {
  view.dispatch(view.state.tr.setMeta(authorTintsKey, decorations).setMeta('addToHistory', false))
}

/** The tinted passage at the caret, or null. */
export function passageAtCaret(state: EditorState): Passage | null {
  const decorations = authorTintsKey.getState(state)
  return decorations ? passageAt(decorations, state.selection.head) : null
}

/**
 * y-prosemirror applies every remote change by replacing the whole document, which would
 * map every tint away until the next computation. For such a transaction, map through the
 * part that actually differs instead.
 */
function mappingOf(tr: Transaction, before: ProseMirrorNode): Mapping {
  const [step] = tr.steps
  const wholeDocument = tr.steps.length === 1 && step instanceof ReplaceStep && step.from === 0 && step.to === before.content.size
  return wholeDocument ? new Mapping([differenceMap(before, tr.doc)]) : tr.mapping
}

function differenceMap(before: ProseMirrorNode, after: ProseMirrorNode): StepMap {
  const start = before.content.findDiffStart(after.content)
  if (start === null) return StepMap.empty
  let { a: endBefore, b: endAfter } = before.content.findDiffEnd(after.content) ?? { a: start, b: start }
  // Repeated content can make the two scans overlap; widen both ends equally, as prosemirror-view does.
  const overlap = start - Math.min(endBefore, endAfter)
  if (overlap > 0) {
    endBefore += overlap
    endAfter += overlap
  }
  return new StepMap([start, endBefore - start, endAfter - start])
}
