/**
 * What a fuzzer expects the server to hold (server/collab/held-updates.ts), mirrored: each lane's
 * updates that build on content the document lacks wait, and go when the lane's connection does;
 * what is held is tried again, oldest first, whenever the document changes. An update applies to
 * `expected` exactly when the server applies it.
 */
import * as Y from 'yjs'
import type { ContentShape } from '../../server/collab/content-shape'
import { checkUpdate, MissingDependencyError } from '../../server/collab/update-check'

export class HeldModel {
  private readonly lines = new Map<number, Uint8Array[]>()

  constructor(
    private readonly expected: Y.Doc,
    private readonly shape: ContentShape,
  ) {}

  /** An update the server accepted from `lane`: applied, or held. */
  accepted(lane: number, update: Uint8Array): void {
    if (!this.isMissingDependencies(update)) {
      this.apply(update)
      return
    }
    const line = this.lines.get(lane) ?? []
    line.push(update)
    this.lines.set(lane, line)
  }

  /** The lane's connection closed: what it had waiting is dropped. */
  closed(lane: number): void {
    this.lines.delete(lane)
  }

  private apply(update: Uint8Array): void {
    Y.applyUpdate(this.expected, update)
    for (const [lane, line] of this.lines) {
      for (const held of [...line]) {
        const verdict = this.verdictOn(held)
        if (verdict === 'missing') continue
        if (verdict === 'refused') {
          // The server closes the lane's connection and drops the rest of what it held.
          this.lines.delete(lane)
          break
        }
        line.splice(line.indexOf(held), 1)
        this.apply(held)
      }
      if (line.length === 0) this.lines.delete(lane)
    }
  }

  private isMissingDependencies(update: Uint8Array): boolean {
    return this.verdictOn(update) === 'missing'
  }

  private verdictOn(update: Uint8Array): 'applies' | 'missing' | 'refused' {
    try {
      checkUpdate(this.expected, update, this.shape)
      return 'applies'
    } catch (error) {
      return error instanceof MissingDependencyError ? 'missing' : 'refused'
    }
  }
}
