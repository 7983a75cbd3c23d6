/**
 * Which of a document's numbered changes (migrations.ts: numbered without gaps, in commit order)
 * a node holds, and which it still waits for. Its own changes it holds once committed; those of
 * other nodes arrive through the change feed, possibly out of order or not at all, and are handed
 * on strictly in order, so that each one finds in the document everything it builds on.
 */
export class ChangeSequence {
  /** This node's own changes beyond `held`, committed while an earlier one of another node had not arrived. */
  private readonly own = new Set<number>()
  /** Other nodes' changes beyond `held + 1`, waiting for the ones before them. */
  private readonly waiting = new Map<number, Uint8Array>()

  /** Every change numbered up to this one is held. */
  constructor(public held: number) {}

  /** True when changes have arrived that wait for earlier ones: those must be read from the database. */
  get hasGap(): boolean {
    return this.waiting.size > 0
  }

  /** This node committed changes first…first + count - 1. Returns other nodes' changes that may now follow, in order. */
  committed(first: number, count: number): Uint8Array[] {
    for (let number = first; number < first + count; number++) if (number > this.held) this.own.add(number)
    return this.advance()
  }

  /** Other nodes' changes, numbered from `first`. Returns those that may now be applied, in order. */
  received(first: number, records: readonly Uint8Array[]): Uint8Array[] {
    records.forEach((record, index) => {
      const number = first + index
      if (number > this.held && !this.own.has(number)) this.waiting.set(number, record)
    })
    return this.advance()
  }

  /** A snapshot holds every change up to `through`: nothing before it is waited for any more. */
  skipTo(through: number): void {
    if (through <= this.held) return
    this.held = through
    for (const number of this.own) if (number <= through) this.own.delete(number)
    for (const number of this.waiting.keys()) if (number <= through) this.waiting.delete(number)
  }

  private advance(): Uint8Array[] {
    const ready: Uint8Array[] = []
    for (;;) {
      const next = this.held + 1
      const record = this.waiting.get(next)
      if (record) {
        ready.push(record)
        this.waiting.delete(next)
      } else if (!this.own.delete(next)) return ready
      this.held = next
    }
  }
}
