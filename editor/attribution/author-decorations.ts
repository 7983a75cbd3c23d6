/**
 * The "Show authors" decorations: a tint in its author's colour on every passage, and a
 * credits line under each heading placed directly in the document.
 *
 * A tint carries its author in data attributes, read by the tooltip on hover and focus, and
 * in its spec, read by the caret status line. In a read-only editor each passage is also a
 * tab stop with a description, so people who read with a keyboard can reach who wrote it.
 * The description rather than aria-label: a label would replace the passage's own words.
 */
import { Decoration, type DecorationSet } from '@tiptap/pm/view'
import { type Author, creditLine, passageDescription, passageLabel } from './author-labels'
import type { AuthoredRange } from './authored-ranges'
import type { SectionCredits } from './section-credits'

/**
 * What a tint knows about its passage (the decoration's spec). Only strings: ProseMirror
 * compares specs key by key to decide what to redraw, so a recomputation that changes
 * nothing redraws nothing.
 */
export interface Passage {
  /** The author's user id; null for the starter text. */
  readonly person: string | null
  /** "Ada Lovelace · 21 Nov 2026, 14:03" */
  readonly label: string
  /** Stands for all the tint's attributes, to tell an unchanged tint from a changed one (decoration-updates.ts). */
  readonly key: string
}

export interface TintOptions {
  /** True in a read-only editor: passages become tab stops. */
  readonly focusable: boolean
  readonly format: Intl.DateTimeFormat
  readonly authorOf: (person: string | null) => Author
}

export const TINT_CLASS = 'author-tint'

/** In document order; decoration-updates.ts turns them into a DecorationSet. */
export function authorDecorations(ranges: readonly AuthoredRange[], sections: readonly SectionCredits[], options: TintOptions): Decoration[] {
  const decorations: Decoration[] = []
  // Runs of one person share a time to the minute, and a long document has thousands of tints: format each once.
  const attributes = new Map<string, TintAttributes>()
  for (const range of ranges) {
    // A hard break is credited but not tinted: there is nothing to see, and a <br> must not be a tab stop.
    if (range.leaf) continue
    const key = `${range.person}|${range.pending ? 'pending' : range.time}`
    let known = attributes.get(key)
    if (!known) {
      known = tintAttributes(range, options)
      attributes.set(key, known)
    }
    decorations.push(Decoration.inline(range.from, range.to, known.attrs, known.passage))
  }
  for (const section of sections) {
    const line = creditLine(section.credits, (person) => options.authorOf(person).name)
    if (line !== '') decorations.push(creditsWidget(section.at, line))
  }
  return decorations
}

interface TintAttributes {
  readonly attrs: Record<string, string>
  readonly passage: Passage
}

function tintAttributes(range: AuthoredRange, { focusable, format, authorOf }: TintOptions): TintAttributes {
  const author = authorOf(range.person)
  const label = passageLabel(author, range, format)
  const attrs: Record<string, string> = {
    class: TINT_CLASS,
    style: `--author-color: ${author.color}`,
    'data-author': author.id ?? 'starter-text',
    'data-passage': label,
    ...(focusable ? { tabindex: '0', 'aria-description': passageDescription(author, range, format) } : {}),
  }
  return { attrs, passage: { person: author.id, label, key: `tint|${Object.values(attrs).join('|')}` } }
}

/**
 * Between the heading and the next block, kept with the heading (side -1) when something is
 * inserted right after it. It cannot be edited or selected into, and does not move the caret.
 */
function creditsWidget(at: number, line: string): Decoration {
  return Decoration.widget(
    at,
    () => {
      const element = document.createElement('div')
      element.className = 'section-credits'
      element.contentEditable = 'false'
      element.dataset.testid = 'section-credits'
      element.textContent = line
      return element
    },
    // The key lets ProseMirror keep the element while the line stays the same.
    { side: -1, ignoreSelection: true, key: `credits|${line}` },
  )
}

/** The passage the caret is in or just after (the text it would extend), if it is tinted. */
export function passageAt(decorations: DecorationSet, pos: number): Passage | null {
  let found: Passage | null = null
  for (const decoration of decorations.find(pos, pos)) {
    const spec = decoration.spec as Partial<Passage>
    if (spec.label === undefined || decoration.from === decoration.to) continue
    if (decoration.from < pos || found === null) found = spec as Passage
  }
  return found
}
