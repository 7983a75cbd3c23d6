/**
 * When to record a version after people edit: once editing pauses for `idleMs`, or after
 * `maxMs` of editing that never pauses that long (server/config.ts gives the values and why).
 * One per loaded document, with the people who edited since the last version.
 */
export interface PendingEditsOptions {
  idleMs: number
  maxMs: number
  /** Records a version of the document's edits so far. */
  due: () => void
}

export class PendingEdits {
  private authors = new Set<string>()
  private idle: NodeJS.Timeout | null = null
  private longest: NodeJS.Timeout | null = null

  constructor(private readonly options: PendingEditsOptions) {}

  /** Someone changed the document (author null: the server itself). */
  changed(author: string | null): void {
    if (author !== null) this.authors.add(author)
    // Restarted, not replaced: this runs on every keystroke, and a new timer each time is garbage.
    if (this.idle) this.idle.refresh()
    else this.idle = setTimeout(this.options.due, this.options.idleMs).unref()
    this.longest ??= setTimeout(this.options.due, this.options.maxMs).unref()
  }

  /** Whether edits are waiting for a version. */
  get waiting(): boolean {
    return this.idle !== null
  }

  /** A version is being recorded: returns who edited since the last one, and starts afresh. */
  take(): Set<string> {
    this.stop()
    const authors = this.authors
    this.authors = new Set()
    return authors
  }

  /** No version is due any more: the document is leaving memory. */
  stop(): void {
    if (this.idle) clearTimeout(this.idle)
    if (this.longest) clearTimeout(this.longest)
    this.idle = null
    this.longest = null
  }
}
