/**
 * Runs work on one document at a time, in the order it was asked for: two maintainers deciding,
 * naming or restoring at once each see the other's outcome. Work on other documents runs freely.
 */
export class DocumentQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  run<T>(documentId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(documentId) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(work)
    this.tails.set(documentId, next)
    const forget = () => {
      if (this.tails.get(documentId) === next) this.tails.delete(documentId)
    }
    next.then(forget, forget)
    return next
  }

  /** Resolves once the work asked for so far on `documentId` is done, however it ended. */
  idle(documentId: string): Promise<void> {
    return (this.tails.get(documentId) ?? Promise.resolve()).then(
      () => undefined,
      () => undefined,
    )
  }
}
