/**
 * The `versionChange` mark the compare endpoint puts on changed text: added text underlined and
 * tinted in its writer's colour, removed text struck through, each titled with who did it and
 * when. It lives here, not in the shared schema: only comparisons carry it, and the live document
 * must never accept it.
 */
import { Mark } from '@tiptap/core'
import type { HistoryPerson } from '../http/history'
import { changeTitle, type ChangeKind } from './change-title'

export const VERSION_CHANGE = 'versionChange'

export interface VersionChangeOptions {
  /** The person the comparison names for a user id; undefined for nobody (the starter text). */
  personOf: (id: string) => HistoryPerson | undefined
  /** Read once by the page, so every time on it is measured from the same moment. */
  now: Date
}

interface ChangeAttributes {
  kind: ChangeKind
  by: string | null
  at: string | null
}

/** A person's colour, if it is one: it goes into a style attribute, so nothing else may. */
export function safeColour(colour: string | undefined): string | null {
  return colour !== undefined && /^#[0-9a-f]{3,8}$/i.test(colour) ? colour : null
}

export const VersionChange = Mark.create<VersionChangeOptions>({
  name: VERSION_CHANGE,
  // Text typed next to a change is not part of it (the editor is read-only, but say so anyway).
  inclusive: false,
  spanning: true,
  addOptions: () => ({ personOf: () => undefined, now: new Date() }),
  addAttributes: () => ({
    kind: { default: 'added', rendered: false },
    by: { default: null, rendered: false },
    at: { default: null, rendered: false },
  }),
  parseHTML: () => [{ tag: 'ins[data-change]' }, { tag: 'del[data-change]' }],
  renderHTML({ mark }) {
    const { kind, by, at } = mark.attrs as ChangeAttributes
    const person = by === null ? undefined : this.options.personOf(by)
    const colour = safeColour(person?.color)
    const removed = kind === 'removed'
    return [
      removed ? 'del' : 'ins',
      {
        class: `version-change version-change--${removed ? 'removed' : 'added'}`,
        'data-change': removed ? 'removed' : 'added',
        'data-by': person?.username ?? '',
        title: changeTitle(removed ? 'removed' : 'added', person?.displayName ?? null, at, this.options.now),
        ...(colour ? { style: `--change-colour: ${colour}` } : {}),
      },
      0,
    ]
  },
})
