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
import { CollabError, type ConnectionInfo, type DocumentView, type Extension } from '../collab/hooks'
import { SuggestionRuleError, TrialDocument } from './trial-document'

/**
 * The trial copy of a document, and who has had an update checked against it. The copy is as
 * large as the document (docs/benchmarks.md, suggestion-check), so it goes when the last of
 * them leaves rather than when the document unloads; the next contributor's first update
 * makes a new one.
 */
interface Trials {
  trial: TrialDocument | null
  checked: Set<ConnectionInfo>
}

function drop(trials: Trials): void {
  trials.trial?.discard()
  trials.trial = null
  trials.checked.clear()
}

export function suggestionRules(options: { mustSuggest: (connection: ConnectionInfo, document: DocumentView) => boolean }): Extension<Trials> {
  return {
    name: 'suggestion-rules',

    createState: () => ({ trial: null, checked: new Set() }),

    disposeState: drop,

    beforeApplyUpdate({ document, update, connection, state }) {
      if (!update.changesDocument || !options.mustSuggest(connection, document)) return
      state.trial ??= new TrialDocument(document.doc)
      state.checked.add(connection)
      try {
        state.trial.check(update.bytes, connection.user)
      } catch (error) {
        if (!(error instanceof SuggestionRuleError)) throw error
        throw new CollabError('suggestOnly', `you may only suggest changes to this document: ${error.message}`)
      }
    },

    onChange({ update, state }) {
      state.trial?.follow(update)
    },

    onDisconnect({ connection, state }) {
      if (!state?.checked.delete(connection) || state.checked.size > 0) return
      drop(state)
    },
  }
}
