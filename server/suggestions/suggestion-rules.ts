/**
 * The extension that holds people who may only suggest to suggesting, at the protocol
 * level. An update from such a person is refused, before it touches the document, if it
 * would:
 *
 *   - change the accepted text (what the document says with every pending suggestion
 *     rejected): a direct edit, or accepting a suggestion by removing its mark;
 *   - add, change or remove a suggestion stamped with anyone else's name: forging one,
 *     or rejecting someone else's.
 *
 * The connection is then closed with 4422; the editor starts again from the server's copy.
 * Their own suggestions they may change freely: typing more, withdrawing them.
 *
 * The check costs time in proportion to the blocks the update touched (trial-document.ts).
 */
import { CollabError, type ConnectionInfo, type Extension } from '../collab/hooks'
import { SuggestionRuleError, TrialDocument } from './trial-document'

export function suggestionRules(options: { mustSuggest: (connection: ConnectionInfo) => boolean }): Extension {
  const trials = new Map<string, TrialDocument>()
  /**
   * Who has had an update checked, per document. The trial copy is as large as the document
   * (docs/benchmarks.md, suggestion-check), so it goes when the last of them leaves rather
   * than when the document unloads; the next contributor's first update makes a new one.
   */
  const checked = new Map<string, Set<string>>()
  const drop = (documentId: string) => {
    trials.get(documentId)?.discard()
    trials.delete(documentId)
    checked.delete(documentId)
  }

  return {
    name: 'suggestion-rules',

    beforeApplyUpdate({ documentId, doc, update, connection }) {
      if (!update.changesDocument || !options.mustSuggest(connection)) return
      let trial = trials.get(documentId)
      if (trial?.source !== doc) {
        trial?.discard()
        trial = new TrialDocument(doc)
        trials.set(documentId, trial)
      }
      let senders = checked.get(documentId)
      if (!senders) checked.set(documentId, (senders = new Set()))
      senders.add(connection.id)
      try {
        trial.check(update.bytes, connection.user)
      } catch (error) {
        if (!(error instanceof SuggestionRuleError)) throw error
        throw new CollabError('suggestOnly', `you may only suggest changes to this document: ${error.message}`)
      }
    },

    onChange({ documentId, update }) {
      trials.get(documentId)?.follow(update)
    },

    onDisconnect({ documentId, connection }) {
      const senders = checked.get(documentId)
      if (!senders?.delete(connection.id) || senders.size > 0) return
      drop(documentId)
    },

    onStoreDocument({ documentId }) {
      drop(documentId)
    },
  }
}
