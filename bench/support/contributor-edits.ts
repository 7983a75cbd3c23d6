/**
 * What a contributor does in suggesting mode, keystroke by keystroke, at places spread over a
 * whole document. At each place, chosen at random over the accepted text (seeded, so every run
 * sends the same edits), they
 *
 *   - replace a word (select it, type the new one: a deletion and an insertion in one update),
 *   - type on after it, one character per update, correct a typo with two Backspaces and type again,
 *   - press Enter (a proposed split) and start the new paragraph,
 *   - then strike out the end of another word elsewhere with three Backspaces.
 *
 * About 21 updates per place, in the proportions of typing: mostly single characters. The words
 * typed are a real text's (seph-blog1), in order.
 *
 * With `within`, every place is in that one top-level block, or in the blocks each Enter split
 * off it: one paragraph worked over again and again, the check's worst case, since it reads
 * the blocks an edit touched, with their history.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { SUGGESTION_MARKS } from '../../model/schema/suggestion-model'
import type { SuggestingClient } from './suggesting-client'

export type EditKind = 'keystroke' | 'Backspace' | 'word replaced' | 'Enter'

export interface ContributorEdit {
  kind: EditKind
  update: Uint8Array
}

export function contributorEdits(
  client: SuggestingClient,
  options: { places: number; words: readonly string[]; seed: number; within?: number },
): ContributorEdit[] {
  const random = seededRandom(options.seed)
  let nextWordIndex = 0
  const nextWord = () => options.words[nextWordIndex++ % options.words.length]!
  const edits: ContributorEdit[] = []
  const typeEach = (text: string) => {
    for (const character of text) edits.push({ kind: 'keystroke', update: client.type(character) })
  }
  const backspaces = (count: number) => {
    for (let i = 0; i < count; i++) edits.push({ kind: 'Backspace', update: client.backspace() })
  }

  let enters = 0
  const region = () => (options.within === undefined ? null : blocksSpan(client.state.doc, options.within, options.within + enters))
  for (let place = 0; place < options.places; place++) {
    const word = acceptedWord(client.state.doc, random, region())
    client.select(word.from, word.to)
    edits.push({ kind: 'word replaced', update: client.type(nextWord()) })
    const typed = ` ${nextWord()}`
    typeEach(typed)
    backspaces(2)
    typeEach(typed.slice(-2))
    edits.push({ kind: 'Enter', update: client.enter() })
    enters += 1
    typeEach(`${nextWord()} `)
    const struck = acceptedWord(client.state.doc, random, region())
    client.select(struck.to)
    backspaces(3)
  }
  return edits
}

/** Where the top-level blocks `first` to `last` (inclusive) start and end. */
function blocksSpan(doc: ProseMirrorNode, first: number, last: number): { from: number; to: number } {
  let from = 0
  for (let index = 0; index < first; index++) from += doc.child(index).nodeSize
  let to = from
  for (let index = first; index <= Math.min(last, doc.childCount - 1); index++) to += doc.child(index).nodeSize
  return { from, to }
}

/**
 * The first whole word of accepted text (no suggestion marks) from a point chosen uniformly over
 * all of it, or over the text within `region`.
 */
function acceptedWord(doc: ProseMirrorNode, random: () => number, region: { from: number; to: number } | null): { from: number; to: number } {
  const runs: Array<{ position: number; text: string; start: number }> = []
  let total = 0
  doc.descendants((node, position) => {
    if (region && (position + node.nodeSize <= region.from || position >= region.to)) return false
    if (!node.isText) return true
    if (node.marks.some((mark) => SUGGESTION_MARKS.includes(mark.type.name))) return false
    runs.push({ position, text: node.text!, start: total })
    total += node.text!.length
    return false
  })
  const target = Math.floor(random() * total)
  const first = Math.max(0, runs.findLastIndex((run) => run.start <= target))
  // Letters not touching other letters; searched from the point to the end, then from the start.
  const word = /(?<![A-Za-z])[A-Za-z]{3,12}(?![A-Za-z])/g
  for (let step = 0; step <= runs.length; step++) {
    const run = runs[(first + step) % runs.length]!
    word.lastIndex = step === 0 ? target - run.start : 0
    const match = word.exec(run.text)
    if (match) return { from: run.position + match.index, to: run.position + match.index + match[0].length }
  }
  throw new Error('no accepted word is left to edit')
}

/** mulberry32: a small seeded generator, so that every run makes the same edits. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}
