/**
 * Deciding many suggestions at once: every one shown under the current filter (all by one
 * author, or all in one section), or every one within the selected text.
 */
import type { Editor } from '@tiptap/core'
import { useState } from 'react'
import { decideMany, type Verdict } from '../http/suggestions'
import type { SuggestionSummary } from '../../model/schema/suggestion-list'
import { DecisionForm } from './DecisionForm'
import { idsWithin, type ReviewFilter } from './suggestion-groups'

interface BulkDecisionsProps {
  readonly editor: Editor
  readonly documentId: string
  readonly pending: readonly SuggestionSummary[]
  readonly shown: readonly SuggestionSummary[]
  readonly filter: ReviewFilter
  readonly nameOf: (id: string) => string
  readonly onDone: () => void
}

type Scope = 'shown' | 'selection'

export function BulkDecisions({ editor, documentId, pending, shown, filter, nameOf, onDone }: BulkDecisionsProps) {
  const [scope, setScope] = useState<Scope | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const filtered = filter.author !== null || filter.section !== undefined
  const shownLabel = filter.author !== null ? `all ${shown.length} by ${nameOf(filter.author)}` : `all ${shown.length} shown`

  async function decideAll(verdict: Verdict, reason: string): Promise<void> {
    const { from, to } = editor.state.selection
    const ids = scope === 'selection' ? idsWithin(pending, from, to) : shown.map((suggestion) => suggestion.id)
    if (ids.length === 0) {
      setOutcome('No suggestions are within the selected text.')
      return
    }
    const skipped = await decideMany(documentId, ids, verdict, reason).finally(onDone)
    const done = ids.length - skipped
    setOutcome(`${verdict === 'accept' ? 'Accepted' : 'Rejected'} ${done} suggestion${done === 1 ? '' : 's'}${skipped ? `; ${skipped} had already been decided or superseded` : ''}.`)
    setScope(null)
  }

  return (
    <div className="bulk-decisions">
      {scope === null ? (
        <div className="decision-buttons">
          {filtered && shown.length > 0 && (
            <button type="button" className="button button--small button--quiet" onClick={() => setScope('shown')}>
              Decide {shownLabel}…
            </button>
          )}
          <button type="button" className="button button--small button--quiet" onClick={() => setScope('selection')}>
            Decide on the selected text…
          </button>
        </div>
      ) : (
        <DecisionForm subject={scope === 'selection' ? 'all suggestions in the selected text' : shownLabel} onDecide={decideAll} />
      )}
      <p role="status" className="review-panel__note">
        {outcome}
      </p>
    </div>
  )
}
