/**
 * Keeps the "Show authors" view of one open document up to date. No React here.
 *
 * While it lives it fetches the server's attribution index, walks the Y.Doc beside the
 * editor's document (written-spans.ts), attributes every span (authored-ranges.ts), and
 * hands the tints and credits lines to the AuthorTints extension. It recomputes after Yjs
 * updates, at most once per RECOMPUTE_DELAY_MS and on an animation frame, and fetches the
 * index again when the text holds clocks the index has not seen. The legend's numbers are
 * published as a snapshot for useSyncExternalStore.
 */
import type { Editor } from '@tiptap/core'
import { DecorationSet } from '@tiptap/pm/view'
import type * as Y from 'yjs'
import { type AttributionIndex, getAttributionIndex } from '../http/attribution'
import type { PublicUser } from '../http/users'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { authorDecorations } from './author-decorations'
import { type Author, authorOf, timeFormat } from './author-labels'
import { shareOfText } from './author-shares'
import { authorTintsKey, setAuthorTints } from './author-tints'
import { attributeSpans } from './authored-ranges'
import { IndexCoverage } from './index-coverage'
import { updateDecorations } from './decoration-updates'
import { creditSections } from './section-credits'
import { readWrittenText } from './written-spans'

/** Soon enough that new words take their colour as they are typed; rare enough that a 100k-character document stays smooth. */
const RECOMPUTE_DELAY_MS = 150
/**
 * On a slow device or a huge document a computation can take tens of milliseconds; waiting
 * this many times as long before the next keeps it under a fifth of the main thread.
 */
const COST_TO_DELAY = 4
/** The trees disagree only between a keystroke and its Yjs write; a few frames always suffice, more means something else is wrong. */
const OUT_OF_STEP_RETRIES = 10

export interface LegendEntry {
  readonly author: Author
  readonly characters: number
  /** Between 0 and 1. */
  readonly share: number
}

export interface AuthorshipSnapshot {
  /** loading: no index yet; failed: the first fetch failed (retry() tries again). */
  readonly status: 'loading' | 'ready' | 'failed'
  /** Everyone whose words are in the text now, most first. */
  readonly legend: readonly LegendEntry[]
}

export interface AuthorshipTrackerOptions {
  readonly editor: Editor
  readonly doc: Y.Doc
  readonly documentId: string
  /** The person signed in in this tab: the writer of this tab's own new text. */
  readonly user: PublicUser | null
  /** Passages become tab stops (for a read-only editor). */
  readonly focusable: boolean
  readonly fetchIndex?: typeof getAttributionIndex
}

export class AuthorshipTracker {
  #snapshot: AuthorshipSnapshot = { status: 'loading', legend: [] }
  #legendKey = ''
  #index: AttributionIndex | null = null
  #focusable: boolean
  #retries = 0
  /** How long the last computation took (ms). */
  #cost = 0
  #timer: ReturnType<typeof setTimeout> | null = null
  #frame: number | null = null
  #destroyed = false
  readonly #coverage: IndexCoverage
  readonly #format = timeFormat()
  readonly #listeners = new Set<() => void>()

  constructor(private readonly options: AuthorshipTrackerOptions) {
    this.#focusable = options.focusable
    const fetchIndex = options.fetchIndex ?? getAttributionIndex
    this.#coverage = new IndexCoverage((signal) => fetchIndex(options.documentId, signal), {
      onIndex: (index) => {
        this.#index = index
        this.#compute()
      },
      onFailure: () => {
        if (this.#index === null) this.#publish({ status: 'failed', legend: [] })
      },
    })
    options.doc.on('update', this.#schedule)
    this.#coverage.fetchNow()
  }

  get snapshot(): AuthorshipSnapshot {
    return this.#snapshot
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Readers reach passages with Tab; writers have a caret, and a tab stop in the text would fight it. */
  setFocusable(focusable: boolean): void {
    if (focusable === this.#focusable) return
    this.#focusable = focusable
    this.#compute()
  }

  retry(): void {
    this.#publish({ status: 'loading', legend: [] })
    this.#coverage.fetchNow()
  }

  destroy(): void {
    this.#destroyed = true
    this.options.doc.off('update', this.#schedule)
    this.#cancelScheduled()
    this.#coverage.destroy()
    this.#listeners.clear()
    const { editor } = this.options
    if (!editor.isDestroyed) setAuthorTints(editor.view, DecorationSet.empty)
  }

  #schedule = (): void => {
    if (this.#timer !== null || this.#frame !== null || this.#destroyed) return
    this.#timer = setTimeout(
      () => {
        this.#timer = null
        this.#nextFrame()
      },
      Math.max(RECOMPUTE_DELAY_MS, this.#cost * COST_TO_DELAY),
    )
  }

  #nextFrame(): void {
    this.#frame = requestAnimationFrame(() => {
      this.#frame = null
      this.#compute()
    })
  }

  #cancelScheduled(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    if (this.#frame !== null) cancelAnimationFrame(this.#frame)
    this.#timer = null
    this.#frame = null
  }

  #compute(): void {
    const { editor, doc, user } = this.options
    const index = this.#index
    if (this.#destroyed || editor.isDestroyed || index === null) return
    this.#cancelScheduled()
    const started = performance.now()
    const written = readWrittenText(doc.getXmlFragment(DOCUMENT_FRAGMENT), editor.state.doc)
    if (written === null) {
      // The tints already drawn were mapped through the change; they serve until the trees agree.
      if (this.#retries++ < OUT_OF_STEP_RETRIES) this.#nextFrame()
      return
    }
    this.#retries = 0
    const { ranges, uncovered } = attributeSpans(written.spans, index, { client: doc.clientID, person: user?.id ?? null }, Date.now())
    const people = user && !index.people.has(user.id) ? new Map([...index.people, [user.id, user]]) : index.people
    const authorFor = (person: string | null) => authorOf(person, people)
    const sections = creditSections(ranges, written.headings)
    const decorations = authorDecorations(ranges, sections, { focusable: this.#focusable, format: this.#format, authorOf: authorFor })
    const current = authorTintsKey.getState(editor.state) ?? DecorationSet.empty
    const next = updateDecorations(current, editor.state.doc, decorations)
    if (next !== current) setAuthorTints(editor.view, next)
    this.#coverage.noteUncovered(uncovered)
    const legend = shareOfText(ranges).map(({ person, characters, share }) => ({ author: authorFor(person), characters, share }))
    this.#publish({ status: 'ready', legend })
    this.#cost = performance.now() - started
  }

  /** Tells React only when something it shows changed: typing moves character counts on every keystroke. */
  #publish(snapshot: AuthorshipSnapshot): void {
    const key = `${snapshot.status}|${snapshot.legend.map(({ author, share }) => `${author.id}:${author.name}:${author.color}:${Math.round(share * 1000)}`).join(',')}`
    if (key === this.#legendKey) return
    this.#legendKey = key
    this.#snapshot = snapshot
    for (const listener of this.#listeners) listener()
  }
}
