/** Writes an editing trace into a client's document, one transaction per trace transaction. */
import type * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { ParagraphText } from '../../test/support/paragraph-text'
import type { Trace } from '../../test/support/traces'

export class TraceWriter {
  private readonly text: ParagraphText

  constructor(
    private readonly doc: Y.Doc,
    private readonly trace: Trace,
  ) {
    this.text = new ParagraphText(doc.getXmlFragment(DOCUMENT_FRAGMENT))
  }

  get length(): number {
    return this.trace.txns.length
  }

  write(transaction: number): void {
    const { patches } = this.trace.txns[transaction]!
    this.doc.transact(() => {
      for (const [position, deleted, inserted] of patches) this.text.apply(position, deleted, inserted)
    })
  }
}
