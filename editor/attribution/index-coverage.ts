/**
 * When to fetch the attribution index again.
 *
 * After each computation the tracker reports the clocks the index did not cover (text
 * written since it was fetched). A fetch is due when some of them are beyond what the
 * last fetch already asked about: new text, not text the server still cannot place (a
 * tab's unsent edits, or text from before attribution was recorded), which would only
 * have us asking again and again.
 */
import type { AttributionIndex } from '../http/attribution'

/** Waits for a pause in the typing, so one fetch covers a whole burst of it. */
const REFETCH_DELAY_MS = 1_500
/** ...but someone typing without pause still sees their "just now" turn into a time. */
const REFETCH_MAX_WAIT_MS = 10_000

export type Clocks = ReadonlyMap<number, number>

/** True when `uncovered` reaches past `requested` for some client id. */
export function hasUnrequested(uncovered: Clocks, requested: Clocks): boolean {
  for (const [client, clock] of uncovered) if (clock > (requested.get(client) ?? 0)) return true
  return false
}

function merged(a: Clocks, b: Clocks): Map<number, number> {
  const result = new Map(a)
  for (const [client, clock] of b) result.set(client, Math.max(clock, result.get(client) ?? 0))
  return result
}

export interface CoverageHandlers {
  readonly onIndex: (index: AttributionIndex) => void
  readonly onFailure: (error: unknown) => void
}

export class IndexCoverage {
  #requested: Clocks = new Map()
  #uncovered: Clocks = new Map()
  #timer: ReturnType<typeof setTimeout> | null = null
  #wantedSince: number | null = null
  #inFlight: AbortController | null = null

  constructor(
    private readonly fetchIndex: (signal: AbortSignal) => Promise<AttributionIndex>,
    private readonly handlers: CoverageHandlers,
  ) {}

  /** What the latest computation could not attribute from the index. */
  noteUncovered(uncovered: Clocks): void {
    this.#uncovered = uncovered
    if (!hasUnrequested(uncovered, this.#requested)) return
    const now = Date.now()
    this.#wantedSince ??= now
    if (this.#timer !== null) clearTimeout(this.#timer)
    const wait = Math.max(0, Math.min(REFETCH_DELAY_MS, this.#wantedSince + REFETCH_MAX_WAIT_MS - now))
    this.#timer = setTimeout(() => this.fetchNow(), wait)
  }

  fetchNow(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    this.#wantedSince = null
    // A newer answer covers everything the older one would have.
    this.#inFlight?.abort()
    const controller = new AbortController()
    this.#inFlight = controller
    const before = this.#requested
    this.#requested = merged(before, this.#uncovered)
    this.fetchIndex(controller.signal).then(
      (index) => {
        if (controller.signal.aborted) return
        this.#inFlight = null
        this.handlers.onIndex(index)
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        this.#inFlight = null
        // Asked but not answered: the next new text may ask again.
        this.#requested = before
        this.handlers.onFailure(error)
      },
    )
  }

  destroy(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    this.#inFlight?.abort()
    this.#inFlight = null
  }
}
