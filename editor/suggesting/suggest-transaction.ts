/**
 * Turns an ordinary editing transaction into the same change as a suggestion
 * (suggest-replace.ts, suggest-format.ts), step by step. Each step's positions are taken
 * back to the starting document and forward through what has been suggested so far.
 *
 * A change of a textblock's type (¶, H1, H2, H3) is a suggestion too (suggest-retype.ts), when
 * it is all the transaction does: a type change that must also rewrite the content (code block
 * to paragraph with line breaks, bold text into a code block) is left out whole.
 *
 * Putting blocks in a list or a quote is a suggestion too (suggest-wrap.ts), and so is taking
 * them out of one their author proposed (it withdraws it). Changes of structure without a
 * suggestion form yet (lifting blocks out of an accepted list or quote, indenting a list item)
 * are left out; `refused` says so, and the editor tells the person. The server would refuse
 * them anyway: they change the accepted text.
 */
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceStep, type Step } from '@tiptap/pm/transform'
import { SUGGESTION_MARKS } from '../../model/schema/suggestion-model'
import { suggestFormat } from './suggest-format'
import { suggestReplace } from './suggest-replace'
import { retypeOf, suggestRetype } from './suggest-retype'
import { crossesProposedWrapper, suggestWrap } from './suggest-wrap'
import type { Suggester } from './suggester'

export interface Suggested {
  transaction: Transaction
  /** True when some of the change could not be made as a suggestion and was dropped. */
  refused: boolean
}

export function suggestTransaction(original: Transaction, state: EditorState, who: Suggester): Suggested {
  const tr = state.tr
  const retypes = original.steps.filter((step) => retypeOf(step) !== null).length
  if (retypes > 0 && retypes < original.steps.length) return { transaction: tr, refused: true }
  const wrapped = suggestWrap(tr, original, state, who)
  if (wrapped === 'refused') return { transaction: state.tr, refused: true }
  let refused = false
  let cursor: number | null = null
  if (wrapped === 'none') original.steps.forEach((step, index) => {
    const back = new Mapping()
    for (let earlier = index - 1; earlier >= 0; earlier--) back.appendMap(original.mapping.maps[earlier]!.invert())
    const map = (pos: number, assoc: number) => tr.mapping.map(back.map(pos, assoc), assoc)
    const handled = suggestStep(step, map)
    if (handled === 'refused') refused = true
    else if (handled !== null) cursor = handled
  })

  function suggestStep(step: Step, map: (pos: number, assoc: number) => number): number | null | 'refused' {
    if (step instanceof ReplaceStep) {
      const from = map(step.from, 1)
      const to = Math.max(from, map(step.to, -1))
      if (crossesProposedWrapper(tr.doc, from, to)) return 'refused'
      const { end, inserted, refused } = suggestReplace(tr, from, to, step.slice, who)
      if (refused) return 'refused'
      if (inserted) return inserted[1]
      // Backspace leaves the caret before what it struck through, so the next Backspace strikes the letter before.
      return state.selection.empty && state.selection.head === step.to ? tr.mapping.map(from, -1) : end
    }
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      if (SUGGESTION_MARKS.includes(step.mark.type.name)) return 'refused'
      suggestFormat(tr, map(step.from, 1), map(step.to, -1), step.mark, step instanceof AddMarkStep, who)
      return null
    }
    const retype = retypeOf(step)
    if (retype) return suggestRetype(tr, map(retype.at, 1), retype, who, { from: tr.mapping.map(state.selection.from, 1), to: tr.mapping.map(state.selection.to, -1) }) ? null : 'refused'
    return 'refused'
  }

  if (cursor !== null && original.steps.some((step) => step instanceof ReplaceStep)) {
    tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(cursor, tr.doc.content.size))))
  } else if (original.selectionSet) {
    const throughSuggestion = new Mapping([...[...original.mapping.maps].reverse().map((map) => map.invert()), ...tr.mapping.maps])
    tr.setSelection(original.selection.map(tr.doc, throughSuggestion))
  }
  if (original.storedMarksSet) tr.setStoredMarks(original.storedMarks)
  if (original.scrolledIntoView) tr.scrollIntoView()
  copyMeta(original, tr)
  return { transaction: tr, refused }
}

/** Plugins read metadata such as "this came from a paste"; the suggestion carries it on. */
function copyMeta(from: Transaction, to: Transaction): void {
  const meta = (from as unknown as { meta: Record<string, unknown> }).meta
  for (const key of Object.keys(meta)) to.setMeta(key, meta[key])
}
